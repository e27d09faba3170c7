import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { type ServerType, serve } from '@hono/node-server'
import { createFanout, type LiveMessage, type LiveStreamRecord } from '@mpp/api/live/fanout'
import { connectLive } from '@mpp/api/live/socket-routes'
import { mintSubscriptionToken } from '@mpp/api/live/subscription-token'
import { queryLiveConnections } from '@mpp/db/live-connection-repository'
import { createLocalLiveSockets, type LocalLiveSockets } from '@mpp/local/local-live-socket'
import { localFetch } from '@mpp/local/local-server'
import { type LocalStream, openStreamReader, startLocalStream } from '@mpp/local/local-stream'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import WebSocket from 'ws'
import { createClock } from '../support/clock'
import { counterPost, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants, testSecret } from '../support/test-app'

/**
 * The node server's live socket end to end: a real WebSocket client on the app's port, the socket adapter,
 * DynamoDB Local's stream read by the local stream reader, and the shared fan-out between them.
 */
const clock = createClock('2026-11-23T03:00:00Z') // 10:00 WIB, a Monday: Palembang and Lubuklinggau are open
const palembang = tenants.palembang
const lubuklinggau = tenants.lubuklinggau
let t: TestApp
let live: LocalLiveSockets
let stream: LocalStream
let server: ServerType
let port: number
const opened: WebSocket[] = []

/** Polls `check` until it holds or the deadline passes; the answer is then asserted by the caller. */
const until = async <T>(check: () => T | Promise<T>, ms = 10_000): Promise<T> => {
  const deadline = performance.now() + ms
  let value = await check()
  while (!value && performance.now() < deadline) {
    await new Promise((next) => setTimeout(next, 25))
    value = await check()
  }
  return value
}

const tokenFor = async (host: string) => {
  const res = await t.request(host, '/api/live/token')
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** Opens the socket as a browser on `host` would; resolves with the socket, or with the refusal's HTTP status. */
const connect = (token: string, host: string) =>
  new Promise<{ ws: WebSocket; messages: LiveMessage[] } | { refused: number }>((done, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/live?token=${encodeURIComponent(token)}`, {
      headers: { host },
    })
    const messages: LiveMessage[] = []
    ws.on('message', (data) => messages.push(JSON.parse(String(data))))
    ws.once('open', () => {
      opened.push(ws)
      done({ ws, messages })
    })
    ws.once('unexpected-response', (request, response) => {
      done({ refused: response.statusCode ?? 0 })
      request.destroy()
    })
    ws.once('error', fail)
  })

const connected = async (token: string, host: string) => {
  const result = await connect(token, host)
  if ('refused' in result) throw new Error(`refused with ${result.refused}`)
  return result
}

/**
 * The fan-out on batches read whole from the stream (in AWS a batch is what the event source hands over), and
 * what it sends to the connection `connectionId` (a record made with `connectLive`, no socket).
 */
const probe = async (connectionId: string) => {
  const heard: LiveMessage[] = []
  const fanout = createFanout({
    db: t.db,
    now: clock.now,
    sender: {
      send: async (to, message) => {
        if (to === connectionId) heard.push(message)
        return 'sent'
      },
    },
  })
  const batch: LiveStreamRecord[] = []
  const reader = await openStreamReader({
    db: t.db,
    endpoint: inject('dynamoEndpoint'),
    handle: async (records) => void batch.push(...records),
  })
  /** Reads the stream until the waiting marker of `ticketKey` came (or left, for a call), then fans it out. */
  const fanOutWith = async (ticketKey: string, event: 'INSERT' | 'REMOVE') => {
    const came = () =>
      batch.some((r) => r.eventName === event && JSON.stringify(r.dynamodb?.Keys).includes(`#${ticketKey}"`))
    await until(async () => {
      await reader.drain()
      return came()
    })
    expect(came()).toBe(true)
    heard.length = 0
    await fanout.handle(batch.splice(0))
    return [...heard]
  }
  return { fanOutWith, close: () => reader.close() }
}

const calls = (messages: LiveMessage[]) => messages.filter((m) => m.type === 'call')

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  live = createLocalLiveSockets({ db: t.db, config: t.deps.config, now: clock.now })
  stream = await startLocalStream({
    db: t.db,
    endpoint: inject('dynamoEndpoint'),
    handle: createFanout({ db: t.db, now: clock.now, sender: live.sender }).handle,
  })
  server = serve({
    fetch: localFetch(t.app, tmpdir(), undefined, live.routes),
    port: 0,
    hostname: '127.0.0.1',
    websocket: live.websocket,
  })
  await new Promise<void>((listening) => server.once('listening', () => listening()))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  for (const ws of opened) ws.terminate()
  await stream?.stop()
  await live?.stop()
  await new Promise<void>((closed) => (server ? server.close(() => closed()) : closed()))
})

describe('the live socket on the node server', () => {
  it("pushes a call made in Palembang to Palembang's board, and none of Lubuklinggau's", async () => {
    const board = await connected(await tokenFor(palembang.host), palembang.host)
    const otherBoard = await connected(await tokenFor(lubuklinggau.host), lubuklinggau.host)
    const palembangOfficer = await loginCookie(t, palembang.host, 'petugas@palembang.test')
    const lubuklinggauOfficer = await loginCookie(t, lubuklinggau.host, 'petugas@lubuklinggau.test')

    // Lubuklinggau's call first: on the stream it comes before Palembang's, so it would have arrived by then.
    await take(t, lubuklinggau.host, 'disdukcapil-ktp-el')
    expect(
      (await counterPost(t, lubuklinggau.host, lubuklinggauOfficer, 'loket-1', 'call-next')).status,
    ).toBe(200)
    const ticket = await take(t, palembang.host, 'disdukcapil-ktp-el')
    expect((await counterPost(t, palembang.host, palembangOfficer, 'loket-2', 'call-next')).status).toBe(200)

    expect(await until(() => calls(board.messages).length > 0)).toBe(true)
    expect(calls(board.messages)).toEqual([
      expect.objectContaining({ type: 'call', counterId: 'loket-2', label: ticket.label, status: 'called' }),
    ])
    expect(await until(() => calls(otherBoard.messages).length > 0)).toBe(true)
    expect(calls(otherBoard.messages)).toEqual([expect.objectContaining({ counterId: 'loket-1' })])
    // The lines that changed, each only to its own MPP's board.
    const palembangQueues = ['perizinan', 'kependudukan', 'kendaraan-bank', 'paspor']
    for (const m of board.messages.filter((m) => m.type === 'queue'))
      expect(palembangQueues).toContain(m.type === 'queue' && m.id)
  })

  it('tells a board a call with its line in one message, and not a ticket joining behind the numbers it shows', async () => {
    const { fanOutWith, close } = await probe('probe-board')
    const connected = await connectLive(
      { db: t.db, config: t.deps.config, now: clock.now },
      { connectionId: 'probe-board', token: await tokenFor(lubuklinggau.host) },
    )
    expect(connected.status).toBe(200)
    // The clock stays within the fan-out's grace for opening connections: the node server's own fan-out, which
    // does not know this probe, finds it gone but leaves its record.
    const officer = await loginCookie(t, lubuklinggau.host, 'petugas@lubuklinggau.test')
    try {
      const tickets = []
      for (let i = 0; i < 5; i++) tickets.push(await take(t, lubuklinggau.host, 'disdukcapil-ktp-el'))
      expect((await fanOutWith(tickets[4]?.key ?? '', 'INSERT')).some((m) => m.type === 'queue')).toBe(true)
      // A sixth joins behind the five next numbers the board lists: nothing it shows changed.
      const sixth = await take(t, lubuklinggau.host, 'disdukcapil-ktp-el')
      expect(await fanOutWith(sixth.key, 'INSERT')).toEqual([])
      const res = await counterPost(t, lubuklinggau.host, officer, 'loket-2', 'call-next')
      expect(res.status).toBe(200)
      const { called } = (await res.json()) as { called: { ticketKey: string } }
      const [call, ...more] = await fanOutWith(called.ticketKey, 'REMOVE')
      expect(call).toMatchObject({ type: 'call', counterId: 'loket-2', queue: { next: expect.any(Array) } })
      expect(more).toEqual([])
    } finally {
      close()
    }
  })

  it('refuses forged, expired and other-tenant tokens at connect', async () => {
    const token = await tokenFor(palembang.host)
    const [body, signature] = token.split('.') as [string, string]
    const forgedBody = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace(palembang.id, lubuklinggau.id),
    ).toString('base64url')
    expect(await connect(`${forgedBody}.${signature}`, lubuklinggau.host)).toEqual({ refused: 401 })
    expect(
      await connect(`${body}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, palembang.host),
    ).toEqual({
      refused: 401,
    })
    expect(await connect('', palembang.host)).toEqual({ refused: 401 })
    // Palembang's token on Lubuklinggau's host: the socket's tenant is the token's, and the host must agree.
    expect(await connect(token, lubuklinggau.host)).toEqual({ refused: 403 })

    const minted = mintSubscriptionToken(
      testSecret,
      { tenantId: palembang.id, topics: ['board'] },
      clock.now(),
    )
    const start = clock.now().toISOString()
    clock.advanceMinutes(16)
    try {
      expect(await connect(minted.token, palembang.host)).toEqual({ refused: 401 })
    } finally {
      clock.set(start)
    }
    expect('ws' in (await connect(minted.token, palembang.host))).toBe(true)
  })

  it("prunes a connection whose socket is gone on the next send, and a closed socket's records at once", async () => {
    const deps = { db: t.db, config: t.deps.config, now: clock.now }
    const token = await tokenFor(palembang.host)
    // A record without a socket in this process: what a previous run of `npm start` leaves in `.data/`. It
    // connected a minute ago (the fan-out spares a connection in its first seconds: it may be about to open).
    const start = clock.now().toISOString()
    clock.advanceMinutes(-1)
    try {
      const connected = await connectLive(deps, {
        connectionId: 'from-a-previous-run',
        token,
        host: palembang.host,
      })
      expect(connected.status).toBe(200)
    } finally {
      clock.set(start)
    }
    const boards = () => queryLiveConnections(t.db, palembang.id, 'board', clock.now())
    const ids = async () => (await boards()).map((c) => c.connectionId)
    expect(await ids()).toContain('from-a-previous-run')

    await take(t, palembang.host, 'disdukcapil-kartu-keluarga')
    expect(await until(async () => !(await ids()).includes('from-a-previous-run'))).toBe(true)

    const closing = await connected(token, palembang.host)
    const before = (await ids()).length
    closing.ws.close()
    expect(await until(async () => (await ids()).length === before - 1)).toBe(true)
  })

  it("tells a waiting citizen's page its new place when the line moves, every move within 10 places and every fifth further back", async () => {
    const officer = await loginCookie(t, palembang.host, 'petugas@palembang.test')
    const links: string[] = []
    for (let i = 0; i < 13; i++) links.push((await take(t, palembang.host, 'imigrasi-paspor')).link)
    const follow = async (index: number) => {
      const [, , key, secret] = (links[index] ?? '').split('/')
      const res = await t.request(palembang.host, `/api/live/token?ticket=${key}&secret=${secret}`)
      expect(res.status).toBe(200)
      return (await connected(((await res.json()) as { token: string }).token, palembang.host)).messages
    }
    // Their places before the call: 2, 10, 11 and 12 tickets ahead.
    const [third, eleventh, twelfth, last] = (await Promise.all([2, 10, 11, 12].map(follow))) as [
      LiveMessage[],
      LiveMessage[],
      LiveMessage[],
      LiveMessage[],
    ]
    const places = (messages: LiveMessage[]) =>
      messages.flatMap((m) => (m.type === 'ticket' && m.peopleAhead !== undefined ? [m.peopleAhead] : []))

    expect((await counterPost(t, palembang.host, officer, 'loket-5', 'call-next')).status).toBe(200)
    // A page may first hear its own ticket's creation (the stream runs behind the takes): the call's is last.
    expect(await until(() => places(third).includes(1) && places(twelfth).includes(10))).toBe(true)
    expect(places(third).at(-1)).toBe(1)
    expect(places(eleventh).at(-1)).toBe(9)
    expect(places(twelfth).at(-1)).toBe(10)
    // 11 ahead is neither within 10 nor a fifth place: not told, in the batch where the others were.
    expect(places(last)).not.toContain(11)
  })

  it("tells a console its line's count on every change up to 10, past that at every fifth; with its own call, always", async () => {
    const officer = await loginCookie(t, palembang.host, 'petugas@palembang.test')
    const asOfficer = { headers: { cookie: officer } }
    const consoleOf = async () =>
      (await (await t.request(palembang.host, '/api/counters/loket-5/console', asOfficer)).json()) as {
        current?: { ticketKey: string }
        queues: { id: string; waiting: number }[]
      }
    // Counter 5 (the passport line) may still be busy with a ticket of the test before: finish it first.
    const busy = (await consoleOf()).current
    if (busy) {
      await counterPost(t, palembang.host, officer, 'loket-5', 'start', { ticketKey: busy.ticketKey })
      await counterPost(t, palembang.host, officer, 'loket-5', 'complete', { ticketKey: busy.ticketKey })
    }
    const res = await t.request(palembang.host, '/api/live/token?counter=loket-5', asOfficer)
    expect(res.status).toBe(200)
    const token = ((await res.json()) as { token: string }).token
    const deps = { db: t.db, config: t.deps.config, now: clock.now }
    expect((await connectLive(deps, { connectionId: 'probe-console', token })).status).toBe(200)
    const { fanOutWith, close } = await probe('probe-console')
    try {
      const passport = (heard: LiveMessage[]) =>
        heard.flatMap((m) => (m.type === 'console' ? m.queues.filter((q) => q.id === 'paspor') : []))
      const start = (await consoleOf()).queues.find((q) => q.id === 'paspor')?.waiting ?? 0
      const end = Math.max(start, 10) + 6
      const told: number[] = []
      for (let n = start + 1; n <= end; n++) {
        const { key } = await take(t, palembang.host, 'imigrasi-paspor')
        told.push(...passport(await fanOutWith(key, 'INSERT')).map((q) => q.waiting))
      }
      expect(told).toEqual(
        Array.from({ length: end - start }, (_, i) => start + 1 + i).filter((n) => n <= 10 || n % 5 === 0),
      )
      // The counter's own call: its message goes anyway, with the line's exact count.
      const called = await counterPost(t, palembang.host, officer, 'loket-5', 'call-next')
      expect(called.status).toBe(200)
      const { ticketKey } = ((await called.json()) as { called: { ticketKey: string } }).called
      const [own, ...more] = await fanOutWith(ticketKey, 'REMOVE')
      expect(own).toMatchObject({ type: 'console', call: { status: 'called' } })
      expect(passport([own as LiveMessage]).map((q) => q.waiting)).toEqual([end - 1])
      expect(more).toEqual([])
    } finally {
      close()
    }
  })

  it('answers ping with pong', async () => {
    const { ws, messages } = await connected(await tokenFor(palembang.host), palembang.host)
    ws.send('ping')
    expect(await until(() => messages.some((m) => (m as { type: string }).type === 'pong'))).toBe(true)
    ws.send(JSON.stringify({ type: 'ping' }))
    expect(
      await until(() => messages.filter((m) => (m as { type: string }).type === 'pong').length === 2),
    ).toBe(true)
  })
})

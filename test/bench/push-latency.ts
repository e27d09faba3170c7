import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { serve } from '@hono/node-server'
import { createFanout, type LiveMessage } from '@mpp/api/live/fanout'
import { createDb } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { createLocalLiveSockets } from '@mpp/local/local-live-socket'
import { localFetch } from '@mpp/local/local-server'
import { startLocalStream } from '@mpp/local/local-stream'
import { seedDemo } from '@mpp/local/seed/seed-demo'
import WebSocket from 'ws'
import { liveStreamBatching } from '../../infra/constructs/live-socket-api'
import { benchApp, benchClock, benchConfig } from './bench-app'
import { percentile, round } from './stats'

const password = 'bench-password'
const host = 'lubuklinggau.localhost'
const counterId = 'loket-1'

/** Resolves with what `check` returns once it is truthy, or with undefined after `ms`. */
const until = async <T>(check: () => T | undefined, ms = 10_000): Promise<T | undefined> => {
  const deadline = performance.now() + ms
  for (let value = check(); performance.now() < deadline; value = check()) {
    if (value) return value
    await new Promise((next) => setTimeout(next, 2))
  }
  return check()
}

/**
 * Push latency as `npm start` runs it: the node server, a board and a citizen's ticket page on real sockets,
 * DynamoDB Local's stream read by the local reader and the fan-out. Each sample: a ticket is taken and followed,
 * an officer calls it; measured from the officer's HTTP answer (the write committed) to the board's call message
 * and to the ticket page's message. In AWS the stream's event source adds its batching window.
 */
export const benchPushLatency = async (endpoint: string, samples = 100) => {
  const db = createDb({ tableName: 'bench-push-latency', endpoint, region: 'local' })
  await createTableIfMissing(db.client, db.tableName)
  await seedDemo(db, password)
  const now = benchClock()
  const app = await benchApp(db, now)
  const live = createLocalLiveSockets({ db, config: benchConfig, now })
  const stream = await startLocalStream({
    db,
    endpoint,
    handle: createFanout({ db, now, sender: live.sender }).handle,
  })
  const server = serve({
    fetch: localFetch(app, tmpdir(), undefined, live.routes),
    port: 0,
    hostname: '127.0.0.1',
    websocket: live.websocket,
  })
  await new Promise<void>((listening) => server.once('listening', () => listening()))
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`
  const sockets: WebSocket[] = []

  const request = async (path: string, init: RequestInit = {}) => {
    // Node's fetch will not send another Host: HTTP goes to the app in process, the sockets through the server.
    const res = await app.request(`http://${host}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    })
    const body = await res.text()
    if (res.status >= 400) throw new Error(`${path}: ${res.status} ${body}`)
    return { res, body: body ? (JSON.parse(body) as Record<string, unknown>) : {} }
  }
  /** A socket on `query`'s token; each message with the moment it came. */
  const follow = async (query: string) => {
    const { body } = await request(`/api/live/token${query}`, { headers: { 'x-bench-client': '10.9.0.1' } })
    const ws = new WebSocket(`ws://${base}/live?token=${encodeURIComponent(String(body.token))}`, {
      headers: { host },
    })
    sockets.push(ws)
    const heard: { at: number; message: LiveMessage }[] = []
    ws.on('message', (data) => heard.push({ at: performance.now(), message: JSON.parse(String(data)) }))
    await new Promise((opened, failed) => ws.once('open', opened).once('error', failed))
    return heard
  }

  try {
    const login = await request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'petugas@lubuklinggau.test', password }),
    })
    const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0] as string
    const officer = (action: string, body: unknown = {}) =>
      request(`/api/counters/${counterId}/${action}`, {
        method: 'POST',
        headers: { cookie },
        body: JSON.stringify(body),
      })
    const board = await follow('')
    const toBoard: number[] = []
    const toTicket: number[] = []
    for (let i = 0; i < samples; i++) {
      const { body: taken } = await request('/api/tickets', {
        method: 'POST',
        headers: { 'x-bench-client': `10.8.${i >> 8}.${i & 255}` },
        body: JSON.stringify({ serviceId: 'disdukcapil-ktp-el' }),
      })
      const [, , key, secret] = String(taken.link).split('/') as [string, string, string, string]
      const page = await follow(`?ticket=${key}&secret=${secret}`)
      const { body } = await officer('call-next')
      const answeredAt = performance.now()
      const called = body.called as { ticketKey: string; label: string }
      const boardHeard = await until(() =>
        board.find((h) => h.message.type === 'call' && h.message.label === called.label),
      )
      const pageHeard = await until(() =>
        page.find((h) => h.message.type === 'ticket' && h.message.status === 'called'),
      )
      if (!boardHeard || !pageHeard) throw new Error(`no message for the call of ${called.label} in 10 s`)
      // A message can beat the HTTP answer to the client: it counts as 0.
      toBoard.push(Math.max(0, boardHeard.at - answeredAt))
      toTicket.push(Math.max(0, pageHeard.at - answeredAt))
      sockets.pop()?.close()
      await officer('start', { ticketKey: called.ticketKey })
      await officer('complete', { ticketKey: called.ticketKey })
    }
    const summary = (ms: number[]) => ({ p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)) })
    return {
      samples,
      board: summary(toBoard),
      ticketPage: summary(toTicket),
      awsBatchingWindowMs: liveStreamBatching.windowSeconds * 1000,
    }
  } finally {
    for (const ws of sockets) ws.terminate()
    await stream.stop()
    await live.stop()
    await new Promise<void>((closed) => server.close(() => closed()))
  }
}

export const printPushLatency = (latency: Awaited<ReturnType<typeof benchPushLatency>>) => {
  console.log(
    `Push latency, from the officer's HTTP answer to the message received, ${latency.samples} calls on the node server with DynamoDB Local's stream (ms):`,
  )
  console.table([
    { client: 'board (call)', ...latency.board },
    { client: "citizen's ticket page", ...latency.ticketPage },
  ])
  console.log(
    `In AWS add the stream event source's polling and its batching window (up to ${latency.awsBatchingWindowMs} ms).`,
  )
}

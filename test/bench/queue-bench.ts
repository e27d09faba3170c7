import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Db } from '@mpp/db/client'
import { freePort } from '@mpp/local/free-port'
import { benchApp } from './bench-app'
import { meterBilledWrites } from './billed-writes'
import { meterCapacity } from './capacity'
import { type HttpCall, load, send } from './http-load'
import { inPool } from './pool'
import { captureTransaction, replayTransaction } from './raw-transaction'
import { countRoundTrips } from './round-trips'
import { percentile, round } from './stats'

const host = 'samarinda.localhost'
const services = ['disdukcapil-ktp-el', 'dpmptsp-nib', 'samsat-pkb']
const json = (method: string, path: string, body: unknown, cookie?: string): HttpCall => ({
  method,
  host,
  path,
  body: JSON.stringify(body),
  headers: cookie ? { cookie } : {},
})

/**
 * The queue under load through the local HTTP server (the same app `npm start` serves), plus the DynamoDB
 * round trips and capacity units each operation costs, measured on the client the app uses.
 */
export const benchQueue = async (db: Db, password: string) => {
  const trips = countRoundTrips(db)
  const capacity = meterCapacity(db)
  const billed = await meterBilledWrites(db)
  const app = await benchApp(db)
  const port = await freePort()
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server
  // The client's sockets idle while the raw replay takes its turn: past Node's 5 s the server would close them
  // as the client reuses one (ECONNRESET).
  server.keepAliveTimeout = 120_000
  try {
    const login = async (email: string) => {
      const res = await send(port, json('POST', '/api/auth/login', { email, password }))
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`)
      return (res.setCookie[0] ?? '').split(';')[0] as string
    }
    const admin = await login('admin@samarinda.test')
    const officer = await login('petugas@samarinda.test')

    // Room for the load, and ten counters on one queue.
    const { queues } = JSON.parse(
      (await send(port, { method: 'GET', host, path: '/api/admin/queues', headers: { cookie: admin } })).body,
    )
    for (const q of queues) {
      const { id, ...rest } = q
      await send(
        port,
        json(
          'PUT',
          `/api/admin/queues/${id}`,
          { ...rest, dailyCapacity: 5000, onlineSharePercent: 50 },
          admin,
        ),
      )
    }
    const counters = Array.from({ length: 10 }, (_, i) => `bench-${i + 1}`)
    for (const [i, id] of counters.entries()) {
      await send(
        port,
        json(
          'PUT',
          `/api/admin/counters/${id}`,
          { number: 200 + i, queueIds: ['kependudukan'], active: true },
          admin,
        ),
      )
    }

    // The transaction of a queue's first ticket of the day, to replay raw against the same DynamoDB Local.
    const issuance = captureTransaction(db, ([counter]) =>
      Boolean(
        counter?.Update?.Key?.sk?.S?.startsWith('Q#') &&
          counter.Update.ConditionExpression?.startsWith('attribute_not_exists'),
      ),
    )
    // 500 citizens, each from an address of their own: under the MPP's 600 tickets per 10 minutes, so every
    // request is a ticket issued (and counted against the limits), never a 429. The app and the raw replay take
    // turns in chunks of 100: DynamoDB Local's JVM speeds up as it warms (the same raw transactions went from 43/s
    // to 89/s over three runs in a row), so measuring one whole run after the other favoured the second.
    const citizens = 500
    const chunk = 100
    const concurrency = 20
    const takeLatencies: number[] = []
    const statuses: Record<string, number> = {}
    let takeSeconds = 0
    let rawSeconds = 0
    for (let from = 0; from < citizens; from += chunk) {
      takeSeconds += await inPool(chunk, concurrency, async (j) => {
        const i = from + j
        const res = await send(port, {
          ...json('POST', '/api/tickets', { serviceId: services[i % services.length] }),
          headers: { 'x-bench-client': `10.1.${i >> 8}.${i & 255}` },
        })
        takeLatencies.push(res.ms)
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
      })
      if (!issuance.items) throw new Error('takeTicket sent no transaction to replay')
      rawSeconds += (await replayTransaction(db, issuance.items, chunk, concurrency, from)).seconds
    }
    if (Object.keys(statuses).some((status) => status !== '201'))
      throw new Error(`takeTicket load: ${JSON.stringify(statuses)}`)
    const takeLoad = {
      requests: citizens,
      concurrency,
      p50: round(percentile(takeLatencies, 50)),
      p99: round(percentile(takeLatencies, 99)),
      perSecond: round(citizens / takeSeconds, 1),
      statuses,
    }
    const takeTicketVsRaw = {
      items: issuance.items?.length ?? 0,
      takeTicketPerSecond: takeLoad.perSecond,
      rawPerSecond: round(citizens / rawSeconds, 1),
      ratio: round(rawSeconds / takeSeconds, 2),
    }
    const boardLoad = await load(port, 600, 20, () => ({ method: 'GET', host, path: '/api/board' }))
    // Ten counters call at once, each marking its ticket a no-show before calling again.
    const perCounter = 20
    const callLatencies: number[] = []
    await Promise.all(
      counters.map(async (id) => {
        for (let i = 0; i < perCounter; i++) {
          const res = await send(port, json('POST', `/api/counters/${id}/call-next`, {}, officer))
          callLatencies.push(res.ms)
          const called = JSON.parse(res.body).called
          if (called)
            await send(
              port,
              json('POST', `/api/counters/${id}/no-show`, { ticketKey: called.ticketKey }, officer),
            )
        }
      }),
    )
    const sorted = [...callLatencies].sort((a, b) => a - b)
    const callLoad = {
      requests: callLatencies.length,
      concurrency: counters.length,
      p50: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      p99: round(sorted[Math.ceil(sorted.length * 0.99) - 1] ?? 0),
    }

    // One ticket's whole life, step by step: round trips and capacity units of each.
    const step = async (name: string, call: HttpCall) => {
      trips.reset()
      capacity.take()
      billed.take()
      billed.measuring = true
      const res = await send(port, call).finally(() => {
        billed.measuring = false
      })
      if (res.status >= 300) throw new Error(`${name}: ${res.status} ${res.body}`)
      const { units, items } = billed.take()
      return {
        name,
        roundTrips: trips.count,
        ...capacity.take(),
        billedWrite: units,
        items: items.map((i) => `${i.sk.split('#')[0]}:${i.bytes}`).join(' '),
        body: JSON.parse(res.body || '{}'),
      }
    }
    // Serve what the load left waiting, so the measured ticket is the next one called.
    for (;;) {
      const res = JSON.parse(
        (await send(port, json('POST', '/api/counters/loket-1/call-next', {}, officer))).body,
      )
      if (!res.called) break
      await send(
        port,
        json('POST', '/api/counters/loket-1/no-show', { ticketKey: res.called.ticketKey }, officer),
      )
    }
    const take = await step('takeTicket', {
      ...json('POST', '/api/tickets', { serviceId: services[0] }),
      headers: { 'x-bench-client': '10.2.0.1' },
    })
    const [, , key, secret] = String(take.body.link).split('/')
    // takeTicket invalidated this process's one-second live view, so getBoard reads it (the one round trip
    // the board costs at most once a second per process) and getTicket then shares it.
    const life = [
      take,
      await step('getBoard', { method: 'GET', host, path: '/api/board' }),
      await step('getTicket', { method: 'GET', host, path: `/api/tickets/${key}/${secret}` }),
      await step('callNext', json('POST', '/api/counters/loket-1/call-next', {}, officer)),
      await step('startService', json('POST', '/api/counters/loket-1/start', { ticketKey: key }, officer)),
      await step(
        'completeTicket',
        json('POST', '/api/counters/loket-1/complete', { ticketKey: key }, officer),
      ),
      await step('submitSurvey', {
        ...json('POST', `/api/tickets/${key}/${secret}/survey`, {
          answers: { U1: 4, U2: 3, U3: 4, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 4 },
        }),
        headers: { 'x-bench-client': '10.2.0.1' },
      }),
    ].map(({ body: _, ...rest }) => ({ ...rest, read: round(rest.read, 2), write: round(rest.write, 2) }))

    return { load: { takeTicket: takeLoad, callNext: callLoad, getBoard: boardLoad }, takeTicketVsRaw, life }
  } finally {
    server.close()
  }
}

import type { Clock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import { seededRandom } from '@mpp/local/seed/seeded-random'
import { benchApp } from './bench-app'
import { meterCapacity } from './capacity'

/** The MPP the cost model is about (issue 9): a busy day of a busy regency's MPP. */
export const mppDay = {
  tickets: 1000,
  openMinutes: 8 * 60,
  boards: 10,
  /** Twelve counters over three queues, as a mall of this size splits them. */
  counters: [
    ...Array.from({ length: 5 }, () => 'kependudukan'),
    ...Array.from({ length: 3 }, () => 'perizinan-air'),
    ...Array.from({ length: 4 }, () => 'pajak'),
  ],
  /** The service each queue's tickets are taken for, and the queue's share of the day's tickets. */
  services: [
    { queueId: 'kependudukan', serviceId: 'disdukcapil-ktp-el', share: 0.45 },
    { queueId: 'perizinan-air', serviceId: 'dpmptsp-nib', share: 0.2 },
    { queueId: 'pajak', serviceId: 'samsat-pkb', share: 0.35 },
  ],
  /** Half the citizens follow their ticket on a phone. */
  followingShare: 0.5,
  /** Minutes at the counter, uniformly between these. */
  serviceMinutes: [2.5, 7],
  /** From the call to the citizen at the counter. */
  walkMinutes: 1,
} as const

const host = 'samarinda.localhost'
const tenantSlug = 'samarinda'
/** Wednesday 25 November 2026, 08:00 in Samarinda (UTC+8). */
const opensAt = Date.parse('2026-11-25T00:00:00Z')
const minute = 60_000

/** What one kind of work cost over the day: how often, Lambda time, capacity units, bytes sent. */
export interface UsageRow {
  kind: string
  /** Billed as: an HTTP request through CloudFront, WAF and the HTTP API; a Lambda invocation only. */
  via: 'http' | 'lambda'
  count: number
  lambdaMs: number
  read: number
  write: number
}

export interface DayUsage {
  rows: UsageRow[]
  webSocket: {
    messages: number
    /** Messages by who hears them and what they say (`board: call`, `ticket page: ticket`, `ping and pong`). */
    messagesBy: Record<string, number>
    connectionMinutes: number
    largestMessageBytes: number
  }
}

/**
 * Runs the MPP's day on the bench's table in simulated time, every ticket taken, called, started and finished
 * through the app as a citizen and an officer would, in time order; `onTick` runs the clients of one design
 * (polling or push) between those events. Requests that recur all day (a board's poll) are run one in
 * `sample` and counted `sample` times, their units averaged over the ones run.
 */
export const runMppDay = async (
  db: Db,
  password: string,
  clients: (day: DaySimulation) => ClientModel,
): Promise<DayUsage> => {
  let simNow = opensAt
  const now: Clock = () => new Date(simNow)
  const app = await benchApp(db, now)
  const capacity = meterCapacity(db)
  const rows = new Map<string, UsageRow>()
  const webSocket: DayUsage['webSocket'] = {
    messages: 0,
    messagesBy: {},
    connectionMinutes: 0,
    largestMessageBytes: 0,
  }

  const account = (kind: string, via: UsageRow['via'], ms: number, times = 1) => {
    const units = capacity.take()
    const row = rows.get(kind) ?? { kind, via, count: 0, lambdaMs: 0, read: 0, write: 0 }
    row.count += times
    row.lambdaMs += Math.max(1, Math.ceil(ms)) * times
    row.read += units.read * times
    row.write += units.write * times
    rows.set(kind, row)
  }
  const request = async (kind: string, method: string, path: string, init: RequestInit = {}, times = 1) => {
    capacity.take()
    const started = performance.now()
    const res = await app.request(`http://${host}${path}`, {
      method,
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string>),
      },
    })
    const body = await res.text()
    const ms = performance.now() - started
    if (res.status >= 400) throw new Error(`${kind} ${method} ${path}: ${res.status} ${body}`)
    account(kind, 'http', ms, times)
    return body ? (JSON.parse(body.startsWith('<') ? 'null' : body) as Record<string, unknown>) : {}
  }
  /** Work of a Lambda other than the HTTP one (the live socket's, the fan-out), timed and metered. */
  const invoke = async <T>(kind: string, work: () => Promise<T>): Promise<T> => {
    capacity.take()
    const started = performance.now()
    const result = await work()
    account(kind, 'lambda', performance.now() - started)
    return result
  }

  // The MPP's setup for the day: room for every ticket, twelve counters, an officer signed in.
  const login = async (email: string) => {
    const res = await app.request(`http://${host}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`)
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
  }
  const admin = await login(`admin@${tenantSlug}.test`)
  const officer = await login(`petugas@${tenantSlug}.test`)
  const adminJson = (body: unknown) => ({
    method: 'PUT',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const { queues } = (await (
    await app.request(`http://${host}/api/admin/queues`, { headers: { cookie: admin } })
  ).json()) as { queues: { id: string }[] }
  for (const { id, ...rest } of queues)
    await app.request(
      `http://${host}/api/admin/queues/${id}`,
      adminJson({ ...rest, dailyCapacity: 5000, onlineSharePercent: 100 }),
    )
  const counterIds = mppDay.counters.map((_, i) => `loket-${i + 1}`)
  for (const [i, queueId] of mppDay.counters.entries())
    await app.request(
      `http://${host}/api/admin/counters/${counterIds[i]}`,
      adminJson({ number: i + 1, queueIds: [queueId], active: true }),
    )
  capacity.take()

  const day: DaySimulation = {
    now,
    advance: (at) => {
      simNow = Math.max(simNow, at)
    },
    counterIds,
    officer,
    request,
    invoke,
    webSocket,
  }
  const model = clients(day)

  // The day's events in time order: arrivals, and each counter's call, start and finish.
  const random = seededRandom(20261125)
  type Event = { at: number; run: () => Promise<void> }
  const events: Event[] = []
  const schedule = (at: number, run: () => Promise<void>) => {
    let i = events.length
    while (i > 0 && (events[i - 1] as Event).at > at) i--
    events.splice(i, 0, { at, run })
  }
  const free = new Set(counterIds)
  const waiting = new Map<string, number>(mppDay.services.map((s) => [s.queueId, 0]))
  const callAt = (counterId: string, at: number) => {
    free.delete(counterId)
    schedule(at, async () => {
      const queueId = mppDay.counters[counterIds.indexOf(counterId)] as string
      const body = await request('http: callNext', 'POST', `/api/counters/${counterId}/call-next`, {
        headers: { cookie: officer },
        body: '{}',
      })
      const called = body.called as { ticketKey: string } | undefined
      if (!called) {
        free.add(counterId)
        return
      }
      waiting.set(queueId, (waiting.get(queueId) ?? 1) - 1)
      await model.changed?.({ kind: 'call', queueId, counterId })
      const { ticketKey } = called
      const startAt = simNow + mppDay.walkMinutes * minute
      const [low, high] = mppDay.serviceMinutes
      const doneAt = startAt + random.between(low, high) * minute
      schedule(startAt, async () => {
        await request('http: startService', 'POST', `/api/counters/${counterId}/start`, {
          headers: { cookie: officer },
          body: JSON.stringify({ ticketKey }),
        })
        await model.changed?.({ kind: 'start', queueId, counterId })
      })
      schedule(doneAt, async () => {
        await request('http: completeTicket', 'POST', `/api/counters/${counterId}/complete`, {
          headers: { cookie: officer },
          body: JSON.stringify({ ticketKey }),
        })
        await model.changed?.({ kind: 'complete', queueId, counterId })
        await model.ticketDone?.(ticketKey)
        // The officer calls the next citizen right away when one waits.
        if ((waiting.get(queueId) ?? 0) > 0) callAt(counterId, simNow + 5_000)
        else free.add(counterId)
      })
    })
  }
  const gap = (mppDay.openMinutes * minute) / mppDay.tickets
  for (let i = 0; i < mppDay.tickets; i++) {
    const at = opensAt + Math.floor((i + random.next()) * gap)
    const service = random.weighted(mppDay.services.map((s) => [s, s.share] as const))
    const follows = random.chance(mppDay.followingShare)
    schedule(at, async () => {
      const body = await request('http: takeTicket', 'POST', '/api/tickets', {
        headers: { 'x-bench-client': `10.3.${i >> 8}.${i & 255}` },
        body: JSON.stringify({ serviceId: service.serviceId }),
      })
      const [, , key, secret] = String(body.link).split('/') as [string, string, string, string]
      waiting.set(service.queueId, (waiting.get(service.queueId) ?? 0) + 1)
      await model.changed?.({ kind: 'take', queueId: service.queueId })
      if (follows) await model.ticketTaken?.(key, secret)
      const idle = counterIds.find(
        (id) => free.has(id) && mppDay.counters[counterIds.indexOf(id)] === service.queueId,
      )
      if (idle) callAt(idle, simNow + 5_000)
    })
  }
  const closesAt = opensAt + mppDay.openMinutes * minute
  await model.opened?.()
  for (let event = events.shift(); event; event = events.shift()) {
    await model.until?.(event.at)
    day.advance(event.at)
    await event.run()
    await model.after?.()
  }
  await model.until?.(Math.max(simNow, closesAt))
  day.advance(closesAt)
  await model.closed?.()
  return { rows: [...rows.values()], webSocket }
}

/** What a client design sees of the simulated day. */
export interface DaySimulation {
  now: Clock
  /** Moves the simulated time forward to `at` (never back). */
  advance: (at: number) => void
  counterIds: string[]
  officer: string
  request: (
    kind: string,
    method: string,
    path: string,
    init?: RequestInit,
    times?: number,
  ) => Promise<Record<string, unknown>>
  invoke: <T>(kind: string, work: () => Promise<T>) => Promise<T>
  webSocket: DayUsage['webSocket']
}

/** What happened at the MPP, for the clients that react to it. */
export interface DayEvent {
  kind: 'take' | 'call' | 'start' | 'complete'
  queueId: string
  counterId?: string
}

/** One client design (polling or push): what it does as the day goes. */
export interface ClientModel {
  opened?: () => Promise<void>
  /** Runs what the clients do up to `at` (simulated time), before the event at `at`. */
  until?: (at: number) => Promise<void>
  /** After each event: push reads the table's stream and fans out what changed. */
  after?: () => Promise<void>
  changed?: (event: DayEvent) => Promise<void>
  ticketTaken?: (key: string, secret: string) => Promise<void>
  ticketDone?: (key: string) => Promise<void>
  closed?: () => Promise<void>
}

export const simulatedDay = { opensAt, closesAt: opensAt + mppDay.openMinutes * minute, minute }

import { getTicket } from '@mpp/db/ticket-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { configureQueue, contended, counterPost, json, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const host = tenants.samarinda.host
let t: TestApp
let officer: string
let admin: string
const clock = createClock('2026-11-23T02:00:00Z') // 10:00 WITA

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@samarinda.test')
  admin = await loginCookie(t, host, 'admin@samarinda.test')
  await configureQueue(t, host, admin, 'kependudukan', { dailyCapacity: 5000, onlineSharePercent: 50 })
})

const call = async (counterId: string, body: unknown = {}) => {
  const res = await counterPost(t, host, officer, counterId, 'call-next', body)
  return { status: res.status, body: await res.json() }
}
const act = (counterId: string, action: string, ticketKey: string, extra: Record<string, unknown> = {}) =>
  counterPost(t, host, officer, counterId, action, { ticketKey, ...extra })

describe('calling tickets', () => {
  it(
    'lets 10 counters calling at once on 50 waiting tickets call each exactly once',
    async () => {
      const counterIds = Array.from({ length: 10 }, (_, i) => `uji-${i + 1}`)
      for (const [i, id] of counterIds.entries()) {
        const res = await t.request(host, `/api/admin/counters/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: admin },
          body: JSON.stringify({ number: 100 + i, queueIds: ['kependudukan'], active: true }),
        })
        expect(res.status).toBe(204)
      }
      const issued = []
      for (let i = 0; i < 50; i++) issued.push(await take(t, host, 'disdukcapil-akta-kematian'))

      // Every counter calls, completes and calls again until nobody waits; all ten at the same time.
      const calledBy = await Promise.all(
        counterIds.map(async (id) => {
          const mine: string[] = []
          for (;;) {
            const { status, body } = await call(id)
            expect(status).toBe(200)
            if (!body.called) return mine
            mine.push(body.called.ticketKey)
            expect((await act(id, 'start', body.called.ticketKey)).status).toBe(200)
            expect((await act(id, 'complete', body.called.ticketKey)).status).toBe(200)
          }
        }),
      )
      const all = calledBy.flat()
      expect(all).toHaveLength(50)
      expect(new Set(all).size).toBe(50)
      expect(new Set(all)).toEqual(new Set(issued.map((x) => x.key)))
      expect(calledBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1)
    },
    contended,
  )

  it('calls priority and regular tickets two to one, oldest first', async () => {
    const order = ['R1', 'P1', 'P2', 'P3', 'R2', 'P4']
    const labels = new Map<string, string>()
    for (const name of order) {
      clock.advanceMinutes(1)
      const ticket = await take(t, host, 'disdukcapil-kartu-keluarga', { priority: name.startsWith('P') })
      labels.set(ticket.key, name)
    }
    const called: string[] = []
    for (let i = 0; i < order.length; i++) {
      const { body } = await call('loket-1')
      called.push(labels.get(body.called.ticketKey) as string)
      await act('loket-1', 'no_show'.replace('_', '-'), body.called.ticketKey)
    }
    expect(called).toEqual(['P1', 'P2', 'R1', 'P3', 'P4', 'R2'])
  })

  it('refuses a new call while the counter still has a ticket, and a queue the counter does not serve', async () => {
    const ticket = await take(t, host, 'disdukcapil-ktp-el')
    const first = await call('loket-2')
    expect(first.body.called.ticketKey).toBe(ticket.key)
    const again = await call('loket-2')
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('counter_busy')
    expect((await act('loket-2', 'complete', ticket.key)).status).toBe(409) // called, not yet serving
    expect((await act('loket-2', 'no-show', ticket.key)).status).toBe(200)

    const other = await call('loket-2', { queueId: 'bpjs' })
    expect(other.status).toBe(409)
    expect(other.body.error.code).toBe('not_serving_queue')
    const unknown = await call('tidak-ada')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('counter_not_found')
    const bad = await counterPost(t, host, officer, 'loket-2', 'start', { ticketKey: 42 })
    expect(bad.status).toBe(400)
  })

  it('keeps every step of a ticket with its time, counter and officer', async () => {
    const ticket = await take(t, host, 'dpmptsp-nib')
    const { body } = await call('loket-3')
    expect(body.called.ticketKey).toBe(ticket.key)
    expect((await act('loket-3', 'recall', ticket.key)).status).toBe(200)
    expect((await act('loket-3', 'start', ticket.key)).status).toBe(200)
    clock.advanceMinutes(7)
    expect((await act('loket-3', 'complete', ticket.key)).status).toBe(200)
    const stored = await getTicket(t.db, tenants.samarinda.id, ticket.key)
    expect(stored?.status).toBe('completed')
    expect(stored?.events.map((e) => `${e.action}:${e.status}`)).toEqual([
      'issue:waiting',
      'call:called',
      'recall:called',
      'start:serving',
      'complete:completed',
    ])
    for (const e of stored?.events.slice(1) ?? []) {
      expect(e.counterId).toBe('loket-3')
      expect(e.by).toBe('petugas@samarinda.test')
      expect(Date.parse(e.at)).toBeGreaterThan(0)
    }
    // A finished ticket accepts nothing more.
    expect((await act('loket-3', 'start', ticket.key)).status).toBe(409)
  })

  it('transfers a ticket to another queue keeping its original arrival time', async () => {
    clock.advanceMinutes(1)
    const early = await take(t, host, 'dpmptsp-pbg')
    clock.advanceMinutes(5)
    const later = await take(t, host, 'samsat-pkb') // queue C, arrived after `early`
    const { body } = await call('loket-3')
    expect(body.called.ticketKey).toBe(early.key)
    const moved = await act('loket-3', 'transfer', early.key, { queueId: 'pajak' })
    expect(moved.status).toBe(200)
    // At the counter of queue C, the transferred ticket comes first: it arrived earlier.
    const next = await call('loket-4')
    expect(next.body.called.ticketKey).toBe(early.key)
    expect(next.body.called.label).toBe(early.label)
    await act('loket-4', 'no-show', early.key)
    expect((await call('loket-4')).body.called.ticketKey).toBe(later.key)
    await act('loket-4', 'no-show', later.key)
    const stored = await getTicket(t.db, tenants.samarinda.id, early.key)
    expect(stored?.queueId).toBe('pajak')
    expect(stored?.originalQueueId).toBe('perizinan-air')
    expect(stored?.events.map((e) => e.action)).toEqual(['issue', 'call', 'transfer', 'call', 'no_show'])
  })

  it('puts a ticket on hold and back in line at its original place', async () => {
    clock.advanceMinutes(1)
    const first = await take(t, host, 'jkn-daftar'.replace('jkn', 'bpjs-kesehatan-jkn'))
    clock.advanceMinutes(1)
    const second = await take(t, host, 'bpjs-kesehatan-jkn-ubah-data')
    expect((await call('loket-5')).body.called.ticketKey).toBe(first.key)
    expect((await act('loket-5', 'hold', first.key)).status).toBe(200)
    const console_ = await (
      await t.request(host, '/api/counters/loket-5/console', { headers: { cookie: officer } })
    ).json()
    expect(console_.held.map((h: { ticketKey: string }) => h.ticketKey)).toContain(first.key)
    const resumed = await t.request(host, `/api/tickets/${first.key}/resume`, json({}, { cookie: officer }))
    expect(resumed.status).toBe(200)
    expect(
      (await t.request(host, `/api/tickets/${first.key}/resume`, json({}, { cookie: officer }))).status,
    ).toBe(409)
    expect((await call('loket-5')).body.called.ticketKey).toBe(first.key)
    await act('loket-5', 'no-show', first.key)
    expect((await call('loket-5')).body.called.ticketKey).toBe(second.key)
    await act('loket-5', 'no-show', second.key)
  })

  it('answers with null when nobody waits', async () => {
    const { status, body } = await call('loket-5')
    expect(status).toBe(200)
    expect(body.called).toBeNull()
  })
})

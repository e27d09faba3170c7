import { createApp } from '@mpp/api/app'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { configureQueue, contended, expectGapless, json, numberOf, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const llg = tenants.lubuklinggau.host
// Three services in three different queues of Lubuklinggau (A, B, D).
const services = ['disdukcapil-ktp-el', 'dpmptsp-nib', 'bpjs-kesehatan-jkn-daftar']

let t: TestApp
const clock = createClock('2026-11-23T03:00:00Z') // 10:00 WIB, a Monday
beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  // Room for the load below: the demo capacities are those of a real day.
  for (const [host, slug, queueIds] of [
    [llg, 'lubuklinggau', ['kependudukan', 'perizinan', 'jaminan-sosial']],
    [tenants.palembang.host, 'palembang', ['paspor']],
  ] as const) {
    const admin = await loginCookie(t, host, `admin@${slug}.test`)
    for (const id of queueIds)
      await configureQueue(t, host, admin, id, { dailyCapacity: 5000, onlineSharePercent: 50 })
  }
})

describe('takeTicket', () => {
  it(
    'issues unique, gapless numbers per queue under 300 concurrent requests',
    async () => {
      const issued = await Promise.all(
        Array.from({ length: 300 }, (_, i) => take(t, llg, services[i % 3] as string, { channel: 'online' })),
      )
      const byQueue = new Map<string, typeof issued>()
      for (const ticket of issued)
        byQueue.set(ticket.queueId, [...(byQueue.get(ticket.queueId) ?? []), ticket])
      expect([...byQueue.keys()].sort()).toEqual(['jaminan-sosial', 'kependudukan', 'perizinan'])
      for (const tickets of byQueue.values()) {
        expect(tickets).toHaveLength(100)
        expectGapless(tickets.map((x) => numberOf(x.key)))
        expect(new Set(tickets.map((x) => x.label)).size).toBe(100)
      }
    },
    contended,
  )

  it(
    'stays unique and gapless when several processes issue for the same queue at once',
    async () => {
      // Four app instances share the table, as four Lambda instances would; each guesses numbers on its own.
      const apps = [t.app, ...Array.from({ length: 3 }, () => createApp(t.deps))]
      const host = tenants.palembang.host
      const issued = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          const app = apps[i % apps.length] as (typeof apps)[number]
          const res = await app.request(`http://${host}/api/tickets`, json({ serviceId: 'imigrasi-paspor' }))
          expect(res.status).toBe(201)
          return (await res.json()) as { key: string }
        }),
      )
      expectGapless(issued.map((x) => numberOf(x.key)))
    },
    contended,
  )

  it('returns the same ticket for a retried request with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'kiosk-3-press-0001' }
    const cookie = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const first = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'dpmptsp-nib', channel: 'kiosk' }, { ...key, cookie }),
    )
    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.request(
          llg,
          '/api/tickets',
          json({ serviceId: 'dpmptsp-nib', channel: 'kiosk' }, { ...key, cookie }),
        ),
      ),
    )
    expect(first.status).toBe(201)
    const ticket = await first.json()
    for (const retry of retries) {
      expect(retry.status).toBe(200)
      expect((await retry.json()).key).toBe(ticket.key)
    }
    const next = await take(t, llg, 'dpmptsp-nib')
    expect(numberOf(next.key)).toBe(numberOf(ticket.key) + 1)
  })

  it('gives concurrent first requests with one Idempotency-Key one ticket', async () => {
    const key = { 'idempotency-key': 'phone-double-tap-77' }
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request(llg, '/api/tickets', json({ serviceId: 'bank-sumsel-babel-pajak-daerah' }, key)),
      ),
    )
    const keys = await Promise.all(responses.map(async (r) => (await r.json()).key))
    expect(new Set(keys).size).toBe(1)
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1)
  })

  it('restarts numbers at local midnight in the tenant time zone (Samarinda, WITA)', async () => {
    const smd = tenants.samarinda.host
    clock.set('2026-11-23T15:30:00Z') // 23:30 WITA on the 23rd
    const late = await take(t, smd, 'disdukcapil-ktp-el')
    clock.set('2026-11-23T16:10:00Z') // 00:10 WITA on the 24th, still the 23rd in UTC and in Jakarta
    const early = await take(t, smd, 'disdukcapil-ktp-el')
    clock.set('2026-11-23T03:00:00Z')
    expect(late.key).toBe('2026-11-23.kependudukan.1')
    expect(early.key).toBe('2026-11-24.kependudukan.1')
    expect(early.label).toBe('A-001')
  })

  it('refuses a closed MPP with the reason and when it opens', async () => {
    clock.set('2026-11-28T03:00:00Z') // Saturday 10:00 WIB: Pekanbaru is closed
    const res = await t.request(
      tenants.pekanbaru.host,
      '/api/tickets',
      json({ serviceId: 'polda-riau-skck' }),
    )
    clock.set('2026-11-23T03:00:00Z')
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error.code).toBe('queue_closed')
    expect(error.details).toEqual({ reason: 'closed_today', opensAt: '2026-11-30T01:00:00.000Z' })
  })

  it('refuses during the Friday prayer break', async () => {
    clock.set('2026-11-27T05:00:00Z') // Friday 12:00 WIB
    const res = await t.request(
      tenants.pekanbaru.host,
      '/api/tickets',
      json({ serviceId: 'polda-riau-skck' }),
    )
    clock.set('2026-11-23T03:00:00Z')
    expect(res.status).toBe(409)
    expect((await res.json()).error.details.reason).toBe('break')
  })

  it('refuses an unknown service with 404 and an invalid body with 400', async () => {
    const unknown = await t.request(llg, '/api/tickets', json({ serviceId: 'tidak-ada' }))
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe('service_not_found')
    const bad = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'disdukcapil-ktp-el', phone: '12345' }),
    )
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details[0].path).toBe('phone')
  })

  it('keeps the kiosk and officer channels for staff', async () => {
    const res = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'disdukcapil-ktp-el', channel: 'kiosk' }),
    )
    expect(res.status).toBe(403)
  })

  it('refuses when the channel share of the day is used up, walk-ins keeping theirs', async () => {
    clock.set('2026-11-24T03:00:00Z') // a fresh day for this queue
    const admin = await loginCookie(t, llg, 'admin@lubuklinggau.test')
    await configureQueue(t, llg, admin, 'pajak-bank', {
      serviceIds: ['kpp-pratama-npwp', 'kpp-pratama-konsultasi-spt'],
      dailyCapacity: 4,
      onlineSharePercent: 50,
    })
    await take(t, llg, 'kpp-pratama-npwp')
    await take(t, llg, 'kpp-pratama-npwp')
    const full = await t.request(llg, '/api/tickets', json({ serviceId: 'kpp-pratama-npwp' }))
    expect(full.status).toBe(409)
    expect((await full.json()).error.code).toBe('quota_full')
    const officer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const walkIn = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'kpp-pratama-npwp', channel: 'officer' }, { cookie: officer }),
    )
    clock.set('2026-11-23T03:00:00Z')
    expect(walkIn.status).toBe(201)
    expect((await walkIn.json()).label).toBe('C-003')
  })

  it('tells a service without a queue apart from an unknown one', async () => {
    // bank-sumsel-babel-rekening-tabungan's queue was just narrowed to the KPP services above.
    const res = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'bank-sumsel-babel-rekening-tabungan' }),
    )
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('no_queue_for_service')
  })
})

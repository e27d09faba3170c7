import { Logger } from '@aws-lambda-powertools/logger'
import { closeDueDays, daysDueToClose } from '@mpp/api/queue/day-close'
import { getDaySummary } from '@mpp/db/day-summary-repository'
import { monthRollups, nationalDayRollups, tenantDayRollups } from '@mpp/db/rollup-repository'
import { getTenant } from '@mpp/db/tenant-repository'
import { getTicket } from '@mpp/db/ticket-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { bookWithProof, counterPost, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

let t: TestApp
const clock = createClock('2026-11-23T02:00:00Z') // Monday 09:00 WIB, 10:00 WITA
const logger = new Logger({ logLevel: 'SILENT' })

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
})

describe('closing the business day', () => {
  it("expires what still waits after Pekanbaru's closing time and writes the day's totals", async () => {
    const host = tenants.pekanbaru.host
    const officer = await loginCookie(t, host, 'petugas@pekanbaru.test')
    const served = await take(t, host, 'disdukcapil-ktp-el')
    const left = await take(t, host, 'disdukcapil-kia')
    const held = await take(t, host, 'disdukcapil-akta-kelahiran')
    await counterPost(t, host, officer, 'loket-4', 'call-next')
    await counterPost(t, host, officer, 'loket-4', 'start', { ticketKey: served.key })
    clock.advanceMinutes(10)
    await counterPost(t, host, officer, 'loket-4', 'complete', { ticketKey: served.key })
    await counterPost(t, host, officer, 'loket-4', 'call-next')
    await counterPost(t, host, officer, 'loket-4', 'hold', { ticketKey: left.key })

    // 15:30 WIB: closed, but within the hour's grace: nothing closes yet.
    clock.set('2026-11-23T08:30:00Z')
    const early = await closeDueDays({ db: t.db, now: clock.now, logger })
    expect(early).not.toContainEqual({ tenantId: '14.71', day: '2026-11-23' })

    clock.set('2026-11-23T09:01:00Z') // 16:01 WIB
    const closed = await closeDueDays({ db: t.db, now: clock.now, logger })
    expect(closed).toContainEqual({ tenantId: '14.71', day: '2026-11-23' })
    for (const key of [left.key, held.key])
      expect((await getTicket(t.db, '14.71', key))?.status).toBe('expired')
    expect((await getTicket(t.db, '14.71', served.key))?.status).toBe('completed')
    const summary = await getDaySummary(t.db, '14.71', '2026-11-23')
    expect(summary?.totals).toMatchObject({
      issued: 3,
      called: 2,
      served: 1,
      expired: 2,
      serviceCount: 1,
      serviceSecondsSum: 600,
    })
    expect(summary?.queues.kependudukan?.issued).toBe(3)
    expect(summary?.services['disdukcapil-kia']).toMatchObject({ issued: 1, called: 1, expired: 1 })
    // Two calls: one at once (within every threshold), one after 10 minutes (not within 5).
    expect(summary?.totals).toMatchObject({ waitCount: 2, waitUpTo5: 1, waitUpTo10: 2, waitUpTo15: 2 })

    // The close adds the day to the tenant's month and the nation's day, for the ministry.
    // (The month also has Sunday the 22nd, closed empty in the same run.)
    const expected = {
      issued: 3,
      served: 1,
      expired: 2,
      waitCount: 2,
      waitUpTo5: 1,
      waitUpTo15: 2,
    }
    const month = (await monthRollups(t.db, '2026-11')).find((m) => m.tenantId === '14.71')
    expect(month?.totals).toMatchObject(expected)
    const [nation] = await nationalDayRollups(t.db, '2026-11-23', '2026-11-23')
    expect(nation?.totals.issued).toBeGreaterThanOrEqual(3)
    const [day] = await tenantDayRollups(t.db, '14.71', '2026-11-23', '2026-11-23')
    expect(day?.totals).toMatchObject({ ...expected, daysClosed: 1 })

    // Running again changes nothing and closes nothing twice.
    expect(
      (await closeDueDays({ db: t.db, now: clock.now, logger })).filter((c) => c.tenantId === '14.71'),
    ).toEqual([])
    expect((await monthRollups(t.db, '2026-11')).find((m) => m.tenantId === '14.71')?.totals).toMatchObject(
      expected,
    )
    // The line is empty for the board now.
    const board = await (await t.request(host, '/api/board')).json()
    expect(board.queues.find((q: { id: string }) => q.id === 'kependudukan').waiting).toBe(0)
  })

  it('closes each tenant after its own local midnight when it is open around the clock', async () => {
    const samarinda = await getTenant(t.db, '64.72')
    const lubuklinggau = await getTenant(t.db, '16.73')
    if (!samarinda || !lubuklinggau) throw new Error('demo tenants missing')
    // 17:30 UTC = 01:30 WITA (past midnight and the grace) but 00:30 WIB (within Jakarta's grace).
    const at = new Date('2026-11-23T17:30:00Z')
    expect(daysDueToClose(samarinda, at)).toEqual(['2026-11-23'])
    expect(daysDueToClose(lubuklinggau, at)).toEqual([])
  })

  it('records missed appointments at the close', async () => {
    const host = tenants.samarinda.host
    clock.set('2026-11-23T02:00:00Z')
    const res = await bookWithProof(t, host, tenants.samarinda.id, {
      serviceId: 'bpjs-kesehatan-jkn-daftar',
      date: '2026-11-23',
      time: '14:00',
      phone: '081277778888',
    })
    expect(res.status).toBe(201)
    const booking = await res.json()
    clock.set('2026-11-23T17:30:00Z')
    await closeDueDays({ db: t.db, now: clock.now, logger })
    const after = await (await t.request(host, booking.link.replace('/janji/', '/api/appointments/'))).json()
    expect(after.status).toBe('no_show')
  })
})

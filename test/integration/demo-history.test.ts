import { addRollups } from '@mpp/core/rollup'
import { getDaySummary } from '@mpp/db/day-summary-repository'
import { keys } from '@mpp/db/keys'
import { queryAll } from '@mpp/db/query-all'
import { nationalDayRollups, tenantDayRollups, tenantMonthRollups } from '@mpp/db/rollup-repository'
import { seedHistory } from '@mpp/local/seed/seed-history'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { createTestApp, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

// Tuesday 24 November 2026, 10:00 in Pekanbaru: five days of history are Thursday 19 to Monday 23.
const clock = createClock('2026-11-24T03:00:00Z')
const pekanbaru = tenants.pekanbaru.id
const days = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']
let t: TestApp
let first: Awaited<ReturnType<typeof seedHistory>>

const ticketsOn = async (day: string) =>
  queryAll(t.db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.ticket(pekanbaru, `${day}.x.1`).pk },
  })

const responsesOn = async (day: string) =>
  queryAll(t.db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
    ExpressionAttributeValues: { ':pk': keys.surveyResponse(pekanbaru, '').pk, ':day': day },
  })

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  first = await seedHistory(t.deps, { days: 5, tenantIds: [pekanbaru] })
})

describe('the demo history', () => {
  it("writes Pekanbaru's working days through the product and closes every day", async () => {
    expect(first).toMatchObject({ seeded: ['pekanbaru'], kept: [] })
    expect(first.tickets).toBeGreaterThan(0)
    expect(first.surveys).toBeGreaterThan(0)
    expect(first.complaints).toBeGreaterThan(0)
    for (const day of days) expect(await getDaySummary(t.db, pekanbaru, day)).toBeDefined()
    // Nothing on the weekend (its schedule is closed), and nothing of today.
    expect(await ticketsOn('2026-11-21')).toHaveLength(0)
    expect(await ticketsOn('2026-11-22')).toHaveLength(0)
    expect(await ticketsOn('2026-11-24')).toHaveLength(0)
    // The Monday peak: more tickets than on the Friday.
    expect((await ticketsOn('2026-11-23')).length).toBeGreaterThan((await ticketsOn('2026-11-20')).length)
  })

  it('has roll-ups that add up to the tickets and responses it wrote', async () => {
    const rollups = await tenantDayRollups(t.db, pekanbaru, days[0] as string, days[4] as string)
    expect(rollups.map((r) => r.day)).toEqual(days)
    let tickets = 0
    let responses = 0
    for (const day of days) {
      const written = await ticketsOn(day)
      const status = (s: string) => written.filter((i) => i.status === s).length
      // Every ticket ended the day: served, missed or expired at the close.
      expect(status('completed') + status('no_show') + status('expired')).toBe(written.length)
      const answered = await responsesOn(day)
      const totals = rollups.find((r) => r.day === day)?.totals
      expect(totals).toMatchObject({
        daysClosed: 1,
        issued: written.length,
        served: status('completed'),
        noShow: status('no_show'),
        expired: status('expired'),
        svRespondents: answered.length,
        svU1: answered.reduce((sum, r) => sum + Number((r.answers as { U1: number }).U1), 0),
      })
      tickets += written.length
      responses += answered.length
    }
    expect(tickets).toBe(first.tickets)
    expect(responses).toBe(first.surveys)
    expect(addRollups(...rollups.map((r) => r.totals)).cpFiled).toBe(first.complaints)
    const [month] = await tenantMonthRollups(t.db, pekanbaru, '2026-11', '2026-11')
    expect(month?.totals).toEqual(addRollups(...rollups.map((r) => r.totals)))
    const nation = await nationalDayRollups(t.db, days[0] as string, days[4] as string)
    expect(addRollups(...nation.map((d) => d.totals)).issued).toBe(tickets)
  })

  it('writes nothing on a second run', async () => {
    const before = await tenantSnapshot(t.db, pekanbaru)
    const again = await seedHistory(t.deps, { days: 5, tenantIds: [pekanbaru] })
    expect(again).toMatchObject({ seeded: [], kept: ['pekanbaru'], tickets: 0, surveys: 0, complaints: 0 })
    expect(await tenantSnapshot(t.db, pekanbaru)).toEqual(before)
  })
})

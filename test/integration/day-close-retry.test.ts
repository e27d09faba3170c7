import { Logger } from '@aws-lambda-powertools/logger'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { closeDay, closeDueDays, overdueDays } from '@mpp/api/queue/day-close'
import type { Db } from '@mpp/db/client'
import { getDaySummary } from '@mpp/db/day-summary-repository'
import { monthRollups, nationalDayRollups, tenantDayRollups } from '@mpp/db/rollup-repository'
import { getTenant } from '@mpp/db/tenant-repository'
import { getTicket } from '@mpp/db/ticket-repository'
import { describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { take } from '../support/queue-helpers'
import { createTestApp, tenants } from '../support/test-app'

const logger = new Logger({ logLevel: 'SILENT' })
const pekanbaru = tenants.pekanbaru
const day = '2026-11-23' // a Monday; Pekanbaru (WIB) closes at 15:00, so the day is due at 16:00 WIB

/**
 * The same table through a client whose `nth` TransactWriteItems call fails: `before` it is sent (a throttled
 * or unreachable table), or `after` DynamoDB applied it (the answer lost on the way back, a timeout). Every
 * other call, and every call after the failure, goes through unchanged.
 */
const failingTransaction = (db: Db, nth: number, when: 'before' | 'after'): Db => {
  let transactions = 0
  const send = (async (command: object, options?: object) => {
    const failing = command instanceof TransactWriteCommand && ++transactions === nth
    if (failing && when === 'before') throw new Error('injected: the table did not answer')
    const result = await db.doc.send(command as never, options as never)
    if (failing) throw new Error('injected: the answer was lost')
    return result
  }) as Db['doc']['send']
  return { ...db, doc: Object.assign(Object.create(db.doc), { send }) }
}

// Three tickets still waiting at the close: three transactions expire them, the fourth writes the summary
// together with the day, month and national roll-ups.
describe.each([
  { case: 'after one of three tickets expired', nth: 2, when: 'before', expiredBeforeRetry: 1 },
  { case: 'with the summary written but its answer lost', nth: 4, when: 'after', expiredBeforeRetry: 3 },
] as const)('a day close that fails $case and is retried', ({ nth, when, expiredBeforeRetry }) => {
  it('counts the day once in its summary, the month and the nation, and reports it overdue meanwhile', async () => {
    const clock = createClock('2026-11-23T02:00:00Z') // 09:00 WIB
    const t = await createTestApp({ now: clock.now })
    const tickets = [
      await take(t, pekanbaru.host, 'disdukcapil-ktp-el'),
      await take(t, pekanbaru.host, 'disdukcapil-kia'),
      await take(t, pekanbaru.host, 'disdukcapil-ktp-el'),
    ]
    const tenant = await getTenant(t.db, pekanbaru.id)
    if (!tenant) throw new Error('demo tenant missing')

    clock.set('2026-11-23T09:01:00Z') // 16:01 WIB: due
    const failing = failingTransaction(t.db, nth, when)
    await expect(closeDay({ db: failing, now: clock.now }, tenant, day)).rejects.toThrow('injected')
    const statuses = async () =>
      Promise.all(tickets.map(async (k) => (await getTicket(t.db, pekanbaru.id, k.key))?.status))
    expect((await statuses()).filter((s) => s === 'expired')).toHaveLength(expiredBeforeRetry)

    if (when === 'before') {
      // Not closed: once six hours past due, the day is reported for the DaysOverdue alarm.
      expect(await getDaySummary(t.db, pekanbaru.id, day)).toBeUndefined()
      expect(await overdueDays({ db: t.db, now: clock.now })).not.toContainEqual({
        tenantId: pekanbaru.id,
        day,
      })
      clock.set('2026-11-23T15:00:00Z') // 22:00 WIB
      expect(await overdueDays({ db: t.db, now: clock.now })).toContainEqual({ tenantId: pekanbaru.id, day })
    }

    // The next scheduled run is the retry: it closes what the failed one left, whatever that was.
    const closed = await closeDueDays({ db: t.db, now: clock.now, logger })
    if (when === 'before') expect(closed).toContainEqual({ tenantId: pekanbaru.id, day })
    else expect(closed).not.toContainEqual({ tenantId: pekanbaru.id, day })
    expect(await statuses()).toEqual(['expired', 'expired', 'expired'])
    expect(await overdueDays({ db: t.db, now: clock.now })).not.toContainEqual({
      tenantId: pekanbaru.id,
      day,
    })

    // A third run, as after a retried invocation, changes nothing either.
    await closeDueDays({ db: t.db, now: clock.now, logger })
    const once = { issued: 3, expired: 3, served: 0 }
    expect((await getDaySummary(t.db, pekanbaru.id, day))?.totals).toMatchObject(once)
    const [tenantDay] = await tenantDayRollups(t.db, pekanbaru.id, day, day)
    expect(tenantDay?.totals).toMatchObject({ ...once, daysClosed: 1 })
    const month = (await monthRollups(t.db, day.slice(0, 7))).find((m) => m.tenantId === pekanbaru.id)
    expect(month?.totals).toMatchObject(once)
    // Only Pekanbaru had tickets that day.
    const [nation] = await nationalDayRollups(t.db, day, day)
    expect(nation?.totals).toMatchObject(once)
  })
})

import type { Logger } from '@aws-lambda-powertools/logger'
import { addDays, zonedInstant } from '@mpp/core/business-day'
import { type Rollup, rollupCounters } from '@mpp/core/rollup'
import { closingInstant } from '@mpp/core/schedule'
import type { Tenant } from '@mpp/core/tenant'
import { bookingsOn, markBookingNoShow } from '@mpp/db/appointment-repository'
import type { Db } from '@mpp/db/client'
import { type DaySummary, getDaySummary, putDaySummary } from '@mpp/db/day-summary-repository'
import {
  type DayCounts,
  type DayMetric,
  dayMetrics,
  readLiveDay,
  type WaitingMarker,
} from '@mpp/db/live-repository'
import { rollupWrites } from '@mpp/db/rollup-repository'
import { getTenant, listDirectory } from '@mpp/db/tenant-repository'
import { commitTicketChange } from '@mpp/db/ticket-changes'
import { waitingMarkerOf } from '@mpp/db/ticket-issuance'
import { getTicket } from '@mpp/db/ticket-repository'
import { keepNoShowDays, scheduleOf, todayOf } from './queue-context'

/** Counters usually finish the people already inside after the doors close; the day closes this much later. */
export const dayCloseGraceMinutes = 60

const sum = (all: DayCounts[]): DayCounts =>
  Object.fromEntries(dayMetrics.map((m) => [m, all.reduce((total, c) => total + c[m], 0)])) as DayCounts

/** Sums counts that share an id. */
const group = (entries: (readonly [string, DayCounts])[]): Record<string, DayCounts> => {
  const all: Record<string, DayCounts[]> = {}
  for (const [id, counts] of entries) all[id] = [...(all[id] ?? []), counts]
  return Object.fromEntries(Object.entries(all).map(([id, counts]) => [id, sum(counts)]))
}

/**
 * Closes a tenant's business day: every ticket still waiting, on hold or called but never served expires,
 * every booking never checked in becomes a no-show, and the day's totals are written once for the ministry.
 * Safe to run again: a closed day is left alone.
 */
export const closeDay = async (
  { db, now: clock }: { db: Db; now: () => Date },
  tenant: Tenant,
  day: string,
): Promise<{ summary: DaySummary; closedNow: boolean }> => {
  const done = await getDaySummary(db, tenant.id, day)
  if (done) return { summary: done, closedNow: false }
  const now = clock()
  const at = now.toISOString()
  const live = await readLiveDay(db, tenant.id, day, true)

  const expire = (m: WaitingMarker, from: 'waiting' | 'held' | 'called') =>
    commitTicketChange(db, tenant.id, {
      ticketKey: m.ticketKey,
      day,
      expectStatus: [from],
      set: { status: 'expired', endedAt: at },
      event: { action: 'expire', status: 'expired', at, by: 'system' },
      ...(from === 'waiting' ? { waiting: { leave: m } } : {}),
      ...(from === 'held' ? { held: { remove: m } } : {}),
      stats: [{ queueId: m.queueId, serviceId: m.serviceId, add: { expired: 1 } }],
    })
  for (const m of live.waiting) await expire(m, 'waiting')
  for (const m of live.held) await expire(m, 'held')
  for (const call of live.counters.filter((c) => c.status === 'called' && c.ticketKey)) {
    const ticket = await getTicket(db, tenant.id, call.ticketKey as string)
    if (ticket?.status === 'called') {
      await expire(waitingMarkerOf(ticket), 'called')
    }
  }
  for (const booking of await bookingsOn(db, tenant.id, day)) {
    if (booking.status === 'booked')
      await markBookingNoShow(db, tenant.id, booking, now, keepNoShowDays(tenant))
  }

  const closed = await readLiveDay(db, tenant.id, day, true)
  // Issuing and closing count on the queues' items, the counters on their own: add both up.
  const byQueue = group([
    ...closed.queues.map((q) => [q.queueId, q] as const),
    ...closed.counterStats.flatMap((k) => Object.entries(k.queues)),
  ])
  const byService = group([
    ...closed.queues.flatMap((q) => Object.entries(q.services)),
    ...closed.counterStats.flatMap((k) => Object.entries(k.services)),
  ])
  const summary: DaySummary = {
    tenantId: tenant.id,
    day,
    closedAt: at,
    totals: sum(Object.values(byQueue)),
    queues: byQueue,
    services: byService,
  }
  const { totals } = summary
  const counters: Partial<Rollup> = {
    daysClosed: 1,
    ...Object.fromEntries(rollupCounters.filter((c) => c in totals).map((c) => [c, totals[c as DayMetric]])),
  }
  const written = await putDaySummary(db, summary, rollupWrites(db, tenant.id, day, counters))
  return { summary, closedNow: written }
}

/**
 * When a day is due to close: its closing time and the grace after it, or, for a day without opening hours
 * (a holiday, a Sunday), its end (local midnight).
 */
const closeDueAt = (tenant: Tenant, day: string): Date => {
  const closesAt = closingInstant(day, scheduleOf(tenant))
  return closesAt
    ? new Date(closesAt.getTime() + dayCloseGraceMinutes * 60_000)
    : zonedInstant(addDays(day, 1), '00:00', tenant.timeZone)
}

/** The days the scheduled job looks at: yesterday and today, in the tenant's own time zone. */
const recentDays = (tenant: Tenant, now: Date) => {
  const today = todayOf(tenant, now)
  return [addDays(today, -1), today]
}

/**
 * Which of yesterday and today are due to close now: a day once its closing time and the grace have passed;
 * a day without opening hours (a holiday, a Sunday) once it is over.
 */
export const daysDueToClose = (tenant: Tenant, now: Date): string[] =>
  recentDays(tenant, now).filter((day) => now.getTime() >= closeDueAt(tenant, day).getTime())

/**
 * A day still open this long after it was due has failed at every run since (the job runs every 15 minutes):
 * no passing hiccup. Six hours puts a day that closes in the evening in the report before midnight, and one
 * open around the clock (due at 01:00) by 07:00: every missed close shows by the next morning.
 */
export const dayOverdueHours = 6

type JobDeps = { db: Db; now: () => Date; logger?: Logger }

/**
 * Every tenant that is not closed, read once for a run of the job (its close and its overdue report share
 * them); one that cannot be read is logged and skipped, so it does not stop the others.
 */
export const openTenants = async (deps: Pick<JobDeps, 'db' | 'logger'>): Promise<Tenant[]> => {
  const tenants: Tenant[] = []
  for (const entry of await listDirectory(deps.db)) {
    if (entry.stage === 'closed') continue
    try {
      const tenant = await getTenant(deps.db, entry.id)
      if (tenant) tenants.push(tenant)
    } catch (error) {
      deps.logger?.error('reading a tenant failed', { tenant: entry.id, error })
    }
  }
  return tenants
}

/**
 * The days the job should have closed but has not, `overdueHours` or more after they were due: yesterday
 * and today of every tenant that is not closed (`tenants`, or read anew), read back from the table. Feeds the
 * jobs' `DaysOverdue` metric and its alarm.
 */
export const overdueDays = async (
  deps: JobDeps,
  { overdueHours = dayOverdueHours, tenants }: { overdueHours?: number; tenants?: Tenant[] } = {},
): Promise<{ tenantId: string; day: string }[]> => {
  const now = deps.now()
  const overdue: { tenantId: string; day: string }[] = []
  for (const tenant of tenants ?? (await openTenants(deps))) {
    for (const day of recentDays(tenant, now)) {
      const late = now.getTime() >= closeDueAt(tenant, day).getTime() + overdueHours * 3_600_000
      if (late && !(await getDaySummary(deps.db, tenant.id, day))) overdue.push({ tenantId: tenant.id, day })
    }
  }
  return overdue
}

/**
 * The scheduled job: closes every tenant's days that are due (`tenants`, or read anew). Each tenant in its
 * own time zone, so Samarinda (WITA) closes an hour before Jakarta. One tenant's failure does not stop the
 * others.
 */
export const closeDueDays = async (deps: JobDeps & { logger: Logger }, tenants?: Tenant[]) => {
  const closed: { tenantId: string; day: string }[] = []
  for (const tenant of tenants ?? (await openTenants(deps))) {
    try {
      for (const day of daysDueToClose(tenant, deps.now())) {
        if ((await closeDay(deps, tenant, day)).closedNow) closed.push({ tenantId: tenant.id, day })
      }
    } catch (error) {
      deps.logger.error('closing a day failed', { tenant: tenant.id, error })
    }
  }
  return closed
}

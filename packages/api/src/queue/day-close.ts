import { addDays } from '@mpp/core/business-day'
import { closingInstant } from '@mpp/core/schedule'
import type { Tenant } from '@mpp/core/tenant'
import { bookingsOn, markBookingNoShow } from '@mpp/db/appointment-repository'
import { type DaySummary, getDaySummary, putDaySummary } from '@mpp/db/day-summary-repository'
import { type DayCounts, dayMetrics, readLiveDay, type WaitingMarker } from '@mpp/db/live-repository'
import { commitTicketChange } from '@mpp/db/ticket-changes'
import { waitingMarkerOf } from '@mpp/db/ticket-issuance'
import { getTicket } from '@mpp/db/ticket-repository'
import { keepNoShowDays, type QueueContext, scheduleOf, todayOf } from './queue-context'

/** Counters usually finish the people already inside after the doors close; the day closes this much later. */
export const dayCloseGraceMinutes = 60

const sum = (all: DayCounts[]): DayCounts =>
  Object.fromEntries(dayMetrics.map((m) => [m, all.reduce((total, c) => total + c[m], 0)])) as DayCounts

/**
 * Closes a tenant's business day: every ticket still waiting, on hold or called but never served expires,
 * every booking never checked in becomes a no-show, and the day's totals are written once for the ministry.
 * Safe to run again: a closed day is left alone.
 */
export const closeDay = async (ctx: QueueContext, tenant: Tenant, day: string): Promise<DaySummary> => {
  const { db } = ctx.deps
  const done = await getDaySummary(db, tenant.id, day)
  if (done) return done
  const now = ctx.deps.now()
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
  const services: Record<string, DayCounts[]> = {}
  for (const [id, c] of closed.queues.flatMap((q) => Object.entries(q.services))) {
    services[id] = [...(services[id] ?? []), c]
  }
  const summary: DaySummary = {
    tenantId: tenant.id,
    day,
    closedAt: at,
    totals: sum(closed.queues),
    queues: Object.fromEntries(closed.queues.map((q) => [q.queueId, sum([q])])),
    services: Object.fromEntries(Object.entries(services).map(([id, c]) => [id, sum(c)])),
  }
  await putDaySummary(db, summary)
  return summary
}

/**
 * Which of yesterday and today are due to close now: a day once its closing time and the grace have passed;
 * a day without opening hours (a holiday, a Sunday) once it is over.
 */
export const daysDueToClose = (tenant: Tenant, now: Date): string[] => {
  const today = todayOf(tenant, now)
  return [addDays(today, -1), today].filter((day) => {
    const closesAt = closingInstant(day, scheduleOf(tenant))
    return closesAt ? now.getTime() >= closesAt.getTime() + dayCloseGraceMinutes * 60_000 : day < today
  })
}

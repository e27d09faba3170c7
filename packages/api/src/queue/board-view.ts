import type { Tenant } from '@mpp/core/tenant'
import { queueLine } from './line-position'
import { type QueueContext, todayOf } from './queue-context'

export interface BoardFilter {
  floor?: string
  queueIds?: string[]
}

/** How many upcoming numbers the board lists per queue. */
const upcoming = 5

/**
 * The display board's data in one (eventually consistent) Query: each counter's latest call, newest first,
 * with a sequence number that rises on every call and recall, and the next numbers of each queue.
 */
export const boardView = async (ctx: QueueContext, tenant: Tenant, filter: BoardFilter) => {
  const now = ctx.deps.now()
  const day = todayOf(tenant, now)
  const [config, live] = await Promise.all([ctx.config.get(tenant.id), ctx.liveView.get(tenant.id, day)])
  const inScope = (item: { floor?: string }, queueIds: string[]) =>
    (!filter.floor || item.floor === filter.floor) &&
    (!filter.queueIds?.length || queueIds.some((id) => filter.queueIds?.includes(id)))
  const queues = config.queues.filter((q) => inScope(q, [q.id]))
  const counters = config.counters.filter((c) => c.active && inScope(c, c.queueIds))
  const calls = live.counters
    .filter((call) => call.label && counters.some((c) => c.id === call.counterId))
    .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))
    .map((call) => ({
      counterNumber: call.counterNumber,
      label: call.label as string,
      queueId: call.queueId ?? '',
      status: call.status,
      calledAt: call.calledAt ?? call.updatedAt,
      callSeq: call.callSeq,
    }))
  // Every counter's last few calls, oldest first: a board back from a lost connection announces, once each and
  // in order, those after the highest callSeq it saw per counter (docs/live-updates.md, "Resume").
  const recentCalls = live.counters
    .filter((call) => counters.some((c) => c.id === call.counterId))
    .flatMap((call) =>
      (call.recentCalls ?? []).map((recent) => ({ counterNumber: call.counterNumber, ...recent })),
    )
    .sort((a, b) => a.calledAt.localeCompare(b.calledAt) || a.callSeq - b.callSeq)
  return {
    day,
    now: now.toISOString(),
    timeZone: tenant.timeZone,
    calls,
    recentCalls,
    queues: queues.map((q) => {
      const line = queueLine(live, q.id, now, tenant.queueSettings.priorityRatio)
      return {
        id: q.id,
        prefix: q.prefix,
        name: q.name,
        waiting: line.length,
        next: line.slice(0, upcoming).map((m) => m.label),
      }
    }),
  }
}
export type BoardView = Awaited<ReturnType<typeof boardView>>

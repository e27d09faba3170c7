import { lineOrder } from '@mpp/core/call-order'
import type { Queue } from '@mpp/core/queue'
import { estimateWaitMinutes } from '@mpp/core/wait-estimate'
import type { LiveDay } from '@mpp/db/live-repository'
import type { QueueConfig } from '@mpp/db/queue-config-repository'
import { asWaitingTicket } from './waiting-tickets'

/** A counter that called someone in the last hour counts as staffed. */
const staffedWithinMs = 60 * 60 * 1000

/** A queue's line in calling order, as the rules would call it from a counter that has just started. */
export const queueLine = (live: LiveDay, queueId: string, now: Date, priorityRatio: number) =>
  lineOrder(live.waiting.filter((m) => m.queueId === queueId).map(asWaitingTicket), {
    now,
    priorityStreak: 0,
    priorityRatio,
  }).map((t) => t.marker)

/** The counters serving a queue now, and the service durations they recorded lately. */
export const servingCounters = (config: QueueConfig, live: LiveDay, queue: Queue, now: Date) => {
  const serving = live.counters.filter(
    (call) =>
      now.getTime() - Date.parse(call.updatedAt) <= staffedWithinMs &&
      config.counters.some((c) => c.id === call.counterId && c.active && c.queueIds.includes(queue.id)),
  )
  return { count: serving.length, recentServiceSeconds: serving.flatMap((c) => c.recentServiceSeconds ?? []) }
}

/** People ahead of a waiting ticket and the estimated wait (see README, "Estimated wait"). */
export const positionOf = (
  config: QueueConfig,
  live: LiveDay,
  queue: Queue,
  ticketKey: string,
  now: Date,
  priorityRatio: number,
) => {
  const line = queueLine(live, queue.id, now, priorityRatio)
  const index = line.findIndex((m) => m.ticketKey === ticketKey)
  if (index < 0) return undefined
  const counters = servingCounters(config, live, queue, now)
  return {
    peopleAhead: index,
    estimatedWaitMinutes: estimateWaitMinutes({
      recentServiceSeconds: counters.recentServiceSeconds,
      peopleAhead: index,
      countersServing: counters.count,
    }),
  }
}

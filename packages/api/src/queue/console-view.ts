import { isOnlineChannel } from '@mpp/core/queue'
import type { Tenant } from '@mpp/core/tenant'
import { readLiveDay } from '@mpp/db/live-repository'
import { queueLine } from './line-position'
import { findCounter, type QueueContext, todayOf } from './queue-context'

/** What an officer's console shows: the counter's current ticket, its queues' lines, tickets on hold. */
export const consoleView = async (ctx: QueueContext, tenant: Tenant, counterId: string) => {
  const now = ctx.deps.now()
  const day = todayOf(tenant, now)
  // The day's live state does not depend on the config the counter is checked against: both in one round trip.
  const [config, live] = await Promise.all([
    ctx.config.get(tenant.id),
    readLiveDay(ctx.deps.db, tenant.id, day, true),
  ])
  const counter = findCounter(config, counterId)
  const call = live.counters.find((c) => c.counterId === counter.id)
  const ratio = tenant.queueSettings.priorityRatio
  // The officer needs the service by name; a service deleted since the call shows by its id.
  const service = call?.serviceId
    ? (await ctx.catalog.get(tenant.id)).services.find((s) => s.id === call.serviceId)
    : undefined
  return {
    day,
    counter: { id: counter.id, number: counter.number, queueIds: counter.queueIds },
    // The console's script compares a pushed call with this and its status, to skip the echo of its own action.
    callSeq: call?.callSeq ?? 0,
    current:
      call && call.status !== 'idle' && call.ticketKey
        ? {
            ticketKey: call.ticketKey,
            label: call.label ?? '',
            queueId: call.queueId ?? '',
            serviceId: call.serviceId,
            serviceName: service?.name ?? call.serviceId,
            priority: call.priority ?? false,
            // Priority claimed on a phone is the citizen's own word: the officer confirms it at the counter.
            selfDeclared: (call.priority ?? false) && isOnlineChannel(call.channel ?? 'kiosk'),
            status: call.status,
            calledAt: call.calledAt ?? call.updatedAt,
          }
        : undefined,
    queues: config.queues.map((q) => {
      const line = queueLine(live, q.id, now, ratio)
      return {
        id: q.id,
        prefix: q.prefix,
        name: q.name,
        served: counter.queueIds.includes(q.id),
        waiting: line.length,
        next: line.slice(0, 5).map((m) => ({ label: m.label, priority: m.priority, channel: m.channel })),
      }
    }),
    held: live.held.map((m) => ({ ticketKey: m.ticketKey, label: m.label, queueId: m.queueId })),
  }
}
export type ConsoleView = Awaited<ReturnType<typeof consoleView>>

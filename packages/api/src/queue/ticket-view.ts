import type { Tenant } from '@mpp/core/tenant'
import { parseTicketKey, ticketKey as ticketKeySchema } from '@mpp/core/ticket'
import { getService } from '@mpp/db/catalog-repository'
import { getTicket } from '@mpp/db/ticket-repository'
import { ApiError } from '../errors'
import { positionOf } from './line-position'
import type { QueueContext } from './queue-context'
import { sameSecret } from './secret-link'

/**
 * What the citizen's ticket page shows: status, people ahead, estimated wait, and where to go once called.
 * Reached only with the ticket's secret; a wrong secret looks exactly like a missing ticket.
 */
export const ticketView = async (ctx: QueueContext, tenant: Tenant, key: string, secret: string) => {
  const { db } = ctx.deps
  if (!ticketKeySchema.safeParse(key).success) throw new ApiError(404, 'ticket_not_found')
  const { day } = parseTicketKey(key)
  const [ticket, live, config] = await Promise.all([
    getTicket(db, tenant.id, key),
    ctx.liveView.get(tenant.id, day),
    ctx.config.get(tenant.id),
  ])
  if (!ticket || !sameSecret(ticket.secret, secret)) throw new ApiError(404, 'ticket_not_found')
  const service = await getService(db, tenant.id, ticket.serviceId)
  const queue = config.queues.find((q) => q.id === ticket.queueId)
  const now = ctx.deps.now()
  const position =
    ticket.status === 'waiting' && queue
      ? positionOf(config, live, queue, ticket.key, now, tenant.queueSettings.priorityRatio)
      : undefined
  return {
    key: ticket.key,
    label: ticket.label,
    status: ticket.status,
    day: ticket.day,
    priority: ticket.priority,
    channel: ticket.channel,
    queue: { id: ticket.queueId, name: queue?.name ?? ticket.queueId, prefix: ticket.prefix },
    service: { id: ticket.serviceId, name: service?.name ?? ticket.serviceId },
    issuedAt: ticket.issuedAt,
    ...(ticket.calledAt ? { calledAt: ticket.calledAt } : {}),
    ...(ticket.counterNumber ? { counterNumber: ticket.counterNumber } : {}),
    ...(position ? { peopleAhead: position.peopleAhead } : {}),
    ...(position?.estimatedWaitMinutes !== undefined
      ? { estimatedWaitMinutes: position.estimatedWaitMinutes }
      : {}),
  }
}
export type TicketView = Awaited<ReturnType<typeof ticketView>>

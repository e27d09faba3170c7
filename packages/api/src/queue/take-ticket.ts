import { isOnlineChannel, quotaOf, type TicketChannel } from '@mpp/core/queue'
import { openState } from '@mpp/core/schedule'
import { ticketLabel } from '@mpp/core/spoken-number'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { type Ticket, ticketKeyOf } from '@mpp/core/ticket'
import { getService } from '@mpp/db/catalog-repository'
import { ApiError } from '../errors'
import type { PublicWriteItems } from '../limits/public-writes'
import { type QueueContext, scheduleOf, todayOf } from './queue-context'
import { newSecret } from './secret-link'
import type { IssueRequest } from './ticket-issuer'

export interface TakeTicketInput {
  serviceId: string
  channel: TicketChannel
  priority: boolean
  phone?: string
  /** The `Idempotency-Key` with the hash of the request it came with. */
  idempotency?: IssueRequest['idempotency']
  /** The staff member issuing it (kiosk or officer), for the ticket's history. */
  by?: string
  /** For a checked-in appointment: its place in line is its slot time. */
  appointment?: { code: string; slotAt: string }
  also?: IssueRequest['also']
  /** Public write limits (`publicWriteItems`): counted in the ticket's transaction, or alone when refused before it. */
  limits?: PublicWriteItems
}

/**
 * Takes a ticket for a service: finds the queue that covers it, refuses when the MPP is closed or the
 * channel's share of the day's capacity is used up, and issues the next number of that queue.
 */
export const takeTicket = async (ctx: QueueContext, tenant: Tenant, input: TakeTicketInput) => {
  const { db, now: clock } = ctx.deps
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  const config = await ctx.config.get(tenant.id)
  const queue = config.queues.find((q) => q.serviceIds.includes(input.serviceId))
  if (!queue) {
    await input.limits?.countAlone()
    const known = await getService(db, tenant.id, input.serviceId)
    throw known ? new ApiError(409, 'no_queue_for_service') : new ApiError(404, 'service_not_found')
  }
  const now = clock()
  const state = openState(now, scheduleOf(tenant))
  if (!state.open && input.channel !== 'appointment') {
    throw new ApiError(409, 'queue_closed', {
      reason: state.reason,
      ...(state.holidayName ? { holiday: state.holidayName } : {}),
      ...(state.opensAt ? { opensAt: state.opensAt.toISOString() } : {}),
    })
  }

  const day = todayOf(tenant, now)
  const issuedAt = now.toISOString()
  const secret = newSecret()
  const quota = quotaOf(queue)
  // A checked-in appointment was counted against the online share when it was booked.
  const limit =
    input.channel === 'appointment'
      ? undefined
      : isOnlineChannel(input.channel)
        ? { metric: 'issuedOnline' as const, limit: quota.online }
        : { metric: 'issuedWalkIn' as const, limit: quota.walkIn }
  if (limit && limit.limit <= 0) throw new ApiError(409, 'quota_full', { queueId: queue.id })

  const build = (number: number): Ticket => ({
    key: ticketKeyOf(day, queue.id, number),
    day,
    queueId: queue.id,
    originalQueueId: queue.id,
    prefix: queue.prefix,
    number,
    label: ticketLabel(queue.prefix, number),
    serviceId: input.serviceId,
    channel: input.channel,
    priority: input.priority,
    ...(input.phone ? { phone: input.phone } : {}),
    status: 'waiting',
    secret,
    issuedAt,
    arrivedAt: input.appointment?.slotAt ?? issuedAt,
    ...(input.appointment
      ? { slotAt: input.appointment.slotAt, appointmentCode: input.appointment.code }
      : {}),
    events: [
      {
        action: 'issue',
        status: 'waiting',
        at: issuedAt,
        queueId: queue.id,
        ...(input.by ? { by: input.by } : {}),
      },
    ],
  })

  const { ticket, replayed } = await ctx.issuer.issue({
    tenantId: tenant.id,
    day,
    queueId: queue.id,
    build,
    quota: limit,
    idempotency: input.idempotency,
    also: input.also,
    limits: input.limits,
  })
  ctx.liveView.changed(tenant.id, day)
  return { ticket, queue, replayed }
}

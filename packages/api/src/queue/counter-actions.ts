import type { Tenant } from '@mpp/core/tenant'
import type { Ticket } from '@mpp/core/ticket'
import { nextStatus, type TicketAction } from '@mpp/core/ticket-lifecycle'
import { recentServiceWindow } from '@mpp/core/wait-estimate'
import { noShowPut } from '@mpp/db/appointment-repository'
import { getCounterAndTicket } from '@mpp/db/counter-call-repository'
import { type CounterCall, type DayCounts, withRecentCall } from '@mpp/db/live-repository'
import { commitTicketChange, type TicketChange } from '@mpp/db/ticket-changes'
import { waitingMarkerOf } from '@mpp/db/ticket-issuance'
import { getTicket } from '@mpp/db/ticket-repository'
import { ApiError } from '../errors'
import { findCounter, findQueue, keepNoShowDays, type QueueContext, todayOf } from './queue-context'

/** What an officer does to the ticket at their counter. */
export type CounterAction = Extract<
  TicketAction,
  'recall' | 'start' | 'complete' | 'no_show' | 'hold' | 'transfer'
>

const secondsBetween = (from: string | undefined, to: Date) =>
  from ? Math.max(0, Math.round((to.getTime() - Date.parse(from)) / 1000)) : 0

/**
 * Applies an officer's action to the ticket their counter holds. The client names the ticket it shows, so a
 * double press or a stale screen never acts on another ticket. One read (counter and ticket together) and one
 * transaction, conditional on the ticket's status and on the counter's call sequence.
 */
export const actOnCounterTicket = async (
  ctx: QueueContext,
  tenant: Tenant,
  input: { counterId: string; ticketKey: string; action: CounterAction; toQueueId?: string; by: string },
) => {
  const { db } = ctx.deps
  const config = await ctx.config.get(tenant.id)
  const counter = findCounter(config, input.counterId)
  const now = ctx.deps.now()
  const at = now.toISOString()
  const day = todayOf(tenant, now)
  const { call, ticket } = await getCounterAndTicket(db, tenant.id, day, counter.id, input.ticketKey)
  if (!ticket) throw new ApiError(404, 'ticket_not_found')
  if (!call || call.ticketKey !== ticket.key || call.status === 'idle')
    throw new ApiError(409, 'counter_idle')
  const to = nextStatus(ticket.status, input.action)
  if (!to) throw new ApiError(409, 'invalid_transition', { status: ticket.status, action: input.action })

  // Idle keeps the last ticket's label: the display board goes on showing the counter's latest call.
  const idle = (extra: Partial<CounterCall> = {}): CounterCall => ({
    ...call,
    status: 'idle',
    updatedAt: at,
    ...extra,
  })
  const base: Omit<TicketChange, 'set'> = {
    ticketKey: ticket.key,
    day: ticket.day,
    expectStatus: [ticket.status],
    expectCounterId: counter.id,
    event: { action: input.action, status: to, at, counterId: counter.id, by: input.by },
  }
  const stats = (add: Partial<DayCounts>) => [
    { counterId: counter.id, queueId: ticket.queueId, serviceId: ticket.serviceId, add },
  ]

  let change: TicketChange
  switch (input.action) {
    case 'recall':
      change = {
        ...base,
        set: {},
        counterCall: {
          put: {
            ...call,
            callSeq: call.callSeq + 1,
            calledAt: at,
            updatedAt: at,
            recentCalls: withRecentCall(call.recentCalls, {
              label: call.label ?? ticket.label,
              queueId: call.queueId ?? ticket.queueId,
              callSeq: call.callSeq + 1,
              calledAt: at,
            }),
          },
          expectSeq: call.callSeq,
        },
      }
      break
    case 'start':
      change = {
        ...base,
        set: { status: to, startedAt: at },
        counterCall: { put: { ...call, status: 'serving', updatedAt: at }, expectSeq: call.callSeq },
      }
      break
    case 'complete': {
      const seconds = secondsBetween(ticket.startedAt, now)
      const recent = [...(call.recentServiceSeconds ?? []), seconds].slice(-recentServiceWindow)
      change = {
        ...base,
        set: { status: to, endedAt: at },
        counterCall: { put: idle({ recentServiceSeconds: recent }), expectSeq: call.callSeq },
        stats: stats({ served: 1, serviceCount: 1, serviceSecondsSum: seconds }),
      }
      break
    }
    case 'no_show':
      change = {
        ...base,
        set: { status: to, endedAt: at },
        counterCall: { put: idle(), expectSeq: call.callSeq },
        stats: stats({ noShow: 1 }),
        // A missed appointment counts towards its phone number's no-show rule.
        also:
          ticket.appointmentCode && ticket.phone
            ? [
                noShowPut(
                  db,
                  tenant.id,
                  { phone: ticket.phone, date: ticket.day, code: ticket.appointmentCode },
                  now,
                  keepNoShowDays(tenant),
                ),
              ]
            : [],
      }
      break
    case 'hold':
      change = {
        ...base,
        set: { status: to },
        held: { put: waitingMarkerOf(ticket) },
        counterCall: { put: idle(), expectSeq: call.callSeq },
      }
      break
    case 'transfer': {
      const target = findQueue(config, input.toQueueId ?? '')
      if (target.id === ticket.queueId)
        throw new ApiError(409, 'invalid_transition', { reason: 'same_queue' })
      const moved: Ticket = { ...ticket, queueId: target.id }
      change = {
        ...base,
        set: { status: to, queueId: target.id },
        remove: ['counterId', 'counterNumber', 'calledAt'],
        // It keeps its original arrival time, so it does not go to the back of the new line.
        waiting: { join: waitingMarkerOf(moved) },
        counterCall: { put: idle(), expectSeq: call.callSeq },
        stats: [
          {
            counterId: counter.id,
            queueId: ticket.queueId,
            serviceId: ticket.serviceId,
            add: { transferredOut: 1 },
          },
          {
            counterId: counter.id,
            queueId: target.id,
            serviceId: ticket.serviceId,
            add: { transferredIn: 1 },
          },
        ],
      }
      break
    }
  }

  const result = await commitTicketChange(db, tenant.id, change)
  if (result === 'ticket_moved' || result === 'counter_moved') throw new ApiError(409, 'invalid_transition')
  if (result !== 'done') throw new ApiError(503, 'busy')
  ctx.liveView.changed(tenant.id, day)
  return { ticketKey: ticket.key, status: to }
}

/** Puts a held ticket back in line at its original place; any counter may do it. */
export const resumeTicket = async (ctx: QueueContext, tenant: Tenant, ticketKey: string, by: string) => {
  const { db } = ctx.deps
  const now = ctx.deps.now()
  const at = now.toISOString()
  const day = todayOf(tenant, now)
  const ticket = await getTicket(db, tenant.id, ticketKey)
  if (!ticket || ticket.day !== day) throw new ApiError(404, 'ticket_not_found')
  if (nextStatus(ticket.status, 'resume') !== 'waiting') {
    throw new ApiError(409, 'invalid_transition', { status: ticket.status, action: 'resume' })
  }
  const result = await commitTicketChange(db, tenant.id, {
    ticketKey: ticket.key,
    day,
    expectStatus: ['held'],
    set: { status: 'waiting' },
    remove: ['counterId', 'counterNumber', 'calledAt'],
    event: { action: 'resume', status: 'waiting', at, by },
    waiting: { join: waitingMarkerOf(ticket) },
    held: { remove: waitingMarkerOf(ticket) },
  })
  if (result !== 'done') throw new ApiError(409, 'invalid_transition')
  ctx.liveView.changed(tenant.id, day)
  return { ticketKey: ticket.key, label: ticket.label, status: 'waiting' as const }
}

import { type CallContext, lineOrder, pickNext, type WaitingTicket } from '@mpp/core/call-order'
import { waitWithinCounts } from '@mpp/core/rollup'
import type { Tenant } from '@mpp/core/tenant'
import { type CounterCall, readCallState, type WaitingMarker, withRecentCall } from '@mpp/db/live-repository'
import { commitTicketChange } from '@mpp/db/ticket-changes'
import { ApiError } from '../errors'
import { callNotifications } from './notifications'
import { findCounter, type QueueContext, todayOf } from './queue-context'
import { asWaitingTicket } from './waiting-tickets'

const maxTries = 50

/**
 * After losing a ticket to another counter, every loser would go for the same next ticket. Counters calling
 * in the same instant share the front of the line instead: pick at random among the next few in order.
 */
const spreadPick = (candidates: WaitingTicket[], ctx: CallContext, lost: number) => {
  const front = lineOrder(candidates, ctx).slice(0, Math.min(lost + 1, 4))
  const ticket = front[Math.floor(Math.random() * front.length)]
  return ticket && { ticket, priorityStreak: ticket.priority ? ctx.priorityStreak + 1 : 0 }
}

/** A counter with a ticket called or in service must finish it (complete, no-show, hold or transfer) first. */
export const isBusy = (call: CounterCall | undefined) =>
  call?.status === 'called' || call?.status === 'serving'

/**
 * Calls the next ticket to a counter: one consistent read of the line and the counter's call, then one transaction
 * that takes the ticket out of the line, marks it called and records the counter's call. Two counters racing
 * for one ticket cannot both win: the marker's delete is conditional, and the loser tries its next candidate.
 */
export const callNext = async (
  ctx: QueueContext,
  tenant: Tenant,
  counterId: string,
  by: string,
  /** Call from this one of the counter's queues only. */
  onlyQueueId?: string,
) => {
  const { db } = ctx.deps
  const config = await ctx.config.get(tenant.id)
  const counter = findCounter(config, counterId)
  if (onlyQueueId && !counter.queueIds.includes(onlyQueueId)) {
    throw new ApiError(409, 'not_serving_queue', { queueId: onlyQueueId, serves: counter.queueIds })
  }
  const queueIds = onlyQueueId ? [onlyQueueId] : counter.queueIds
  const now = ctx.deps.now()
  const day = todayOf(tenant, now)
  let live = await readCallState(db, tenant.id, day, counter.id)
  const { current } = live
  if (isBusy(current))
    throw new ApiError(409, 'counter_busy', { ticketKey: current?.ticketKey, label: current?.label })

  const candidatesOf = (waiting: WaitingMarker[]) =>
    waiting.filter((m) => queueIds.includes(m.queueId)).map(asWaitingTicket)
  let candidates = candidatesOf(live.waiting)
  const ratio = tenant.queueSettings.priorityRatio
  let lost = 0
  for (let tries = 0; tries < maxTries; tries++) {
    const context = { now, priorityStreak: current?.priorityStreak ?? 0, priorityRatio: ratio }
    const next = lost === 0 ? pickNext(candidates, context) : spreadPick(candidates, context, lost)
    if (!next) return undefined
    const marker = candidates.find((c) => c.key === next.ticket.key)?.marker
    if (!marker) throw new Error('picked a ticket that is not a candidate')
    const at = now.toISOString()
    const waited = Math.max(0, Math.round((now.getTime() - Date.parse(marker.arrivedAt)) / 1000))
    const result = await commitTicketChange(db, tenant.id, {
      ticketKey: marker.ticketKey,
      day,
      expectStatus: ['waiting'],
      set: { status: 'called', calledAt: at, counterId: counter.id, counterNumber: counter.number },
      event: { action: 'call', status: 'called', at, counterId: counter.id, by },
      waiting: { leave: marker },
      counterCall: {
        put: {
          counterId: counter.id,
          counterNumber: counter.number,
          callSeq: (current?.callSeq ?? 0) + 1,
          priorityStreak: next.priorityStreak,
          ticketKey: marker.ticketKey,
          label: marker.label,
          queueId: marker.queueId,
          serviceId: marker.serviceId,
          priority: marker.priority,
          channel: marker.channel,
          status: 'called',
          calledAt: at,
          updatedAt: at,
          recentCalls: withRecentCall(current?.recentCalls, {
            label: marker.label,
            queueId: marker.queueId,
            callSeq: (current?.callSeq ?? 0) + 1,
            calledAt: at,
          }),
        },
        expectSeq: current?.callSeq,
      },
      stats: [
        {
          counterId: counter.id,
          queueId: marker.queueId,
          serviceId: marker.serviceId,
          add: { called: 1, waitCount: 1, waitSecondsSum: waited, ...waitWithinCounts(waited) },
        },
      ],
      outbox: callNotifications({
        tenant,
        called: marker,
        counterNumber: counter.number,
        remaining: live.waiting.filter((m) => m.ticketKey !== marker.ticketKey),
        now,
        priorityRatio: ratio,
      }),
    })
    if (result === 'done') {
      ctx.liveView.changed(tenant.id, day)
      return { marker, counter, calledAt: at }
    }
    if (result === 'counter_moved') throw new ApiError(409, 'counter_busy')
    if (result === 'conflict') {
      await new Promise((done) => setTimeout(done, Math.random() * 20))
      continue
    }
    // Another counter called this one first: try another candidate, and after a few such losses look at the
    // line again rather than trying tickets others have surely taken meanwhile.
    lost++
    candidates.splice(
      candidates.findIndex((c) => c.key === marker.ticketKey),
      1,
    )
    if (lost % 3 === 0) {
      live = await readCallState(db, tenant.id, day, counter.id)
      candidates = candidatesOf(live.waiting)
    }
  }
  throw new ApiError(503, 'busy')
}

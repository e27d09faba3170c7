import { lineOrder } from '@mpp/core/call-order'
import type { Tenant } from '@mpp/core/tenant'
import type { WaitingMarker } from '@mpp/db/live-repository'
import { newOutboxMessage, type OutboxMessage } from '@mpp/db/outbox-repository'
import { asWaitingTicket } from './waiting-tickets'

/** A citizen with a phone number hears from us when this many people are still ahead. */
export const almostCalledAhead = 3

/**
 * The messages a call causes: "your turn, counter N" to the called ticket and "almost your turn" to the
 * ticket that now has `almostCalledAhead` people before it in that queue. Indonesian, as the citizen reads it.
 */
export const callNotifications = (input: {
  tenant: Tenant
  called: WaitingMarker
  counterNumber: number
  remaining: WaitingMarker[]
  now: Date
  priorityRatio: number
}): OutboxMessage[] => {
  const at = input.now.toISOString()
  const messages: OutboxMessage[] = []
  const { called, tenant } = input
  if (called.phone) {
    messages.push(
      newOutboxMessage({
        at,
        kind: 'called',
        to: called.phone,
        ticketKey: called.ticketKey,
        text: `${tenant.name}: nomor antrean ${called.label} dipanggil. Silakan ke loket ${input.counterNumber}.`,
      }),
    )
  }
  const sameQueue = input.remaining.filter((m) => m.queueId === called.queueId).map(asWaitingTicket)
  const order = lineOrder(sameQueue, {
    now: input.now,
    priorityStreak: 0,
    priorityRatio: input.priorityRatio,
  })
  const soon = order[almostCalledAhead]
  const marker = sameQueue.find((t) => t.key === soon?.key)?.marker
  if (marker?.phone) {
    messages.push(
      newOutboxMessage({
        at,
        kind: 'almost',
        to: marker.phone,
        ticketKey: marker.ticketKey,
        text: `${tenant.name}: nomor antrean ${marker.label} hampir dipanggil, masih ${almostCalledAhead} orang sebelum Anda. Mohon bersiap di ruang tunggu.`,
      }),
    )
  }
  return messages
}

import type { WaitingTicket } from '@mpp/core/call-order'
import type { WaitingMarker } from '@mpp/db/live-repository'

/** A waiting marker as the call-order rules see it. */
export const asWaitingTicket = (m: WaitingMarker): WaitingTicket & { marker: WaitingMarker } => ({
  key: m.ticketKey,
  queueId: m.queueId,
  priority: m.priority,
  channel: m.channel,
  arrivedAt: new Date(m.arrivedAt),
  ...(m.slotAt ? { slotAt: new Date(m.slotAt) } : {}),
  marker: m,
})

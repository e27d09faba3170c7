import { z } from 'zod'

/** Where a ticket stands; `completed`, `no_show` and `expired` are final. */
export const ticketStatus = z.enum([
  'waiting',
  'called',
  'serving',
  'held',
  'completed',
  'no_show',
  'expired',
])
export type TicketStatus = z.infer<typeof ticketStatus>

/** What an officer (or the end of the day, for `expire`) does to a ticket. */
export const ticketAction = z.enum([
  'call',
  'recall',
  'start',
  'complete',
  'no_show',
  'transfer',
  'hold',
  'resume',
  'expire',
])
export type TicketAction = z.infer<typeof ticketAction>

// The whole machine as a table, so a missing entry is an illegal move rather than a forgotten case.
const transitions: Record<TicketAction, Partial<Record<TicketStatus, TicketStatus>>> = {
  call: { waiting: 'called' },
  recall: { called: 'called' },
  start: { called: 'serving' },
  complete: { serving: 'completed' },
  no_show: { called: 'no_show' },
  // A transferred ticket waits again, in the other queue.
  transfer: { waiting: 'waiting', called: 'waiting', held: 'waiting' },
  hold: { waiting: 'held', called: 'held' },
  resume: { held: 'waiting' },
  expire: { waiting: 'expired', called: 'expired', held: 'expired' },
}

/** The status after an action, or undefined when the action is not allowed from that status. */
export const nextStatus = (from: TicketStatus, action: TicketAction): TicketStatus | undefined =>
  transitions[action][from]

const finalStatuses: ReadonlySet<TicketStatus> = new Set(['completed', 'no_show', 'expired'])

/** True for statuses that accept no action any more. */
export const isFinal = (status: TicketStatus): boolean => finalStatuses.has(status)

import type { TicketMessage } from '@mpp/core/live-messages'
import type { Messages } from '../../i18n/messages'

export type { TicketMessage }

export type TicketStatus = keyof Messages['ticketPage']['statuses']

/** The ticket as GET /api/tickets/{key}/{secret} returns it (the parts the page shows). */
export interface TicketData {
  label: string
  status: TicketStatus
  queue: { name: string }
  service: { name: string }
  counterNumber?: number
  peopleAhead?: number
  estimatedWaitMinutes?: number
}

/** The ticket after a pushed message: its new status and counter; what the message leaves out stays as shown. */
export const withTicketMessage = (ticket: TicketData, message: TicketMessage): TicketData => ({
  ...ticket,
  label: message.label || ticket.label,
  status: message.status as TicketStatus,
  ...(message.counterNumber !== undefined && { counterNumber: message.counterNumber }),
  ...(message.peopleAhead !== undefined && { peopleAhead: message.peopleAhead }),
})

/** The statuses after which nothing changes any more. */
export const finalStatuses: readonly TicketStatus[] = ['completed', 'no_show', 'expired']

/**
 * Every text of the ticket page that depends on the ticket, worded once for the server's first render and the
 * script's updates alike.
 */
export const ticketTexts = (m: Messages, ticket: TicketData) => {
  const t = m.ticketPage
  const waiting = ticket.status === 'waiting' && ticket.peopleAhead !== undefined
  return {
    status: t.statuses[ticket.status] ?? ticket.status,
    sentence: t.sentences[ticket.status] ?? '',
    called:
      ticket.status === 'called'
        ? ticket.counterNumber
          ? t.called(ticket.counterNumber)
          : t.calledNoCounter
        : '',
    waiting,
    peopleAhead: waiting ? t.peopleAheadValue(ticket.peopleAhead ?? 0) : '',
    estimate: waiting
      ? ticket.estimatedWaitMinutes === undefined
        ? t.estimateUnknown
        : t.estimateValue(ticket.estimatedWaitMinutes)
      : '',
  }
}
export type TicketTexts = ReturnType<typeof ticketTexts>

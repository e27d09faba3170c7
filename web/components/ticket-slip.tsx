import type { TimeZone } from '@mpp/core/business-day'
import type { TicketChannel } from '@mpp/core/queue'
import { formatInstant } from './local-time'
import type { PageContext } from './page-context'
import { QrCode } from './qr-code'

export interface PrintedTicket {
  label: string
  serviceName: string
  issuedAt: string
  priority: boolean
  channel: TicketChannel
  peopleAhead?: number
  /** The short code that lets the exit kiosk take the ticket's survey. */
  surveyCode: string
}

interface Props {
  ctx: PageContext
  ticket: PrintedTicket
  timeZone: TimeZone
  /** The absolute address of the citizen's ticket page, for the QR code. */
  ticketUrl: string
}

/**
 * The paper ticket (80 mm on a thermal printer, ticket-slip.css): the kiosk prints it, and so does the counter
 * console for a walk-in. Its number is `#ticket-number`.
 */
export const TicketSlip = ({ ctx, ticket, timeZone, ticketUrl }: Props) => {
  const { m, lang, brand } = ctx
  const t = m.kiosk
  return (
    <article class="ticket" aria-labelledby="ticket-number">
      <p class="ticket-mpp">{brand?.name ?? m.common.platformName}</p>
      <p class="ticket-caption">{t.ticketTitle}</p>
      <p class="ticket-number" id="ticket-number">
        {ticket.label}
      </p>
      {(ticket.priority || ticket.channel === 'appointment') && (
        <p class="ticket-tag">{ticket.channel === 'appointment' ? t.appointmentTag : t.priorityTag}</p>
      )}
      <p class="ticket-service">{ticket.serviceName}</p>
      <p class="ticket-time">{formatInstant(ticket.issuedAt, timeZone, lang)}</p>
      {ticket.peopleAhead !== undefined && <p class="ticket-ahead">{t.peopleAhead(ticket.peopleAhead)}</p>}
      <QrCode data={ticketUrl} label={t.qrLabel} class="ticket-qr" />
      <p class="ticket-scan">{t.scanToFollow}</p>
      <p class="ticket-survey-code">
        {m.survey.ticketCode}: <strong>{ticket.surveyCode}</strong>
      </p>
    </article>
  )
}

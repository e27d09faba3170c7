import type { TimeZone } from '@mpp/core/business-day'
import type { TicketChannel } from '@mpp/core/queue'
import { formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { QrCode } from '../components/qr-code'
import { KioskFrame } from './kiosk-frame'

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

/** The print screen: an 80 mm ticket (the only thing printed) and, on screen, where to take it from. */
export const KioskTicket = ({ ctx, ticket, timeZone, ticketUrl }: Props) => {
  const { m, lang, brand } = ctx
  const t = m.kiosk
  return (
    <KioskFrame ctx={ctx} title={`${t.ticketTitle} ${ticket.label}`} print>
      <h1 class="kiosk-screen-only">{t.takeYourTicket}</h1>
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
      <p class="kiosk-screen-only">
        <a class="kiosk-button" href="/kios">
          {t.done}
        </a>
      </p>
    </KioskFrame>
  )
}

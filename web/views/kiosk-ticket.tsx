import type { TimeZone } from '@mpp/core/business-day'
import type { PageContext } from '../components/page-context'
import { type PrintedTicket, TicketSlip } from '../components/ticket-slip'
import { KioskFrame } from './kiosk-frame'

interface Props {
  ctx: PageContext
  ticket: PrintedTicket
  timeZone: TimeZone
  /** The absolute address of the citizen's ticket page, for the QR code. */
  ticketUrl: string
}

/** The print screen: an 80 mm ticket (the only thing printed) and, on screen, where to take it from. */
export const KioskTicket = ({ ctx, ticket, timeZone, ticketUrl }: Props) => {
  const t = ctx.m.kiosk
  return (
    <KioskFrame ctx={ctx} title={`${t.ticketTitle} ${ticket.label}`} print>
      <h1 class="kiosk-screen-only">{t.takeYourTicket}</h1>
      <TicketSlip ctx={ctx} ticket={ticket} timeZone={timeZone} ticketUrl={ticketUrl} />
      <p class="kiosk-screen-only">
        <a class="kiosk-button" href="/kios">
          {t.done}
        </a>
      </p>
    </KioskFrame>
  )
}

import type { TimeZone } from '@mpp/core/business-day'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'
import { type PrintedTicket, TicketSlip } from '../components/ticket-slip'

interface Props {
  ctx: PageContext
  ticket: PrintedTicket
  timeZone: TimeZone
  ticketUrl: string
  /** The console to go back to. */
  consoleHref: string
}

/**
 * A walk-in ticket the officer issued, printed at the counter: the kiosk's 80 mm slip, and on screen a way to
 * print it and back. Printing needs no script (the browser's own Print prints the slip alone); slip-print.js
 * opens the print dialog once and shows the Print button.
 */
export const CounterTicketPrint = ({ ctx, ticket, timeZone, ticketUrl, consoleHref }: Props) => {
  const t = ctx.m.console
  return (
    <Layout
      ctx={ctx}
      title={t.printTicket(ticket.label)}
      bare
      bodyClass="slip-print"
      styles={['ticket-slip.css']}
      scripts={['slip-print.js']}
    >
      <h1 class="screen-only slip-title">{t.printTicket(ticket.label)}</h1>
      <TicketSlip ctx={ctx} ticket={ticket} timeZone={timeZone} ticketUrl={ticketUrl} />
      <p class="screen-only slip-actions">
        <button type="button" class="button" data-print hidden>
          {t.printAgain}
        </button>
        <a class="button button--secondary" href={consoleHref}>
          {t.backToConsole}
        </a>
      </p>
      <p class="screen-only muted small slip-actions">{t.printHint}</p>
    </Layout>
  )
}

import { dateLocale } from '../client/lib/clock'
import { type TicketData, ticketTexts } from '../client/lib/ticket-text'
import { Layout } from '../components/layout'
import { type LiveAccess, liveData } from '../components/live-data'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  ticket: TicketData
  /** GET /api/tickets/{key}/{secret}, polled by ticket.js. */
  apiUrl: string
  /** The live-updates socket's token and URL (docs/live-updates.md), as `data-live-*`. */
  live?: LiveAccess
  /** This page's own address, for the reload link that works without script. */
  selfUrl: string
  /** The MPP's time zone, for the time of the last update. */
  timeZone: string
  /** The satisfaction survey: its link (shown once the ticket is completed), or already answered. */
  survey: 'answered' | { url: string; open: boolean }
  /** The code that lets the exit kiosk take the ticket's survey, as printed on a kiosk ticket. */
  surveyCode: string
}

/**
 * The citizen's ticket: number, service, status in words; while waiting the people ahead and the estimated
 * wait; once called, where to go. ticket.js keeps it current; every part it updates has a `data-field`.
 */
export const TicketPage = ({ ctx, ticket, apiUrl, selfUrl, timeZone, survey, surveyCode, live }: Props) => {
  const { m } = ctx
  const t = m.ticketPage
  const texts = ticketTexts(m, ticket)
  return (
    <Layout ctx={ctx} title={t.title(ticket.label)} styles={['ticket.css']} scripts={['ticket.js']}>
      <div
        class="ticket"
        data-ticket
        data-api={apiUrl}
        {...liveData(live)}
        data-status={ticket.status}
        data-time-zone={timeZone}
        data-locale={dateLocale(m.htmlLang)}
      >
        <h1>{t.heading}</h1>
        <p class="ticket-number">
          <span class="ticket-number__caption">{t.number}</span>
          <strong class="ticket-number__label" data-field="label">
            {ticket.label}
          </strong>
        </p>

        <p class="ticket-called" role="status" aria-atomic="true" data-field="called">
          {texts.called}
        </p>

        <dl class="facts ticket-facts">
          <div>
            <dt>{t.status}</dt>
            <dd data-field="status">{texts.status}</dd>
          </div>
          <div>
            <dt>{t.service}</dt>
            <dd data-field="service">{ticket.service.name}</dd>
          </div>
          <div>
            <dt>{t.queue}</dt>
            <dd data-field="queue">{ticket.queue.name}</dd>
          </div>
        </dl>

        <p class="ticket-sentence" data-field="sentence">
          {texts.sentence}
        </p>

        <div class="ticket-wait" data-field="waiting" hidden={!texts.waiting}>
          <dl class="facts">
            <div>
              <dt>{t.peopleAhead}</dt>
              <dd class="ticket-big" data-field="people-ahead">
                {texts.peopleAhead}
              </dd>
            </div>
            <div>
              <dt>{t.estimate}</dt>
              <dd class="ticket-big" data-field="estimate">
                {texts.estimate}
              </dd>
            </div>
          </dl>
          <p class="muted">{t.estimateHow}</p>
        </div>

        {survey === 'answered' ? (
          <p class="notice">{m.survey.thanks}</p>
        ) : (
          <section class="notice" data-field="survey" hidden={!survey.open} aria-labelledby="survey-invite">
            <h2 id="survey-invite">{m.survey.heading}</h2>
            <p>{m.survey.inviteLead}</p>
            <p>
              <a class="button" href={survey.url}>
                {m.survey.invite}
              </a>
            </p>
          </section>
        )}

        <p class="ticket-survey-code">
          {m.survey.ticketCode}: <strong>{surveyCode}</strong>{' '}
          <span class="muted">{m.survey.ticketCodeUse}</span>
        </p>
        <p class="muted">{t.keepLink}</p>
        <p>
          <a href="/pengaduan">{m.complaints.ticketLink}</a>
        </p>
        <p class="ticket-refresh">
          <span class="muted" data-field="connection" role="status" />{' '}
          <span class="muted" data-field="updated" />{' '}
          <a href={selfUrl} data-field="reload">
            {t.reload}
          </a>
        </p>
      </div>
    </Layout>
  )
}

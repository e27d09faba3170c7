/**
 * The citizen's ticket page (GET /tiket/{key}/{secret}): refreshes from /api/tickets/{key}/{secret} every 5 s,
 * updates the page in place and vibrates once when the ticket is called. Stops once the ticket is final.
 */
import { systemClock } from '@mpp/core/clock'
import { isLang, messagesFor } from '../i18n/messages'
import { clockFormat } from './lib/clock'
import { startPoller } from './lib/poller'
import { finalStatuses, type TicketData, ticketTexts } from './lib/ticket-text'

const pollMs = 5_000

const start = (root: HTMLElement) => {
  const lang = document.documentElement.lang
  const m = messagesFor(isLang(lang) ? lang : 'id')
  const api = root.dataset.api
  if (!api) return
  const field = (name: string) => root.querySelector<HTMLElement>(`[data-field="${name}"]`)
  const setText = (name: string, text: string) => {
    const node = field(name)
    if (node && node.textContent !== text) node.textContent = text
  }
  // The time of the last update on the MPP's clock, whatever the phone's own time zone.
  const time = clockFormat(root.dataset.locale ?? 'id-ID', root.dataset.timeZone ?? 'Asia/Jakarta')
  let status = root.dataset.status

  const render = (ticket: TicketData) => {
    const texts = ticketTexts(m, ticket)
    setText('label', ticket.label)
    setText('status', texts.status)
    setText('service', ticket.service.name)
    setText('queue', ticket.queue.name)
    setText('sentence', texts.sentence)
    setText('called', texts.called)
    setText('people-ahead', texts.peopleAhead)
    setText('estimate', texts.estimate)
    const waiting = field('waiting')
    if (waiting) waiting.hidden = !texts.waiting
    const survey = field('survey')
    if (survey) survey.hidden = ticket.status !== 'completed'
    root.dataset.status = ticket.status
    if (ticket.status === 'called' && status !== 'called') navigator.vibrate?.([400, 200, 400])
    status = ticket.status
    setText('connection', '')
    setText('updated', m.ticketPage.updatedAt(time(systemClock()).time))
  }

  const poller = startPoller<TicketData>({
    url: api,
    intervalMs: pollMs,
    maxDelayMs: 30_000,
    timeoutMs: 8_000,
    firstPollMs: pollMs,
    onData: render,
    onFailure: () => setText('connection', m.ticketPage.reconnecting),
    keepGoing: (ticket) => !finalStatuses.includes(ticket.status),
  })
  // A phone throttles a page in the background: look again as soon as it is back in front.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poller.pollNow()
  })
  root.dataset.script = 'ready'
}

const ticket = document.querySelector<HTMLElement>('[data-ticket]')
if (ticket) start(ticket)

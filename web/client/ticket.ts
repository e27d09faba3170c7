/**
 * The citizen's ticket page (GET /tiket/{key}/{secret}): follows its ticket on the live socket, updates the page
 * in place and vibrates once when the ticket is called. It reads /api/tickets/{key}/{secret} once per (re)connect
 * and every 30 s only while the socket is down; closes the socket while the phone hides the page (and catches up
 * when it is back), and for good once the ticket is final. `data-live` on the ticket is the socket's state.
 */
import { systemClock } from '@mpp/core/clock'
import { isLang, messagesFor } from '../i18n/messages'
import { clockFormat } from './lib/clock'
import { accessFromDataset, getJson, pauseWhileHidden, quietPingMs, startLive } from './lib/live-socket'
import {
  finalStatuses,
  type TicketData,
  type TicketMessage,
  type TicketStatus,
  ticketTexts,
  withTicketMessage,
} from './lib/ticket-text'

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

  if (finalStatuses.includes(status as TicketStatus)) {
    root.dataset.script = 'ready'
    return
  }
  let shown: TicketData | undefined
  const show = (ticket: TicketData) => {
    shown = ticket
    render(ticket)
    if (finalStatuses.includes(ticket.status)) live.stop()
  }
  // `/api/tickets/{key}/{secret}`: the same key and secret let the page ask for a new token.
  const parts = api.split('/')
  const key = parts[parts.length - 2]
  const secret = parts[parts.length - 1]
  const live = startLive<TicketMessage>({
    access: accessFromDataset(root.dataset),
    pingMs: quietPingMs,
    tokenUrl: `/api/live/token?${new URLSearchParams({ ticket: key ?? '', secret: secret ?? '' })}`,
    resync: async () => {
      try {
        show(await getJson<TicketData>(api, 8_000))
      } catch (error) {
        setText('connection', m.ticketPage.reconnecting)
        throw error
      }
    },
    onMessage: (message) => {
      // Messages wait for the open's resync, so the page has the whole ticket to merge them into.
      if (message.type === 'ticket' && shown) show(withTicketMessage(shown, message))
    },
    onState: (state) => {
      root.dataset.live = state
      if (state === 'down') setText('connection', m.ticketPage.reconnecting)
    },
  })
  root.dataset.live = live.state()
  // A phone throttles a page in the background: nobody reads it there, so the socket rests until it is back.
  pauseWhileHidden(live)
  root.dataset.script = 'ready'
}

const ticket = document.querySelector<HTMLElement>('[data-ticket]')
if (ticket) start(ticket)

/**
 * The officer's console: keyboard shortcuts for the main actions (the buttons carry `data-shortcut`), the
 * lines' waiting counts kept true in place, and a reload when the counter's own call changed while the officer
 * is not typing. Changes come over the live socket (docs/live-updates.md): a line's message updates its count;
 * a message about the counter's call past what the page shows (not the echo of the officer's own action), each
 * (re)connect, and every 30 s while the socket is down, the console API is read and compared with the page.
 */
import type { ConsoleMessage } from '@mpp/core/live-messages'
import { callIsNews } from './lib/console-call'
import { accessFromDataset, pauseWhileHidden, quietPingMs, startLive } from './lib/live-socket'

const typing = () => {
  const el = document.activeElement
  return (
    el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
  )
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing()) return
  const key = event.key === ' ' ? 'N' : event.key.toUpperCase()
  const button = document.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]`)
  if (!button) return
  event.preventDefault()
  button.click()
})

interface ConsoleData {
  current?: { ticketKey: string; status: string }
  queues: { id: string; waiting: number }[]
  held: unknown[]
}

/** The console's state in the shape the page renders into `data-console-state` (counter-console-page.tsx). */
const stateOf = (data: ConsoleData) =>
  [
    data.current ? `${data.current.ticketKey}:${data.current.status}` : '-',
    ...data.queues.map((q) => `${q.id}=${q.waiting}`),
    `held=${data.held.length}`,
  ].join('|')

/** The parts of that state a line's moving does not change: the counter's own ticket and what it holds. */
const ownPart = (state: string) => {
  const parts = state.split('|')
  return `${parts[0]}|${parts.at(-1)}`
}

/** Puts the lines' new waiting counts in place (a number in each line's text): no request, no reload. */
const showCounts = (queues: { id: string; waiting: number }[]) => {
  for (const q of queues) {
    const field = document.querySelector(`[data-field="waiting-${q.id}"]`)
    if (field?.textContent) field.textContent = field.textContent.replace(/\d+/, String(q.waiting))
  }
}

const main = document.querySelector<HTMLElement>('[data-console-state]')
const counterId = main?.dataset.counterId
if (main && counterId) {
  const rendered = ownPart(main.dataset.consoleState ?? '')
  const shown = main.dataset.call ?? ''
  /** Set once the officer sent an action: the page is on its way to the answer, a reload would cancel it. */
  let leaving = false
  document.addEventListener('submit', () => {
    leaving = true
  })
  window.addEventListener('beforeunload', () => {
    leaving = true
  })
  // Back from the browser's page cache: this page shows again, and may reload again.
  window.addEventListener('pageshow', () => {
    leaving = false
  })
  /** A change waits while the officer types (a reload would lose it) and is looked at when they leave the field. */
  let pending = false
  /**
   * Reloads when the console API differs from what the page shows. A message alone does not decide: it may be
   * the late echo of the action that rendered this very page.
   */
  const check = async () => {
    if (leaving) return
    if (typing()) {
      pending = true
      return
    }
    const res = await fetch(`/api/counters/${counterId}/console`, { headers: { accept: 'application/json' } })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const data = (await res.json()) as ConsoleData
    showCounts(data.queues)
    const changed = ownPart(stateOf(data)) !== rendered
    if (!changed || leaving) return
    if (typing()) pending = true
    else {
      leaving = true
      window.location.replace(window.location.pathname)
    }
  }
  document.addEventListener('focusout', () => {
    if (!pending) return
    pending = false
    // After the field lost focus, not while it is losing it.
    setTimeout(() => void check().catch(() => {}), 0)
  })
  const live = startLive<ConsoleMessage>({
    access: accessFromDataset(main.dataset),
    pingMs: quietPingMs,
    tokenUrl: `/api/live/token?counter=${encodeURIComponent(counterId)}`,
    resync: check,
    onMessage: (message) => {
      if (message.type !== 'console') return
      // A line that moved only changes its count; a call past what the page shows is checked against it.
      showCounts(message.queues)
      if (message.call && callIsNews(shown, message.call)) void check().catch(() => {})
    },
    onState: (state) => {
      main.dataset.live = state
    },
  })
  main.dataset.live = live.state()
  // Nobody reads a hidden console: the socket rests and the console catches up when it is shown again.
  pauseWhileHidden(live)
}

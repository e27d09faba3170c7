/**
 * The officer's console: keyboard shortcuts for the main actions (the buttons carry `data-shortcut`), and a
 * reload when the line or the counter's call changed while the officer is not typing, so the waiting counts stay
 * true. Changes come over the live socket (docs/live-updates.md): each message, each (re)connect, and every 30 s
 * while the socket is down, the console API is read and compared with the page.
 */
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

/** The pushed `console` message (packages/api/src/live/fanout.ts, ConsoleMessage), the parts read here. */
interface ConsoleMessage {
  type: 'console'
  counterId: string
  call?: { status: string; label: string }
  queues: { id: string; waiting: number }[]
}

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

const main = document.querySelector<HTMLElement>('[data-console-state]')
const counterId = main?.dataset.counterId
if (main && counterId) {
  const rendered = main.dataset.consoleState ?? ''
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
    const changed = stateOf((await res.json()) as ConsoleData) !== rendered
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
      if (message.type === 'console') void check().catch(() => {})
    },
    onState: (state) => {
      main.dataset.live = state
    },
  })
  main.dataset.live = live.state()
  // Nobody reads a hidden console: the socket rests and the console catches up when it is shown again.
  pauseWhileHidden(live)
}

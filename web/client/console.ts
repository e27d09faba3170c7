/**
 * The officer's console: keyboard shortcuts for the main actions (the buttons carry `data-shortcut`), and a
 * reload when the line or the counter's call changed while the officer is not typing, so the waiting counts stay
 * true. Changes come over the live socket (docs/live-updates.md); the console API is read once per (re)connect
 * and every 30 s only while the socket is down.
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
  const shownWaiting = new Map(
    rendered
      .split('|')
      .map((part) => /^([a-z0-9-]+)=(\d+)$/.exec(part))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] as string, Number(match[2])]),
  )
  let reloading = false
  /** A change waits while the officer types (a reload would lose it) and is looked at when they leave the field. */
  let pending = false
  const reload = () => {
    if (reloading) return
    if (typing()) {
      pending = true
      return
    }
    reloading = true
    window.location.replace(window.location.pathname)
  }
  const check = async () => {
    if (typing()) {
      pending = true
      return
    }
    const res = await fetch(`/api/counters/${counterId}/console`, { headers: { accept: 'application/json' } })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    if (stateOf((await res.json()) as ConsoleData) !== rendered) reload()
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
      // A line that moved is a change for sure; this counter's own call is checked against the console API.
      if (message.queues.some((q) => shownWaiting.has(q.id) && shownWaiting.get(q.id) !== q.waiting)) reload()
      else if (message.call) void check().catch(() => {})
    },
    onState: (state) => {
      main.dataset.live = state
    },
  })
  main.dataset.live = live.state()
  // Nobody reads a hidden console: the socket rests and the console catches up when it is shown again.
  pauseWhileHidden(live)
}

/**
 * The display board (GET /layar): polls /api/board, keeps the calls and queues current, flashes a counter's row
 * and announces it (chime, then the call spoken in Indonesian) whenever its call sequence rises.
 *
 * Test hook: `window.__mppAnnouncements` lists the text of every announcement queued since the page loaded
 * (also when sound is off or no Indonesian voice exists), and `<body data-announced-count>` counts them.
 * The calls on the board when it loads are not announced.
 */

import { systemClock } from '@mpp/core/clock'
import { isLang, messagesFor } from '../i18n/messages'
import { Announcer } from './lib/announcer'
import {
  announcementFor,
  type BoardCall,
  type BoardData,
  type BoardQueue,
  CallTracker,
} from './lib/board-calls'
import { indonesianVoice, playChime, speakIndonesian } from './lib/browser-audio'
import { clockFormat } from './lib/clock'
import { startPoller } from './lib/poller'

declare global {
  interface Window {
    __mppAnnouncements?: string[]
  }
}

const pollMs = 1_500
/** Nothing succeeded for this long: reload the page as a last resort. */
const lastResortMs = 10 * 60_000
/** A call's row flashes this long. */
const flashMs = 6_000
/** How long voices may take to load before the board says there is no Indonesian voice. */
const voiceGraceMs = 3_000

const field = <E extends HTMLElement = HTMLElement>(root: ParentNode, name: string) =>
  root.querySelector<E>(`[data-field="${name}"]`)

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const start = (root: HTMLElement) => {
  const lang = document.documentElement.lang
  const m = messagesFor(isLang(lang) ? lang : 'id')
  const api = root.dataset.api ?? '/api/board'
  const callList = field<HTMLOListElement>(root, 'calls')
  const queueList = field<HTMLUListElement>(root, 'queues')
  const noCalls = field(root, 'no-calls')
  const noQueues = field(root, 'no-queues')
  const connection = field(root, 'connection')
  const soundStatus = field(root, 'sound-status')
  const soundButton = field<HTMLButtonElement>(root, 'sound-button')
  const timeText = field(root, 'time')
  const dateText = field(root, 'date')
  if (!callList || !queueList) return

  // Clock, corrected by the server's time (a TV's own clock is often wrong).
  const formatClock = clockFormat(root.dataset.locale ?? 'id-ID', root.dataset.timeZone ?? 'Asia/Jakarta')
  const loadedDay = root.dataset.day
  let offsetMs = 0
  const serverNow = Date.parse(root.dataset.now ?? '')
  if (Number.isFinite(serverNow)) offsetMs = serverNow - systemClock().getTime()
  let dayChangedAt: number | undefined
  const midnightJitterMs = Math.random() * 120_000
  let reloading = false

  // Reloads only when the page itself answers: a reload while the network is down would leave an error page
  // with no script to recover from it.
  const reloadWhenReachable = async () => {
    if (reloading) return
    reloading = true
    try {
      const res = await fetch(window.location.href, { cache: 'no-store', credentials: 'same-origin' })
      if (res.ok) {
        window.location.reload()
        return
      }
    } catch {
      // Still offline: keep the board and try again later.
    }
    reloading = false
  }

  const tick = () => {
    const now = formatClock(new Date(systemClock().getTime() + offsetMs))
    if (timeText && timeText.textContent !== now.time) timeText.textContent = now.time
    if (dateText && dateText.textContent !== now.date) dateText.textContent = now.date
    // Once a day, after local midnight, start afresh (the board runs all day, every day).
    if (loadedDay && now.day !== loadedDay) {
      dayChangedAt ??= systemClock().getTime()
      const online = poller.state().failures === 0
      if (online && systemClock().getTime() - dayChangedAt >= midnightJitterMs) void reloadWhenReachable()
    }
  }

  // Sound: browsers allow audio only after a press, so one button turns it on.
  let soundEnabled = false
  let audio: AudioContext | undefined
  let voice: SpeechSynthesisVoice | undefined
  let voicesSettled = false
  const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined
  const soundOn = () => soundEnabled
  const showSoundStatus = () => {
    if (!soundStatus) return
    const text = voicesSettled && !voice ? m.board.noVoice : soundOn() && voice ? m.board.soundActive : ''
    if (soundStatus.textContent !== text) soundStatus.textContent = text
  }
  const pickVoice = () => {
    voice = synth ? indonesianVoice(synth.getVoices()) : undefined
    if (voice) voicesSettled = true
    showSoundStatus()
  }
  if (synth) {
    pickVoice()
    synth.addEventListener('voiceschanged', pickVoice)
  }
  setTimeout(() => {
    voicesSettled = true
    pickVoice()
  }, voiceGraceMs)

  if (soundButton) {
    soundButton.hidden = false
    soundButton.addEventListener('click', () => {
      const AudioCtor =
        window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
      try {
        audio ??= new AudioCtor()
        void audio.resume()
      } catch {
        // No Web Audio: no chime, but the voice still speaks.
      }
      soundEnabled = true
      soundButton.hidden = true
      pickVoice()
    })
  }

  const announcements: string[] = []
  window.__mppAnnouncements = announcements
  document.body.dataset.announcedCount = '0'
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
  const announcer = new Announcer({
    chime: () => (audio ? playChime(audio) : Promise.resolve()),
    speak: (text) => (voice ? speakIndonesian(voice, text) : Promise.resolve()),
    canSpeak: () => voice !== undefined,
    soundOn,
    wait,
    onQueued: (text) => {
      announcements.push(text)
      document.body.dataset.announcedCount = String(announcements.length)
    },
  })

  // Calls: rows keyed by counter, updated in place so a flashing row keeps its animation.
  const rows = new Map<number, HTMLLIElement>()
  for (const row of callList.querySelectorAll<HTMLLIElement>('li[data-counter]')) {
    rows.set(Number(row.dataset.counter), row)
  }
  const tracker = new CallTracker(
    [...rows.values()].map((row) => ({
      counterNumber: Number(row.dataset.counter),
      callSeq: Number(row.dataset.seq),
      calledAt: row.dataset.calledAt ?? '',
    })),
  )
  const flashTimers = new Map<number, ReturnType<typeof setTimeout>>()

  const rowFor = (call: BoardCall) => {
    let row = rows.get(call.counterNumber)
    if (!row) {
      row = el('li', 'board-call')
      row.append(el('span', 'board-call__label'), el('span', 'board-call__counter'))
      rows.set(call.counterNumber, row)
    }
    row.dataset.counter = String(call.counterNumber)
    row.dataset.seq = String(call.callSeq)
    row.dataset.calledAt = call.calledAt
    const label = row.children[0]
    const counter = row.children[1]
    const counterText = m.board.counter(call.counterNumber)
    if (label && label.textContent !== call.label) label.textContent = call.label
    if (counter && counter.textContent !== counterText) counter.textContent = counterText
    return row
  }

  const flash = (row: HTMLLIElement, counterNumber: number) => {
    row.classList.remove('board-call--flash')
    void row.offsetWidth // restart the animation on a recall
    row.classList.add('board-call--flash')
    clearTimeout(flashTimers.get(counterNumber))
    flashTimers.set(
      counterNumber,
      setTimeout(() => row.classList.remove('board-call--flash'), flashMs),
    )
  }

  const renderCalls = (calls: BoardCall[]) => {
    const wanted = calls.map(rowFor)
    for (const counterNumber of [...rows.keys()]) {
      if (!calls.some((c) => c.counterNumber === counterNumber)) {
        rows.get(counterNumber)?.remove()
        rows.delete(counterNumber)
      }
    }
    // Move only what is out of place: a row moved in the DOM restarts its animation.
    wanted.forEach((row, i) => {
      if (callList.children[i] !== row) callList.insertBefore(row, callList.children[i] ?? null)
      row.classList.toggle('board-call--latest', i === 0)
    })
    while (callList.children.length > wanted.length) callList.lastElementChild?.remove()
    if (noCalls) noCalls.hidden = calls.length > 0
    for (const call of tracker.update(calls)) {
      const row = rows.get(call.counterNumber)
      if (row) flash(row, call.counterNumber)
      const text = announcementFor(call)
      if (text) announcer.enqueue(text)
    }
  }

  let queuesShown = ''
  const queueItem = (queue: BoardQueue) => {
    const item = el('li', 'board-queue')
    item.dataset.queue = queue.id
    const name = el('h3', 'board-queue__name')
    name.append(el('span', 'board-queue__prefix', queue.prefix), ` ${queue.name}`)
    const count = queue.waiting > 0 ? m.board.waiting(queue.waiting) : m.board.noneWaiting
    item.append(name, el('p', 'board-queue__count', count))
    if (queue.next.length > 0) {
      const next = el('ol', 'board-next')
      next.setAttribute('aria-label', m.board.nextNumbers(queue.name))
      for (const label of queue.next) next.append(el('li', '', label))
      item.append(next)
    }
    return item
  }
  const renderQueues = (queues: BoardQueue[]) => {
    const shown = JSON.stringify(queues)
    if (shown === queuesShown) return
    queuesShown = shown
    queueList.replaceChildren(...queues.map(queueItem))
    if (noQueues) noQueues.hidden = queues.length > 0
  }

  const showConnection = (text: string) => {
    if (connection && connection.textContent !== text) connection.textContent = text
  }

  const poller = startPoller<BoardData>({
    url: api,
    intervalMs: pollMs,
    maxDelayMs: 30_000,
    timeoutMs: 5_000,
    onData: (board, timing) => {
      const serverAt = Date.parse(board.now)
      if (Number.isFinite(serverAt)) offsetMs = serverAt - (timing.sentAt + timing.receivedAt) / 2
      renderCalls(board.calls)
      renderQueues(board.queues)
      showConnection('')
    },
    onFailure: (state) => {
      showConnection(m.board.reconnecting)
      if (state.sinceSuccessMs >= lastResortMs) void reloadWhenReachable()
    },
  })

  tick()
  setInterval(tick, 1_000)
  root.dataset.script = 'ready'
}

const board = document.querySelector<HTMLElement>('[data-board]')
if (board) start(board)

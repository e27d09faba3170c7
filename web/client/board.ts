/**
 * The display board (GET /layar): follows the live socket (docs/live-updates.md), keeps the calls and queues
 * current, flashes a counter's row and announces it (chime, then the call spoken in Indonesian) whenever its
 * call sequence rises. On every (re)connect it reads /api/board once and announces, once each and in order,
 * the calls it missed; while the socket is down it reads it every 30 s. It sleeps (no socket) while the MPP is
 * closed and nobody waits, and keeps its socket while the tab is hidden (a TV shows it all day).
 *
 * Test hooks: `window.__mppAnnouncements` lists the text of every announcement queued since the page loaded
 * (also when sound is off or no Indonesian voice exists), and `<body data-announced-count>` counts them; the
 * board's `data-live` is the socket's state and `data-live-ping` is `waiting` while a ping awaits its answer.
 * The calls on the board when it loads are not announced.
 */

import { systemClock } from '@mpp/core/clock'
import { isLang, messagesFor } from '../i18n/messages'
import { Announcer } from './lib/announcer'
import {
  announcementFor,
  type BoardCall,
  type BoardData,
  type BoardMessage,
  type BoardQueue,
  CallTracker,
  withCall,
  withQueue,
} from './lib/board-calls'
import { boardWakefulness, parseOpenWindows } from './lib/board-sleep'
import { indonesianVoice, playChime, speakIndonesian } from './lib/browser-audio'
import { clockFormat } from './lib/clock'
import { accessFromDataset, getJson, startLive } from './lib/live-socket'

declare global {
  interface Window {
    __mppAnnouncements?: string[]
  }
}

/** Nothing succeeded for this long: reload the page as a last resort. */
const lastResortMs = 10 * 60_000
/** A call's row flashes this long. */
const flashMs = 6_000
/** How long voices may take to load before the board says there is no Indonesian voice. */
const voiceGraceMs = 3_000
/** The longest the board sleeps before looking at its open windows again (long timers are not to be trusted). */
const sleepRecheckMs = 60 * 60_000

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
  /** Now on the server's clock: what the board's day and its sleep go by. */
  const now = () => systemClock().getTime() + offsetMs
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
    const clock = formatClock(new Date(now()))
    if (timeText && timeText.textContent !== clock.time) timeText.textContent = clock.time
    if (dateText && dateText.textContent !== clock.date) dateText.textContent = clock.date
    // Once a day, after local midnight, start afresh (the board runs all day, every day).
    if (loadedDay && clock.day !== loadedDay) {
      dayChangedAt ??= systemClock().getTime()
      const online = live.state() !== 'down'
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
  let day = root.dataset.day ?? ''
  let calls: BoardCall[] = [...rows.values()].map((row) => ({
    counterNumber: Number(row.dataset.counter),
    label: row.children[0]?.textContent ?? '',
    queueId: '',
    status: 'called',
    callSeq: Number(row.dataset.seq),
    calledAt: row.dataset.calledAt ?? '',
  }))
  const tracker = new CallTracker(day, calls)
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

  const renderCalls = () => {
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
  }

  /** Flashes and announces the calls not announced yet, once each, oldest first. */
  const announce = (seen: readonly Omit<BoardCall, 'status'>[]) => {
    const fresh = tracker.update(day, seen)
    for (const counterNumber of new Set(fresh.map((c) => c.counterNumber))) {
      const row = rows.get(counterNumber)
      if (row) flash(row, counterNumber)
    }
    for (const call of fresh) {
      const text = announcementFor(call)
      if (text) announcer.enqueue(text)
    }
  }

  let queues: BoardQueue[] = []
  let queuesShown = ''
  const queueItem = (queue: BoardQueue) => {
    const item = el('li', 'board-queue')
    item.dataset.queue = queue.id
    item.dataset.waiting = String(queue.waiting)
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
  const renderQueues = () => {
    const shown = JSON.stringify(queues)
    if (shown === queuesShown) return
    queuesShown = shown
    queueList.replaceChildren(...queues.map(queueItem))
    if (noQueues) noQueues.hidden = queues.length > 0
  }

  const showConnection = (text: string) => {
    if (connection && connection.textContent !== text) connection.textContent = text
  }

  let lastOkAt = systemClock().getTime()
  const resync = async () => {
    const sentAt = systemClock().getTime()
    let board: BoardData
    try {
      board = await getJson<BoardData>(api, 5_000)
    } catch (error) {
      showConnection(m.board.reconnecting)
      if (systemClock().getTime() - lastOkAt >= lastResortMs) void reloadWhenReachable()
      throw error
    }
    const receivedAt = systemClock().getTime()
    lastOkAt = receivedAt
    const serverAt = Date.parse(board.now)
    if (Number.isFinite(serverAt)) offsetMs = serverAt - (sentAt + receivedAt) / 2
    if (board.day > day) day = board.day
    calls = board.calls
    queues = board.queues
    renderCalls()
    renderQueues()
    announce(board.recentCalls ?? board.calls)
    checkSleep()
  }

  const onMessage = (message: BoardMessage) => {
    if (message.type === 'call') {
      if (message.day < day) return
      const boardDay = day
      if (message.day > day) day = message.day
      calls = withCall(calls, message.day, boardDay, message)
      renderCalls()
      announce([message])
      if (message.queue) {
        queues = withQueue(queues, { type: 'queue', day: message.day, id: message.queueId, ...message.queue })
        renderQueues()
      }
    } else if (message.type === 'queue') {
      if (message.day < day) return
      queues = withQueue(queues, message)
      renderQueues()
      checkSleep()
    }
  }

  // Sleep while the MPP is closed and nobody waits; wake at the next opening.
  const windows = parseOpenWindows(root.dataset.openWindows)
  const someoneWaits = () => queues.some((q) => q.waiting > 0)
  let sleepTimer: ReturnType<typeof setTimeout> | undefined
  function checkSleep() {
    const at = now()
    const wake = boardWakefulness(at, windows, someoneWaits())
    if (wake.awake) live.resume()
    else live.pause()
    clearTimeout(sleepTimer)
    const inMs = wake.recheckAt === undefined ? sleepRecheckMs : Math.min(sleepRecheckMs, wake.recheckAt - at)
    sleepTimer = setTimeout(checkSleep, Math.max(1_000, inMs))
  }
  // The line as the server rendered it, until the first resync: whether anyone waits decides the first sleep.
  queues = [...queueList.querySelectorAll<HTMLLIElement>('li[data-queue]')].map((item) => {
    const prefix = item.querySelector('.board-queue__prefix')?.textContent ?? ''
    return {
      id: item.dataset.queue ?? '',
      prefix,
      name: (item.querySelector('.board-queue__name')?.textContent ?? '').slice(prefix.length).trim(),
      waiting: Number(item.dataset.waiting) || 0,
      next: [...item.querySelectorAll('.board-next li')].map((li) => li.textContent ?? ''),
    }
  })
  const live = startLive<BoardMessage>({
    access: accessFromDataset(root.dataset),
    tokenUrl: `/api/live/token${api.includes('?') ? api.slice(api.indexOf('?')) : ''}`,
    resync,
    onMessage,
    onState: (state) => {
      root.dataset.live = state
      if (state === 'open') showConnection('')
      else if (state === 'down') showConnection(m.board.reconnecting)
      else if (state === 'paused') showConnection('')
    },
    paused: !boardWakefulness(now(), windows, someoneWaits()).awake,
    onPing: (waiting) => {
      root.dataset.livePing = waiting ? 'waiting' : 'answered'
    },
  })

  root.dataset.live = live.state()
  checkSleep()

  tick()
  setInterval(tick, 1_000)
  root.dataset.script = 'ready'
}

const board = document.querySelector<HTMLElement>('[data-board]')
if (board) start(board)

/**
 * The live-updates socket the board, the ticket page and the console share (docs/live-updates.md): open it with
 * the page's token, resynchronise once over HTTP on every open, then apply what the server pushes. While it is
 * down: reconnect with backoff and poll the page's HTTP endpoint slowly, never faster than `pollMs`. Pure apart
 * from what is injected: it touches no browser global at import time, so the unit tests drive it by hand.
 */

import { systemClock } from '@mpp/core/clock'
import type { LiveAccess } from '../../components/live-data'
import { backoffDelay } from './backoff'

/** The part of a browser WebSocket this module uses. */
export interface LiveSocketLike {
  send(data: string): void
  close(code?: number): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number }) => void) | null
  onerror: ((event: unknown) => void) | null
}

/**
 * `connecting` and `open` speak for themselves; `down`: lost, reconnecting and polling; `paused`: closed on
 * purpose (a hidden ticket page or console, a board asleep while the MPP is closed); `stopped`: for good.
 */
export type LiveState = 'connecting' | 'open' | 'down' | 'paused' | 'stopped'

export interface LiveOptions<M> {
  /** Start resting, as after `pause()` (a board loaded while the MPP is closed). */
  paused?: boolean
  /** The page's token, if it carries one; without it (or once it expired) the client asks `tokenUrl`. */
  access?: Partial<LiveAccess>
  /** `GET /api/live/token` with what this page follows. */
  tokenUrl: string
  /** Reads the page's state over HTTP and shows it; rejects when that failed. Once per open, and each poll. */
  resync: () => Promise<void>
  /** A pushed message, in order; never while a resync is under way (they wait for it). */
  onMessage: (message: M) => void
  onState?: (state: LiveState) => void
  /** Test hook: a ping went out (`true`) or its answer came (`false`). */
  onPing?: (waiting: boolean) => void
  /** How often the HTTP endpoint is polled while the socket is down. */
  pollMs?: number
  /**
   * How often a ping goes out on an open socket (default a minute, for the board), and how long its answer may
   * take before the socket is dead. Each ping is two messages and a Lambda call in AWS: the README's load model
   * prices them, and a page that needs no quick notice (a phone, a console) pings every few minutes; API
   * Gateway closes a socket idle for 10.
   */
  pingMs?: number
  pongTimeoutMs?: number
  /** A socket that neither opens nor fails within this is given up. */
  openTimeoutMs?: number
  /** The first reconnect delay, doubling per failure up to `maxDelayMs` (jittered). */
  minDelayMs?: number
  maxDelayMs?: number
  createSocket?: (url: string) => LiveSocketLike
  fetchAccess?: (url: string) => Promise<LiveAccess>
  now?: () => number
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (id: unknown) => void
}

export interface LiveClient {
  /** Closes the socket and rests: no reconnect, no polling, until `resume` (hidden tab, a board asleep). */
  pause(): void
  /** Connects again if paused (and resynchronises when open). */
  resume(): void
  /** Closes for good: the ticket is finished. */
  stop(): void
  state(): LiveState
}

/** The ping after a silence of a page that must learn at once of a dead socket: the board. */
export const defaultPingMs = 60_000
/** The ping of a page that can learn late of a dead socket (a phone, a console): within API Gateway's 10 minutes. */
export const quietPingMs = 5 * 60_000

/** Close codes with which the server says the token is no good (4401/4403 like HTTP, 1008 policy). */
const refusedCodes = [1008, 4401, 4403]
/** Asks for a new token this long before the page's one expires. */
const expiryMarginMs = 30_000
/** Our own close code for a socket that stopped answering pings. */
const deadSocketCode = 4000

/** Reads JSON over HTTP, giving up after `timeoutMs`; rejects on a network error or a non-2xx answer. */
export const getJson = async <T>(url: string, timeoutMs = 8_000): Promise<T> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(url, {
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return (await res.json()) as T
  } finally {
    clearTimeout(timer)
  }
}

/** The access a page's element carries in its `data-live-*` attributes, if any. */
export const accessFromDataset = (dataset: DOMStringMap): Partial<LiveAccess> => ({
  ...(dataset.liveToken && { token: dataset.liveToken }),
  ...(dataset.liveExpires && { expiresAt: dataset.liveExpires }),
  ...(dataset.liveUrl && { url: dataset.liveUrl }),
})

/** The socket address a page's origin would have locally, when neither the page nor the token says. */
const sameHostSocket = () =>
  typeof location === 'undefined'
    ? ''
    : `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/live`

export const startLive = <M extends { type: string }>(options: LiveOptions<M>): LiveClient => {
  // No destructuring: esbuild cannot lower it for the Safari 14 target.
  const o = options
  const pollMs = o.pollMs ?? 30_000
  const pingMs = o.pingMs ?? defaultPingMs
  const pongTimeoutMs = o.pongTimeoutMs ?? 10_000
  const openTimeoutMs = o.openTimeoutMs ?? 10_000
  const minDelayMs = o.minDelayMs ?? 1_000
  const maxDelayMs = o.maxDelayMs ?? 30_000
  const createSocket = o.createSocket ?? ((url: string) => new WebSocket(url) as unknown as LiveSocketLike)
  const fetchAccess = o.fetchAccess ?? ((url: string) => getJson<LiveAccess>(url))
  const now = o.now ?? (() => systemClock().getTime())
  const random = o.random ?? Math.random
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = o.clearTimer ?? ((id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>))

  let access: Partial<LiveAccess> = { ...o.access }
  let state: LiveState = 'connecting'
  let socket: LiveSocketLike | undefined
  /** Failed connection attempts in a row (the backoff's exponent); 0 once a socket opened. */
  let failures = 0
  /** The token needs replacing: the server refused it, or the socket failed while HTTP answered. */
  let tokenSuspect = false
  let failedOpenSinceHttp = false
  let reconnectTimer: unknown
  let pollTimer: unknown
  let pingTimer: unknown
  let pongTimer: unknown
  let openTimer: unknown
  let resyncTimer: unknown
  /** Messages that came while the open's resync was under way: applied after it, in order. */
  let held: M[] | undefined

  const clear = (id: unknown) => {
    if (id !== undefined) clearTimer(id)
  }
  const setState = (next: LiveState) => {
    if (state === next) return
    state = next
    try {
      o.onState?.(next)
    } catch {
      // A failing status line must not stop the socket.
    }
  }

  const apply = (message: M) => {
    try {
      o.onMessage(message)
    } catch {
      // One message the page cannot show must not stop the ones after it.
    }
  }

  /** A resync that succeeded says the server answers HTTP: a socket that failed meanwhile suggests the token. */
  const resync = async () => {
    await o.resync()
    if (failedOpenSinceHttp) tokenSuspect = true
    failedOpenSinceHttp = false
  }

  const stopPolling = () => {
    clear(pollTimer)
    pollTimer = undefined
  }
  const schedulePoll = () => {
    stopPolling()
    pollTimer = setTimer(() => {
      pollTimer = undefined
      if (state !== 'down') return
      resync()
        .catch(() => {})
        .finally(() => {
          if (state === 'down') schedulePoll()
        })
    }, pollMs)
  }

  const stopPinging = () => {
    clear(pingTimer)
    clear(pongTimer)
    pingTimer = undefined
    pongTimer = undefined
  }
  const schedulePing = (ws: LiveSocketLike) => {
    pingTimer = setTimer(() => {
      pingTimer = undefined
      if (ws !== socket) return
      try {
        ws.send(JSON.stringify({ type: 'ping' }))
      } catch {
        lost(ws, 1006)
        return
      }
      o.onPing?.(true)
      clear(pongTimer)
      // No answer at all in time: the connection is dead though the browser has not noticed (a NAT forgot it).
      pongTimer = setTimer(() => {
        pongTimer = undefined
        if (ws !== socket) return
        try {
          ws.close(deadSocketCode)
        } catch {
          // Closing a dead socket may throw; it is dropped either way.
        }
        lost(ws, deadSocketCode)
      }, pongTimeoutMs)
      schedulePing(ws)
    }, pingMs)
  }
  const heard = () => {
    if (pongTimer === undefined) return
    clear(pongTimer)
    pongTimer = undefined
    o.onPing?.(false)
  }

  /** Detaches a socket: its late events no longer count. */
  const drop = (ws: LiveSocketLike | undefined, code?: number) => {
    if (!ws) return
    ws.onopen = null
    ws.onmessage = null
    ws.onclose = null
    ws.onerror = null
    try {
      ws.close(code)
    } catch {
      // Already closed.
    }
  }

  /** An attempt failed or an open socket was lost: back off, reconnect, and poll meanwhile. */
  const failed = (why: 'refused' | 'unopened' | 'lost' | 'no-token') => {
    if (resting()) return
    if (why === 'refused') tokenSuspect = true
    else if (why === 'unopened') failedOpenSinceHttp = true
    failures += 1
    setState('down')
    if (pollTimer === undefined) schedulePoll()
    clear(reconnectTimer)
    reconnectTimer = setTimer(
      () => {
        reconnectTimer = undefined
        void connect()
      },
      backoffDelay(failures, minDelayMs, maxDelayMs, random),
    )
  }

  /** The socket closed or died without us asking. */
  const lost = (ws: LiveSocketLike, code: number) => {
    if (ws !== socket) return
    const opened = state === 'open'
    socket = undefined
    drop(ws)
    clear(openTimer)
    clear(resyncTimer)
    stopPinging()
    held = undefined
    failed(refusedCodes.includes(code) ? 'refused' : opened ? 'lost' : 'unopened')
  }

  const resyncOnOpen = (ws: LiveSocketLike, failedBefore = 0) => {
    resync()
      .then(() => {
        if (ws !== socket) return
        const pending = held ?? []
        held = undefined
        for (const message of pending) apply(message)
      })
      .catch(() => {
        // Not shown yet, and pushed messages wait: without it a missed call could be skipped. Try again,
        // backing off as a reconnect does (an HTTP side in trouble is not to be pressed harder).
        if (ws !== socket) return
        resyncTimer = setTimer(
          () => {
            resyncTimer = undefined
            if (ws === socket) resyncOnOpen(ws, failedBefore + 1)
          },
          backoffDelay(failedBefore + 1, minDelayMs, maxDelayMs, random),
        )
      })
  }

  const needsToken = () => {
    const expires = Date.parse(access.expiresAt ?? '')
    return !access.token || tokenSuspect || (Number.isFinite(expires) && expires - expiryMarginMs <= now())
  }

  /** Paused or stopped: read through a call, as it changes while a token request is under way. */
  const resting = () => state === 'paused' || state === 'stopped'

  const connect = async () => {
    if (resting() || socket) return
    if (state !== 'down') setState('connecting')
    if (needsToken()) {
      try {
        access = await fetchAccess(o.tokenUrl)
        tokenSuspect = false
        failedOpenSinceHttp = false
      } catch {
        // No token, no socket: a failed attempt, so the backoff and the polling carry on.
        failed('no-token')
        return
      }
      if (resting() || socket) return
    }
    const base = access.url || sameHostSocket()
    const url = `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(access.token ?? '')}`
    let ws: LiveSocketLike
    try {
      ws = createSocket(url)
    } catch {
      failed('unopened')
      return
    }
    socket = ws
    openTimer = setTimer(() => {
      openTimer = undefined
      lost(ws, 1006)
    }, openTimeoutMs)
    ws.onopen = () => {
      if (ws !== socket) return
      clear(openTimer)
      openTimer = undefined
      failures = 0
      failedOpenSinceHttp = false
      clear(reconnectTimer)
      reconnectTimer = undefined
      stopPolling()
      setState('open')
      held = []
      schedulePing(ws)
      resyncOnOpen(ws)
    }
    ws.onmessage = (event) => {
      if (ws !== socket) return
      heard()
      // A ping is for a silent line: any message shows this one alive and puts the next ping off.
      if (pingTimer !== undefined) {
        clear(pingTimer)
        schedulePing(ws)
      }
      let message: M
      try {
        message = JSON.parse(String(event.data)) as M
      } catch {
        return
      }
      if (!message || typeof message.type !== 'string' || message.type === 'pong') return
      if (held) held.push(message)
      else apply(message)
    }
    ws.onclose = (event) => lost(ws, event.code)
    // An error is always followed by a close; the close decides.
    ws.onerror = () => {}
  }

  const rest = (next: 'paused' | 'stopped') => {
    const ws = socket
    socket = undefined
    setState(next)
    clear(openTimer)
    clear(resyncTimer)
    clear(reconnectTimer)
    reconnectTimer = undefined
    stopPinging()
    stopPolling()
    held = undefined
    drop(ws, 1000)
  }

  if (o.paused) state = 'paused'
  else void connect()

  return {
    pause: () => {
      if (state !== 'stopped' && state !== 'paused') rest('paused')
    },
    resume: () => {
      if (state !== 'paused') return
      failures = 0
      setState('connecting')
      void connect()
    },
    stop: () => rest('stopped'),
    state: () => state,
  }
}

/**
 * A page that need not follow anything while nobody looks (the ticket page, the console): the socket closes when
 * the tab is hidden and opens again, resynchronising, when it is shown. The board does not use this.
 */
export const pauseWhileHidden = (client: LiveClient, doc: Document = document) => {
  const follow = () => {
    if (doc.visibilityState === 'hidden') client.pause()
    else client.resume()
  }
  doc.addEventListener('visibilitychange', follow)
  follow()
}

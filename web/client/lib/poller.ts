/**
 * Polling that never gives up, for screens that run all day (the display board) and pages left open on a phone
 * (the ticket page). Pure apart from what is injected: it touches no browser global at import time.
 */

import { systemClock } from '@mpp/core/clock'

/** Time before the next poll: the interval while all is well, then doubling per failure, jittered, capped. */
export const backoffDelay = (
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number => {
  if (failures <= 0) return baseMs
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30))
  // ±20 % so that many screens that lost the network together do not come back in lockstep.
  return Math.round(Math.min(maxMs, raw * (0.8 + 0.4 * random())))
}

export interface PollState {
  /** Failed polls in a row; 0 after a success. */
  failures: number
  /** Milliseconds since the last success (or since the poller started, before the first one). */
  sinceSuccessMs: number
}

export interface PollerOptions<T> {
  url: string
  /** Time between polls while all is well; also the first step of the back-off. */
  intervalMs: number
  /** The longest wait between polls after failures. */
  maxDelayMs?: number
  /** A poll that takes longer is aborted and counts as a failure. */
  timeoutMs?: number
  /** When the first poll goes out; at once unless told otherwise. */
  firstPollMs?: number
  /** A new answer. Throwing here counts as a failed poll: the screen did not update. */
  onData: (data: T, timing: { sentAt: number; receivedAt: number }) => void
  onFailure?: (state: PollState) => void
  /** Asked after every answer; false stops polling (a ticket whose status is final). */
  keepGoing?: (data: T) => boolean
  fetch?: (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (id: unknown) => void
  now?: () => number
  random?: () => number
}

export interface Poller {
  /** Polls at once (e.g. when a phone's page becomes visible again) unless a poll is under way. */
  pollNow: () => void
  state: () => PollState & { lastSuccessAt: number; stopped: boolean }
}

/** Starts polling `url` for JSON. Network errors, timeouts and non-2xx answers back off; it never gives up. */
export const startPoller = <T>(options: PollerOptions<T>): Poller => {
  // No destructuring: esbuild cannot lower it for the Safari 14 target.
  const o = options
  const maxDelayMs = o.maxDelayMs ?? 30_000
  const timeoutMs = o.timeoutMs ?? 5_000
  const keepGoing = o.keepGoing ?? (() => true)
  const doFetch = o.fetch ?? ((u: string, init: RequestInit) => fetch(u, init))
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = o.clearTimer ?? ((id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>))
  const now = o.now ?? (() => systemClock().getTime())
  const random = o.random ?? Math.random
  let failures = 0
  let lastSuccessAt = now()
  let inFlight = false
  let stopped = false
  let timer: unknown

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer)
    timer = setTimer(() => {
      timer = undefined
      void poll()
    }, ms)
  }

  const poll = async () => {
    if (inFlight || stopped) return
    inFlight = true
    const controller = new AbortController()
    const abortTimer = setTimer(() => controller.abort(), timeoutMs)
    const sentAt = now()
    try {
      const res = await doFetch(o.url, {
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const data = (await res.json()) as T
      o.onData(data, { sentAt, receivedAt: now() })
      failures = 0
      lastSuccessAt = now()
      if (!keepGoing(data)) stopped = true
    } catch {
      failures += 1
      try {
        o.onFailure?.({ failures, sinceSuccessMs: now() - lastSuccessAt })
      } catch {
        // A failing status line must not stop the polling.
      }
    } finally {
      clearTimer(abortTimer)
      inFlight = false
      if (!stopped) schedule(backoffDelay(failures, o.intervalMs, maxDelayMs, random))
    }
  }

  schedule(o.firstPollMs ?? 0)
  return {
    pollNow: () => {
      if (!inFlight && !stopped) schedule(0)
    },
    state: () => ({ failures, sinceSuccessMs: now() - lastSuccessAt, lastSuccessAt, stopped }),
  }
}

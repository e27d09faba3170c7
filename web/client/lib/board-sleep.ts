/**
 * Whether the display board keeps its socket: it sleeps while the MPP is closed and nobody waits, and wakes at
 * the next opening. The page carries the open windows of the coming days (`data-open-windows`, computed on the
 * server from the tenant's schedule), so the script needs no calendar of its own.
 */

/** One open stretch, in epoch milliseconds. */
export interface OpenWindow {
  opensAt: number
  closesAt: number
}

/** Reads `data-open-windows` (`[["<ISO>", "<ISO>"], …]`); undefined when absent or unreadable. */
export const parseOpenWindows = (json: string | undefined): OpenWindow[] | undefined => {
  if (!json) return undefined
  try {
    const pairs = JSON.parse(json) as unknown
    if (!Array.isArray(pairs)) return undefined
    const windows = pairs.map((pair) => ({
      opensAt: Date.parse(Array.isArray(pair) ? pair[0] : ''),
      closesAt: Date.parse(Array.isArray(pair) ? pair[1] : ''),
    }))
    return windows.every((w) => Number.isFinite(w.opensAt) && Number.isFinite(w.closesAt))
      ? windows
      : undefined
  } catch {
    return undefined
  }
}

/** While closed with people still in line (served after closing time), look again this often. */
export const closedWithLineRecheckMs = 5 * 60_000

/**
 * Awake or asleep at `now`, and when to look again. Awake in an open window, and after closing while anyone still
 * waits (the counters serve the line out); asleep otherwise, until the next window opens. Without windows ahead
 * (none carried, or the page is older than they reach) it stays awake: a board that cannot tell must not sleep.
 */
export const boardWakefulness = (
  now: number,
  windows: readonly OpenWindow[] | undefined,
  someoneWaits: boolean,
): { awake: boolean; recheckAt?: number } => {
  if (!windows) return { awake: true }
  const current = windows.find((w) => w.opensAt <= now && now < w.closesAt)
  if (current) return { awake: true, recheckAt: current.closesAt }
  const next = windows
    .filter((w) => w.opensAt > now)
    .reduce<number | undefined>(
      (soonest, w) => (soonest === undefined || w.opensAt < soonest ? w.opensAt : soonest),
      undefined,
    )
  if (next === undefined) return { awake: true }
  if (someoneWaits) return { awake: true, recheckAt: Math.min(next, now + closedWithLineRecheckMs) }
  return { awake: false, recheckAt: next }
}

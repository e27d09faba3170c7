import { addDays, clockMinutes, clockTime, type IsoDate } from './business-day'
import { intervalsOn, type Schedule } from './schedule'

const minuteMs = 60_000
// Indonesia keeps no daylight saving time, so a day is always 24 hours.
const dayMs = 86_400_000

/**
 * The `HH:MM` starts of the appointment slots of a local date: slots start at each interval's opening and
 * must end by its close, so none straddles a break. None on a holiday or a closed day. Slots already past
 * are the caller's to drop.
 */
export const slotTimes = (date: IsoDate, schedule: Schedule, slotMinutes: number): string[] => {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1) throw new RangeError(`slot minutes: ${slotMinutes}`)
  const slots: string[] = []
  for (const iv of intervalsOn(date, schedule)) {
    const close = clockMinutes(iv.close)
    for (let start = clockMinutes(iv.open); start + slotMinutes <= close; start += slotMinutes) {
      slots.push(clockTime(start))
    }
  }
  return slots
}

export type CheckInState = 'too_early' | 'open' | 'too_late'

/**
 * Whether a citizen may check in for an appointment: from `checkInEarlyMinutes` before the slot until
 * `checkInLateMinutes` after it, both ends included; later than that the appointment lapses (the ASAN rule).
 */
export const checkInState = (
  now: Date,
  slotAt: Date,
  settings: { checkInEarlyMinutes: number; checkInLateMinutes: number },
): CheckInState => {
  const offset = now.getTime() - slotAt.getTime()
  if (offset < -settings.checkInEarlyMinutes * minuteMs) return 'too_early'
  if (offset > settings.checkInLateMinutes * minuteMs) return 'too_late'
  return 'open'
}

export type NoShowBlock = { blocked: false } | { blocked: true; until: Date }

/**
 * Whether a person may book: blocked when at least `maxNoShows` of their no-shows fall within the last
 * `noShowWindowDays` (window start included, future ones ignored), until the newest of those plus
 * `blockDays`. A block that has already run out by `now` is no block.
 */
export const noShowBlock = (
  noShowsAt: readonly Date[],
  now: Date,
  settings: { maxNoShows: number; noShowWindowDays: number; blockDays: number },
): NoShowBlock => {
  const end = now.getTime()
  const start = end - settings.noShowWindowDays * dayMs
  const counted = noShowsAt.map((d) => d.getTime()).filter((t) => t >= start && t <= end)
  if (counted.length < settings.maxNoShows) return { blocked: false }
  const until = Math.max(...counted) + settings.blockDays * dayMs
  return until > end ? { blocked: true, until: new Date(until) } : { blocked: false }
}

/** The local dates open for booking: today through `daysAhead` days later, both included. */
export const bookableDates = (today: IsoDate, daysAhead: number): IsoDate[] =>
  Array.from({ length: Math.max(0, daysAhead) + 1 }, (_, i) => addDays(today, i))

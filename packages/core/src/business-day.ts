import { type Weekday, weekdays } from './opening-hours'

/** A calendar date, `YYYY-MM-DD`, in a tenant's local time. */
export type IsoDate = string

/** The time zones of Indonesia (DOMAIN.md, "Time zones and codes"). */
export const timeZones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const
export type TimeZone = (typeof timeZones)[number]

export interface LocalClock {
  date: IsoDate
  weekday: Weekday
  /** `HH:MM`, 24-hour. */
  time: string
  /** Whole minutes since local midnight. */
  minutes: number
}

const dayMs = 86_400_000
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

// Building an Intl.DateTimeFormat is slow; one per zone is enough.
const formatters = new Map<TimeZone, Intl.DateTimeFormat>()

const formatterFor = (timeZone: TimeZone): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The local wall clock of an instant as numbers, read from the time zone database. */
const readWallClock = (instant: Date, timeZone: TimeZone) => {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  return { year, month, day, hour, minute, second }
}

// formatToParts costs tens of microseconds and a request asks several times (today, the opening state, the
// instants of its opening and closing): remember the minutes asked lately. Indonesia's zones are whole hours
// from UTC, so within a UTC minute only the seconds change.
const minutes = new Map<string, ReturnType<typeof readWallClock>>()

const wallClock = (instant: Date, timeZone: TimeZone) => {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('invalid date')
  const minute = Math.floor(ms / 60_000)
  const key = `${timeZone}|${minute}`
  let clock = minutes.get(key)
  if (!clock) {
    if (minutes.size >= 512) minutes.clear()
    clock = readWallClock(new Date(minute * 60_000), timeZone)
    minutes.set(key, clock)
  }
  return { ...clock, second: Math.floor((ms - minute * 60_000) / 1000) }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const parseDate = (date: IsoDate): number => {
  const match = isoDatePattern.exec(date)
  const utc = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN
  // Date.UTC rolls 2026-02-30 over to March: compare back to refuse dates that do not exist.
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a date like 2026-11-23: ${date}`)
  }
  return utc
}

/** Minutes since midnight of an `HH:MM` wall time; `24:00` is 1440, the next midnight. */
export const clockMinutes = (time: string): number => {
  const match = timePattern.exec(time)
  if (!match) throw new RangeError(`not a time like 08:00: ${time}`)
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4])
}

/** `HH:MM` of minutes since midnight (0..1439). */
export const clockTime = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

/**
 * The local date of an instant: the day a ticket belongs to. Computing it in UTC puts late-afternoon
 * tickets of WIT tenants (and evening ones of WIB) on the wrong day (DOMAIN.md, failures seen).
 */
export const businessDay = (instant: Date, timeZone: TimeZone): IsoDate => {
  const { year, month, day } = wallClock(instant, timeZone)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** The local date, weekday and time of an instant, as opening hours are written. */
export const localClock = (instant: Date, timeZone: TimeZone): LocalClock => {
  const { year, month, day, hour, minute } = wallClock(instant, timeZone)
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  return { date, weekday: weekdayOf(date), time: `${pad(hour)}:${pad(minute)}`, minutes: hour * 60 + minute }
}

/**
 * The instant of a local wall time (`24:00` is the next midnight). The offset is read from the time zone
 * database and checked once more at the result, so a zone that changed its offset would still come out right.
 */
export const zonedInstant = (date: IsoDate, time: string, timeZone: TimeZone): Date => {
  const wanted = parseDate(date) + clockMinutes(time) * 60_000
  const offsetAt = (instant: number) => {
    const c = wallClock(new Date(instant), timeZone)
    return (
      Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000
    )
  }
  let instant = wanted - offsetAt(wanted)
  instant = wanted - offsetAt(instant)
  return new Date(instant)
}

/** The calendar date `days` after (or, negative, before) `date`. */
export const addDays = (date: IsoDate, days: number): IsoDate => {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`)
  return new Date(parseDate(date) + days * dayMs).toISOString().slice(0, 10)
}

/** The day of week of a calendar date, whatever the time zone. */
export const weekdayOf = (date: IsoDate): Weekday => {
  // getUTCDay counts from Sunday (0); weekdays starts on Monday.
  return weekdays[(new Date(parseDate(date)).getUTCDay() + 6) % 7] as Weekday
}

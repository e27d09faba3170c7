import {
  addDays,
  clockMinutes,
  type IsoDate,
  localClock,
  type TimeZone,
  weekdayOf,
  zonedInstant,
} from './business-day'
import type { OpenInterval, WeeklyHours } from './opening-hours'

/** When a tenant is open: hours per weekday (breaks are gaps between intervals), holidays, and its zone. */
export interface Schedule {
  openingHours: WeeklyHours
  holidays: readonly { date: IsoDate; name: string }[]
  timeZone: TimeZone
}

export type ClosedReason = 'holiday' | 'closed_today' | 'before_opening' | 'break' | 'after_closing'

export type OpenState =
  | { open: true; closesAt: Date }
  | {
      open: false
      reason: ClosedReason
      holidayName?: string
      /** The next opening instant within the next 14 days, if any. */
      opensAt?: Date
    }

/** How far ahead `openState` looks for the next opening. */
const lookAheadDays = 14

const holidayOn = (date: IsoDate, schedule: Schedule) => schedule.holidays.find((h) => h.date === date)

/** The open intervals of a local date: none on a holiday. */
export const intervalsOn = (date: IsoDate, schedule: Schedule): readonly OpenInterval[] =>
  holidayOn(date, schedule) ? [] : schedule.openingHours[weekdayOf(date)]

/** The first opening after `afterMinutes` on `date`, else on the following days within the look-ahead. */
const nextOpening = (date: IsoDate, afterMinutes: number, schedule: Schedule): Date | undefined => {
  for (let day = 0; day <= lookAheadDays; day++) {
    const d = addDays(date, day)
    const next = intervalsOn(d, schedule).find((iv) => day > 0 || clockMinutes(iv.open) > afterMinutes)
    if (next) return zonedInstant(d, next.open, schedule.timeZone)
  }
  return undefined
}

/**
 * Whether the tenant is open at `now` in its own time zone, and until when, or why not and when it opens
 * next. An interval holds from its opening minute up to, not including, its closing minute, so at 15:00 a
 * 08:00-15:00 day is closed, and days open 00:00-24:00 follow each other without a gap. `closesAt` is the end
 * of the current interval.
 */
export const openState = (now: Date, schedule: Schedule): OpenState => {
  const clock = localClock(now, schedule.timeZone)
  const closed = (reason: ClosedReason, holidayName?: string): OpenState => {
    const opensAt = nextOpening(clock.date, clock.minutes, schedule)
    return {
      open: false,
      reason,
      ...(holidayName === undefined ? {} : { holidayName }),
      ...(opensAt ? { opensAt } : {}),
    }
  }

  const holiday = holidayOn(clock.date, schedule)
  if (holiday) return closed('holiday', holiday.name)
  const day = schedule.openingHours[clock.weekday]
  if (day.length === 0) return closed('closed_today')

  const current = day.find(
    (iv) => clockMinutes(iv.open) <= clock.minutes && clock.minutes < clockMinutes(iv.close),
  )
  if (current) return { open: true, closesAt: zonedInstant(clock.date, current.close, schedule.timeZone) }
  if (clock.minutes < clockMinutes(day[0]?.open ?? '00:00')) return closed('before_opening')
  if (clock.minutes >= clockMinutes(day.at(-1)?.close ?? '24:00')) return closed('after_closing')
  return closed('break')
}

/** When the last interval of a local date closes; undefined on a holiday or a day closed all day. */
export const closingInstant = (date: IsoDate, schedule: Schedule): Date | undefined => {
  const last = intervalsOn(date, schedule).at(-1)
  return last && zonedInstant(date, last.close, schedule.timeZone)
}

import { addDays, type IsoDate, weekdayOf } from './business-day'

/** A working day: Monday to Friday and not one of the tenant's holidays. */
export const isWorkingDay = (date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean => {
  const weekday = weekdayOf(date)
  return weekday !== 'sat' && weekday !== 'sun' && !holidays.has(date)
}

/**
 * The date `days` working days after `from` (complaint deadlines: verify within 3, follow up within 5). The
 * day it starts on does not count, whatever day it is.
 */
export const addWorkingDays = (from: IsoDate, days: number, holidays: ReadonlySet<IsoDate>): IsoDate => {
  let date = from
  for (let left = days; left > 0; ) {
    date = addDays(date, 1)
    if (isWorkingDay(date, holidays)) left--
  }
  return date
}

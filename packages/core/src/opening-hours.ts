import { z } from 'zod'
import { rule } from './issue-rules'

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, rule('time'))

/** One open stretch of a day; a break (such as Friday prayers) is the gap between two. */
export const openInterval = z
  .object({ open: clock, close: clock })
  .strict()
  .refine((i) => i.open < i.close, rule('openBeforeClose'))
export type OpenInterval = z.infer<typeof openInterval>

/** Opening hours per day of week; an empty list means closed that day. */
export const weeklyHours = z
  .object(
    Object.fromEntries(weekdays.map((d) => [d, z.array(openInterval).max(4)])) as Record<
      Weekday,
      z.ZodArray<typeof openInterval>
    >,
  )
  .strict()
  .refine(
    (week) =>
      weekdays.every((d) => week[d].every((iv, i, all) => i === 0 || (all[i - 1]?.close ?? '') <= iv.open)),
    rule('hoursInOrder'),
  )
export type WeeklyHours = z.infer<typeof weeklyHours>

/** True when the day is open from midnight to midnight. */
export const isAllDay = (day: readonly OpenInterval[]): boolean =>
  day.length === 1 && day[0]?.open === '00:00' && day[0]?.close === '24:00'

export interface DayRange {
  from: Weekday
  to: Weekday
  intervals: OpenInterval[]
}

/** Consecutive days with the same hours, merged (Monday-Thursday 08:00-15:00), so a phone shows a short list. */
export const groupWeekdays = (week: WeeklyHours): DayRange[] => {
  const ranges: DayRange[] = []
  const same = (a: OpenInterval[], b: OpenInterval[]) => JSON.stringify(a) === JSON.stringify(b)
  for (const day of weekdays) {
    const last = ranges.at(-1)
    if (last && same(last.intervals, week[day])) last.to = day
    else ranges.push({ from: day, to: day, intervals: week[day] })
  }
  return ranges
}

/** One day's hours as an admin writes them: `08:00-11:30, 13:00-15:00`; empty means closed. */
export const formatDayHours = (intervals: readonly OpenInterval[]): string =>
  intervals.map((i) => `${i.open}-${i.close}`).join(', ')

/** Reads `formatDayHours`'s form back; undefined when it is not that form. Validity is the schema's job. */
export const parseDayHours = (text: string): OpenInterval[] | undefined => {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  const intervals: OpenInterval[] = []
  for (const part of parts) {
    const match = /^(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/.exec(part)
    if (!match) return undefined
    const clock = (t: string) => t.replace('.', ':').padStart(5, '0')
    intervals.push({ open: clock(match[1] as string), close: clock(match[2] as string) })
  }
  return intervals
}

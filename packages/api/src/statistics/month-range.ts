import { businessDay } from '@mpp/core/business-day'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'
import { monthsOf } from './period'

/** The most months one statistics read covers: 12 x 514 month items through gsi1. */
export const maxMonths = 12

export interface MonthRange {
  from: string
  to: string
  months: string[]
  /** The first and last day, for the daily series. */
  firstDay: string
  lastDay: string
}

const isMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m)

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/**
 * The months asked for (`?from=2026-09&to=2026-11`); by default the last three months up to this one, in
 * Jakarta's calendar. The ministry compares MPPs by whole months, as it reports; a day's numbers are in the
 * daily series.
 */
export const monthRangeOf = (query: { from?: string; to?: string }, now: Date): MonthRange => {
  const thisMonth = businessDay(now, 'Asia/Jakarta').slice(0, 7)
  const to = query.to || thisMonth
  const [y, m] = to.split('-').map(Number) as [number, number]
  const from =
    query.from ||
    (m > 2 ? `${y}-${String(m - 2).padStart(2, '0')}` : `${y - 1}-${String(m + 10).padStart(2, '0')}`)
  const invalid = [
    ...(isMonth(from) ? [] : [{ path: 'from', word: 'month' } as const]),
    ...(isMonth(to) ? [] : [{ path: 'to', word: 'month' } as const]),
  ]
  if (invalid.length) throw new ApiError(400, 'invalid_request', invalid)
  if (from > to)
    throw new ApiError(400, 'invalid_request', [{ path: 'to', word: 'notBeforeStart' } satisfies RuleIssue])
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))
  if (index(to) - index(from) + 1 > maxMonths) {
    throw new ApiError(400, 'invalid_request', [
      { path: 'from', word: 'maxMonths', limit: maxMonths } satisfies RuleIssue,
    ])
  }
  const months = monthsOf({ from: `${from}-01`, to: `${to}-01` })
  return { from, to, months, firstDay: `${from}-01`, lastDay: lastDayOf(to) }
}

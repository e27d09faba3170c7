import { businessDay } from '@mpp/core/business-day'
import type { Tenant } from '@mpp/core/tenant'
import { z } from 'zod'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** A real calendar date: 2026-02-30 is not one. */
const isDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return (
    isoDate.safeParse(value).success && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  )
}

// Never the rejected input itself: it may be anything, and the field's name says which one it was.
const notADate = (path: string, value: string): RuleIssue => ({
  path,
  word: isoDate.safeParse(value).success ? 'realDate' : 'date',
})

/** The longest period a report covers in one read: a year of one tenant's daily roll-ups. */
export const maxPeriodDays = 366

export interface Period {
  from: string
  to: string
}

/** The months a period touches, `2026-01` .. `2026-11`. */
export const monthsOf = ({ from, to }: Period): string[] => {
  const months: string[] = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m)
    const [y, mo] = m.split('-').map(Number) as [number, number]
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`
  }
  return months
}

/**
 * The period asked for (`?from=2026-01-01&to=2026-06-30`), by default the year so far in the tenant's (or
 * Jakarta's) time zone. A malformed date, a reversed or an over-long period is a 400.
 */
export const periodOf = (
  query: { from?: string; to?: string },
  now: Date,
  timeZone: Tenant['timeZone'] = 'Asia/Jakarta',
): Period => {
  const today = businessDay(now, timeZone)
  const from = query.from || `${today.slice(0, 4)}-01-01`
  const to = query.to || today
  const invalid = [
    ...(isDate(from) ? [] : [notADate('from', from)]),
    ...(isDate(to) ? [] : [notADate('to', to)]),
  ]
  if (invalid.length) throw new ApiError(400, 'invalid_request', invalid)
  if (from > to)
    throw new ApiError(400, 'invalid_request', [{ path: 'to', word: 'notBeforeStart' } satisfies RuleIssue])
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > maxPeriodDays) {
    throw new ApiError(400, 'invalid_request', [
      { path: 'from', word: 'maxDays', limit: maxPeriodDays } satisfies RuleIssue,
    ])
  }
  return { from, to }
}

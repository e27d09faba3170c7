import { describe, expect, it } from 'vitest'
import {
  elapsedDays,
  formatDay,
  formatDayShort,
  formatMonth,
  formatMonthPeriod,
  formatMonthShort,
  formatPeriod,
} from '../../web/components/local-time'

// Intl puts thin or no-break spaces around range dashes; people read them as spaces.
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ')

describe('dates, months and periods in words', () => {
  it('names months in Indonesian and English', () => {
    expect(formatMonth('2026-10', 'id')).toBe('Oktober 2026')
    expect(formatMonth('2026-10', 'en')).toBe('October 2026')
    expect(formatMonthShort('2026-08', 'id')).toBe('Agu 2026')
    expect(formatDay('2026-01-01', 'id')).toBe('1 Januari 2026')
    expect(formatDayShort('2026-10-05', 'id')).toBe('5 Okt')
  })

  it('writes a period once, sharing the year and month of its ends', () => {
    expect(plain(formatPeriod('2026-01-01', '2026-12-01', 'id'))).toBe('1 Januari – 1 Desember 2026')
    expect(plain(formatPeriod('2026-01-01', '2026-12-01', 'en'))).toBe('1 January – 1 December 2026')
    expect(plain(formatPeriod('2026-10-05', '2026-10-09', 'id'))).toBe('5–9 Oktober 2026')
    expect(plain(formatPeriod('2025-12-30', '2026-01-02', 'id'))).toBe('30 Desember 2025 – 2 Januari 2026')
    expect(formatPeriod('2026-03-17', '2026-03-17', 'id')).toBe('17 Maret 2026')
  })

  it('writes a period of months', () => {
    expect(plain(formatMonthPeriod('2026-01', '2026-12', 'id'))).toMatch(/^Januari ?– ?Desember 2026$/)
    expect(plain(formatMonthPeriod('2025-11', '2026-02', 'en'))).toBe('November 2025 – February 2026')
    expect(formatMonthPeriod('2026-10', '2026-10', 'id')).toBe('Oktober 2026')
  })

  it('keeps a calendar date on its day whatever the zone of the machine', () => {
    // Dates have no time of day: the last day of a year stays the 31st, never the 30th or the 1st.
    expect(formatDay('2026-12-31', 'id')).toBe('31 Desember 2026')
  })

  it('counts whole days waited', () => {
    expect(elapsedDays('2026-11-01T10:00:00Z', '2026-11-01T23:00:00Z')).toBe(0)
    expect(elapsedDays('2026-11-01T10:00:00Z', '2026-11-04T10:00:00Z')).toBe(3)
    expect(elapsedDays('2026-11-04T10:00:00Z', '2026-11-01T10:00:00Z')).toBe(0)
  })
})

import { groupWeekdays, isAllDay, weeklyHours } from '@mpp/core/opening-hours'
import { describe, expect, it } from 'vitest'

const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }

describe('weekly opening hours', () => {
  it('accepts a Friday prayer break as two intervals', () => {
    const week = {
      ...closed,
      fri: [
        { open: '08:00', close: '11:30' },
        { open: '13:00', close: '15:00' },
      ],
    }
    expect(weeklyHours.safeParse(week).success).toBe(true)
  })

  it('refuses overlapping, reversed or malformed intervals', () => {
    const overlap = {
      ...closed,
      mon: [
        { open: '08:00', close: '12:00' },
        { open: '11:00', close: '15:00' },
      ],
    }
    expect(weeklyHours.safeParse(overlap).success).toBe(false)
    expect(weeklyHours.safeParse({ ...closed, mon: [{ open: '15:00', close: '08:00' }] }).success).toBe(false)
    expect(weeklyHours.safeParse({ ...closed, mon: [{ open: '8:00', close: '15:00' }] }).success).toBe(false)
    expect(weeklyHours.safeParse({ ...closed, mon: [{ open: '08:00', close: '25:00' }] }).success).toBe(false)
  })

  it('knows a day open around the clock', () => {
    expect(isAllDay([{ open: '00:00', close: '24:00' }])).toBe(true)
    expect(isAllDay([{ open: '00:00', close: '23:59' }])).toBe(false)
    expect(isAllDay([])).toBe(false)
  })
})

describe('groupWeekdays', () => {
  it('merges consecutive days with the same hours', () => {
    const office = [{ open: '08:00', close: '15:00' }]
    const friday = [
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '15:00' },
    ]
    const week = { mon: office, tue: office, wed: office, thu: office, fri: friday, sat: [], sun: [] }
    expect(groupWeekdays(week)).toEqual([
      { from: 'mon', to: 'thu', intervals: office },
      { from: 'fri', to: 'fri', intervals: friday },
      { from: 'sat', to: 'sun', intervals: [] },
    ])
  })

  it('does not merge days that are apart', () => {
    const open = [{ open: '08:00', close: '12:00' }]
    const week = { mon: open, tue: [], wed: open, thu: [], fri: [], sat: [], sun: [] }
    expect(groupWeekdays(week).map((r) => `${r.from}-${r.to}`)).toEqual([
      'mon-mon',
      'tue-tue',
      'wed-wed',
      'thu-sun',
    ])
  })
})

describe('day hours as text', () => {
  it('reads what an admin writes, breaks included', async () => {
    const { parseDayHours, formatDayHours } = await import('@mpp/core/opening-hours')
    expect(parseDayHours('08:00-11:30, 13:00-15:00')).toEqual([
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '15:00' },
    ])
    expect(parseDayHours('8.00 – 15.00')).toEqual([{ open: '08:00', close: '15:00' }])
    expect(parseDayHours('')).toEqual([])
    expect(parseDayHours('pagi saja')).toBeUndefined()
    expect(formatDayHours([{ open: '08:00', close: '15:00' }])).toBe('08:00-15:00')
  })
})

import { bookableDates, checkInState, noShowBlock, slotTimes } from '@mpp/core/appointment-rules'
import type { WeeklyHours } from '@mpp/core/opening-hours'
import type { Schedule } from '@mpp/core/schedule'
import { describe, expect, it } from 'vitest'

const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
const hours: WeeklyHours = {
  ...closed,
  mon: [{ open: '08:00', close: '09:00' }],
  fri: [
    { open: '08:00', close: '08:50' },
    { open: '13:00', close: '13:30' },
  ],
  sun: [{ open: '00:00', close: '24:00' }],
}
const schedule: Schedule = { openingHours: hours, holidays: [], timeZone: 'Asia/Jakarta' }
// 2026-11-23 is a Monday.

describe('slotTimes', () => {
  it('fits slots wholly inside the open intervals', () => {
    expect(slotTimes('2026-11-23', schedule, 15)).toEqual(['08:00', '08:15', '08:30', '08:45'])
    expect(slotTimes('2026-11-27', schedule, 20)).toEqual(['08:00', '08:20', '13:00'])
  })

  it('gives none on a closed day or a holiday', () => {
    expect(slotTimes('2026-11-24', schedule, 15)).toEqual([])
    const holiday = { ...schedule, holidays: [{ date: '2026-11-23', name: 'Cuti bersama' }] }
    expect(slotTimes('2026-11-23', holiday, 15)).toEqual([])
  })

  it('fills a 24-hour day', () => {
    const slots = slotTimes('2026-11-29', schedule, 15)
    expect(slots).toHaveLength((24 * 60) / 15)
    expect(slots.at(0)).toBe('00:00')
    expect(slots.at(-1)).toBe('23:45')
  })
})

describe('checkInState', () => {
  const slotAt = new Date('2026-11-23T03:00:00Z')
  const settings = { checkInEarlyMinutes: 30, checkInLateMinutes: 10 }
  const at = (minutesFromSlot: number) => new Date(slotAt.getTime() + minutesFromSlot * 60_000)

  it('opens 30 minutes before the slot and closes 10 minutes after, both ends included', () => {
    expect(checkInState(at(-31), slotAt, settings)).toBe('too_early')
    expect(checkInState(at(-30), slotAt, settings)).toBe('open')
    expect(checkInState(at(0), slotAt, settings)).toBe('open')
    expect(checkInState(at(10), slotAt, settings)).toBe('open')
    expect(checkInState(new Date(at(10).getTime() + 1), slotAt, settings)).toBe('too_late')
  })
})

describe('noShowBlock', () => {
  const now = new Date('2026-11-23T03:00:00Z')
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)
  const settings = { maxNoShows: 3, noShowWindowDays: 30, blockDays: 30 }

  it('blocks after 3 no-shows within 30 days, until the newest plus 30 days', () => {
    expect(noShowBlock([daysAgo(20), daysAgo(2), daysAgo(10)], now, settings)).toEqual({
      blocked: true,
      until: new Date(daysAgo(2).getTime() + 30 * 86_400_000),
    })
  })

  it('does not count no-shows older than the window', () => {
    expect(noShowBlock([daysAgo(31), daysAgo(2), daysAgo(10)], now, settings)).toEqual({ blocked: false })
    expect(noShowBlock([daysAgo(2), daysAgo(10)], now, settings)).toEqual({ blocked: false })
    expect(noShowBlock([], now, settings)).toEqual({ blocked: false })
  })

  it('lifts a block that has run out', () => {
    const short = { ...settings, blockDays: 5 }
    expect(noShowBlock([daysAgo(20), daysAgo(10), daysAgo(6)], now, short)).toEqual({ blocked: false })
    expect(noShowBlock([daysAgo(20), daysAgo(10), daysAgo(4)], now, short)).toMatchObject({ blocked: true })
  })
})

describe('bookableDates', () => {
  it('runs from today through daysAhead days later', () => {
    expect(bookableDates('2026-12-30', 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    expect(bookableDates('2026-11-23', 14)).toHaveLength(15)
  })
})

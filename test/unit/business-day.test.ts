import {
  addDays,
  businessDay,
  clockMinutes,
  localClock,
  timeZones,
  weekdayOf,
  zonedInstant,
} from '@mpp/core/business-day'
import { describe, expect, it } from 'vitest'

describe('businessDay', () => {
  it('puts 23:30 and 00:10 WITA on different business days', () => {
    const lateEvening = new Date('2026-11-23T15:30:00Z') // 23:30 WITA
    const pastMidnight = new Date('2026-11-23T16:10:00Z') // 00:10 WITA, the next day
    expect(businessDay(lateEvening, 'Asia/Makassar')).toBe('2026-11-23')
    expect(businessDay(pastMidnight, 'Asia/Makassar')).toBe('2026-11-24')
  })

  it('gives the same instant different dates in Jakarta and Jayapura around midnight', () => {
    const instant = new Date('2026-03-02T15:30:00Z') // 22:30 WIB, 00:30 WIT
    expect(businessDay(instant, 'Asia/Jakarta')).toBe('2026-03-02')
    expect(businessDay(instant, 'Asia/Jayapura')).toBe('2026-03-03')
  })

  it('is not the UTC date for a WIB afternoon ticket past 17:00', () => {
    const instant = new Date('2026-03-02T17:05:00Z') // 00:05 WIB on the 3rd
    expect(instant.toISOString().slice(0, 10)).toBe('2026-03-02')
    expect(businessDay(instant, 'Asia/Jakarta')).toBe('2026-03-03')
  })

  it('treats Pontianak like Jakarta', () => {
    const instant = new Date('2026-03-02T16:59:00Z')
    expect(businessDay(instant, 'Asia/Pontianak')).toBe(businessDay(instant, 'Asia/Jakarta'))
  })
})

describe('localClock', () => {
  it('reads the wall clock and weekday of each zone', () => {
    const instant = new Date('2026-11-23T01:05:00Z') // a Monday
    expect(localClock(instant, 'Asia/Jakarta')).toEqual({
      date: '2026-11-23',
      weekday: 'mon',
      time: '08:05',
      minutes: 8 * 60 + 5,
    })
    expect(localClock(instant, 'Asia/Makassar').time).toBe('09:05')
    expect(localClock(instant, 'Asia/Jayapura').time).toBe('10:05')
  })

  it('shows midnight as 00:00, not 24:00', () => {
    expect(localClock(new Date('2026-11-23T17:00:00Z'), 'Asia/Jakarta')).toEqual({
      date: '2026-11-24',
      weekday: 'tue',
      time: '00:00',
      minutes: 0,
    })
  })
})

describe('zonedInstant', () => {
  it('gives the UTC instant of a local wall time', () => {
    expect(zonedInstant('2026-11-23', '08:00', 'Asia/Jakarta').toISOString()).toBe('2026-11-23T01:00:00.000Z')
    expect(zonedInstant('2026-11-23', '08:00', 'Asia/Makassar').toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    )
    expect(zonedInstant('2026-11-23', '08:00', 'Asia/Jayapura').toISOString()).toBe(
      '2026-11-22T23:00:00.000Z',
    )
  })

  it('reads 24:00 as the next midnight', () => {
    expect(zonedInstant('2026-11-23', '24:00', 'Asia/Makassar')).toEqual(
      zonedInstant('2026-11-24', '00:00', 'Asia/Makassar'),
    )
  })

  it('round-trips with localClock in every zone', () => {
    for (const zone of timeZones) {
      for (const [date, time] of [
        ['2026-11-23', '00:00'],
        ['2026-11-23', '07:59'],
        ['2026-12-31', '23:59'],
        ['2028-02-29', '12:30'],
      ] as const) {
        const clock = localClock(zonedInstant(date, time, zone), zone)
        expect([clock.date, clock.time]).toEqual([date, time])
      }
    }
  })

  it('refuses malformed dates and times', () => {
    expect(() => zonedInstant('2026-02-30', '08:00', 'Asia/Jakarta')).toThrow(RangeError)
    expect(() => zonedInstant('2026-11-23', '8:00', 'Asia/Jakarta')).toThrow(RangeError)
    expect(() => zonedInstant('2026-11-23', '24:01', 'Asia/Jakarta')).toThrow(RangeError)
  })
})

describe('calendar helpers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-23', 1)).toBe('2026-11-24')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23')
  })

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe('mon')
    expect(weekdayOf('2026-11-27')).toBe('fri')
    expect(weekdayOf('2026-11-29')).toBe('sun')
  })

  it('counts minutes of a wall time', () => {
    expect(clockMinutes('00:00')).toBe(0)
    expect(clockMinutes('11:30')).toBe(690)
    expect(clockMinutes('24:00')).toBe(1440)
  })
})

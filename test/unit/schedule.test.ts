import { zonedInstant } from '@mpp/core/business-day'
import type { WeeklyHours } from '@mpp/core/opening-hours'
import { closingInstant, openState, type Schedule } from '@mpp/core/schedule'
import { describe, expect, it } from 'vitest'

const workday = [{ open: '08:00', close: '15:00' }]
const pekanbaruHours: WeeklyHours = {
  mon: workday,
  tue: workday,
  wed: workday,
  thu: workday,
  fri: [
    { open: '08:00', close: '11:30' },
    { open: '13:00', close: '15:00' },
  ],
  sat: [],
  sun: [],
}
const pekanbaru: Schedule = { openingHours: pekanbaruHours, holidays: [], timeZone: 'Asia/Jakarta' }
// 2026-11-23 is a Monday, 2026-11-27 a Friday.
const wib = (date: string, time: string) => zonedInstant(date, time, 'Asia/Jakarta')

describe('openState', () => {
  it('is on the Friday prayer break at 12:00, opening again at 13:00', () => {
    expect(openState(wib('2026-11-27', '12:00'), pekanbaru)).toEqual({
      open: false,
      reason: 'break',
      opensAt: wib('2026-11-27', '13:00'),
    })
  })

  it('is open on Friday at 10:00 until 11:30', () => {
    expect(openState(wib('2026-11-27', '10:00'), pekanbaru)).toEqual({
      open: true,
      closesAt: wib('2026-11-27', '11:30'),
    })
  })

  it('is closed on Saturday and opens on Monday at 08:00', () => {
    expect(openState(wib('2026-11-28', '10:00'), pekanbaru)).toEqual({
      open: false,
      reason: 'closed_today',
      opensAt: wib('2026-11-30', '08:00'),
    })
  })

  it('names the holiday and opens the next working day', () => {
    const schedule = { ...pekanbaru, holidays: [{ date: '2026-11-23', name: 'Cuti bersama' }] }
    expect(openState(wib('2026-11-23', '10:00'), schedule)).toEqual({
      open: false,
      reason: 'holiday',
      holidayName: 'Cuti bersama',
      opensAt: wib('2026-11-24', '08:00'),
    })
  })

  it('is before opening on Monday at 07:00', () => {
    expect(openState(wib('2026-11-23', '07:00'), pekanbaru)).toEqual({
      open: false,
      reason: 'before_opening',
      opensAt: wib('2026-11-23', '08:00'),
    })
  })

  it('is after closing on Monday at exactly 15:00, and open a second before', () => {
    expect(openState(wib('2026-11-23', '15:00'), pekanbaru)).toEqual({
      open: false,
      reason: 'after_closing',
      opensAt: wib('2026-11-24', '08:00'),
    })
    const justBefore = new Date(wib('2026-11-23', '15:00').getTime() - 1000)
    expect(openState(justBefore, pekanbaru)).toEqual({ open: true, closesAt: wib('2026-11-23', '15:00') })
  })

  it('reads the clock in the tenant zone, not UTC', () => {
    // 2026-11-23T00:30Z is 07:30 WIB but 08:30 WITA.
    const instant = new Date('2026-11-23T00:30:00Z')
    expect(openState(instant, pekanbaru)).toMatchObject({ open: false, reason: 'before_opening' })
    expect(openState(instant, { ...pekanbaru, timeZone: 'Asia/Makassar' })).toMatchObject({ open: true })
  })

  it('is simply open around the clock for a 24-hour tenant in Asia/Makassar', () => {
    const allDay = [{ open: '00:00', close: '24:00' }]
    const schedule: Schedule = {
      openingHours: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
      holidays: [],
      timeZone: 'Asia/Makassar',
    }
    for (const time of ['00:00', '03:17', '23:59']) {
      expect(openState(zonedInstant('2026-11-24', time, 'Asia/Makassar'), schedule)).toEqual({
        open: true,
        closesAt: zonedInstant('2026-11-25', '00:00', 'Asia/Makassar'),
      })
    }
  })

  it('gives no opening time when nothing opens within 14 days', () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
    expect(openState(wib('2026-11-23', '10:00'), { ...pekanbaru, openingHours: closed })).toEqual({
      open: false,
      reason: 'closed_today',
    })
  })
})

describe('closingInstant', () => {
  it('is the close of the last interval of the day', () => {
    expect(closingInstant('2026-11-27', pekanbaru)).toEqual(wib('2026-11-27', '15:00'))
    expect(closingInstant('2026-11-23', pekanbaru)).toEqual(wib('2026-11-23', '15:00'))
  })

  it('is undefined on a closed day or a holiday', () => {
    expect(closingInstant('2026-11-28', pekanbaru)).toBeUndefined()
    const schedule = { ...pekanbaru, holidays: [{ date: '2026-11-23', name: 'Cuti bersama' }] }
    expect(closingInstant('2026-11-23', schedule)).toBeUndefined()
  })
})

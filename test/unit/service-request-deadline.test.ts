import { type DeadlineClockEvent, serviceRequestDeadline } from '@mpp/core/service-request-deadline'
import { describe, expect, it } from 'vitest'

const none = new Set<string>()
/** A local wall time in Jakarta (UTC+7) as an instant. */
const wib = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`)
const run = (date: string, time?: string): DeadlineClockEvent => ({ at: wib(date, time), clock: 'run' })
const pause = (date: string, time?: string): DeadlineClockEvent => ({ at: wib(date, time), clock: 'pause' })
const stop = (date: string, time?: string): DeadlineClockEvent => ({ at: wib(date, time), clock: 'stop' })

/** Five working days, complete on Monday 23 November 2026 at 10:00 WIB. */
const deadline = (events: DeadlineClockEvent[], now: Date, holidays: ReadonlySet<string> = none) =>
  serviceRequestDeadline({ workingDays: 5, events, now, timeZone: 'Asia/Jakarta', holidays })

describe("the service standard's clock of an application", () => {
  it('has not started before the file is complete', () => {
    expect(deadline([], wib('2026-11-23'))).toEqual({ used: 0, state: 'not_started', overdue: false })
  })

  it('does not count the day it starts, nor the weekend: five working days from a Monday end the next Monday', () => {
    const events = [run('2026-11-23')]
    expect(deadline(events, wib('2026-11-23', '16:00'))).toEqual({
      used: 0,
      dueOn: '2026-11-30',
      state: 'running',
      overdue: false,
    })
    expect(deadline(events, wib('2026-11-29'))).toMatchObject({
      used: 4,
      dueOn: '2026-11-30',
      overdue: false,
    })
    expect(deadline(events, wib('2026-11-30'))).toMatchObject({
      used: 5,
      dueOn: '2026-11-30',
      overdue: false,
    })
    expect(deadline(events, wib('2026-12-01', '08:00'))).toMatchObject({
      used: 6,
      dueOn: '2026-11-30',
      state: 'running',
      overdue: true,
    })
  })

  it("skips the tenant's holidays", () => {
    const events = [run('2026-11-23')]
    const holidays = new Set(['2026-11-25'])
    expect(deadline(events, wib('2026-11-30'), holidays)).toMatchObject({ used: 4, dueOn: '2026-12-01' })
  })

  it('pauses while the file waits for the citizen, and takes it up when they hand it back', () => {
    // Sent back on Tuesday, handed back on Thursday morning: Tuesday and Wednesday ended with the citizen.
    const events = [run('2026-11-23'), pause('2026-11-24', '11:00'), run('2026-11-26', '09:00')]
    expect(deadline(events, wib('2026-11-25', '12:00'))).toEqual({ used: 0, state: 'paused', overdue: false })
    expect(deadline(events, wib('2026-11-30'))).toMatchObject({
      used: 3,
      dueOn: '2026-12-02',
      state: 'running',
      overdue: false,
    })
  })

  it('counts a day the file went back and came back within: it ended with the MPP', () => {
    const events = [run('2026-11-23'), pause('2026-11-24', '09:00'), run('2026-11-24', '15:00')]
    expect(deadline(events, wib('2026-11-30'))).toMatchObject({ used: 5, dueOn: '2026-11-30' })
  })

  it('stops at the result, counting the day of the result: on time on the fifth day, late on the sixth', () => {
    const onTime = deadline([run('2026-11-23'), stop('2026-11-30', '15:00')], wib('2026-12-10'))
    expect(onTime).toEqual({ used: 5, dueOn: '2026-11-30', state: 'stopped', overdue: false })
    const late = deadline([run('2026-11-23'), stop('2026-12-01', '09:00')], wib('2026-12-10'))
    expect(late).toMatchObject({ used: 6, state: 'stopped', overdue: true })
  })

  it("counts days in the tenant's time zone: a file complete at 00:30 WIT on Tuesday starts on Tuesday", () => {
    // Still Monday in UTC (15:30): counted in UTC, Tuesday would be its first working day.
    const events: DeadlineClockEvent[] = [{ at: new Date('2026-11-23T15:30:00Z'), clock: 'run' }]
    const at = (iso: string) =>
      serviceRequestDeadline({
        workingDays: 1,
        events,
        now: new Date(iso),
        timeZone: 'Asia/Jayapura',
        holidays: none,
      })
    expect(at('2026-11-24T03:00:00Z')).toMatchObject({ used: 0, dueOn: '2026-11-25' })
    expect(at('2026-11-25T03:00:00Z')).toMatchObject({ used: 1, dueOn: '2026-11-25', overdue: false })
  })

  it('is due the day it starts when the standard says the same day', () => {
    const sameDay = serviceRequestDeadline({
      workingDays: 0,
      events: [run('2026-11-23')],
      now: wib('2026-11-24'),
      timeZone: 'Asia/Jakarta',
      holidays: none,
    })
    expect(sameDay).toMatchObject({ used: 1, dueOn: '2026-11-23', overdue: true })
  })
})

import { addDays, businessDay, type IsoDate, type TimeZone, zonedInstant } from './business-day'
import { addWorkingDays, isWorkingDay } from './working-days'

/**
 * What an application's step does to the service standard's clock (issue 14): it starts when the file is
 * complete, pauses while the file waits for the citizen (a document to fix), runs again when they hand it back,
 * and stops at the result (ready to collect, or rejected).
 */
export type DeadlineClockEvent = { at: Date; clock: 'run' | 'pause' | 'stop' }

export interface DeadlineInput {
  /** The service standard's completion time, in working days. */
  workingDays: number
  /** The steps that move the clock, in time order; the first `run` starts it. */
  events: readonly DeadlineClockEvent[]
  now: Date
  timeZone: TimeZone
  holidays: ReadonlySet<IsoDate>
}

export interface Deadline {
  /** Working days counted so far (the day the clock started does not count, as for complaints). */
  used: number
  /** The day the time runs out, counting on from today; unknown while paused or before the clock starts. */
  dueOn?: IsoDate
  state: 'not_started' | 'running' | 'paused' | 'stopped'
  /** More working days used than the standard allows, whether still open or finished late. */
  overdue: boolean
}

const stateAt = (events: readonly DeadlineClockEvent[], instant: number) => {
  let state: DeadlineClockEvent['clock'] | undefined
  for (const event of events) if (event.at.getTime() <= instant) state = event.clock
  return state
}

/**
 * The service standard's clock of one application. A working day counts when the file was with the MPP at its
 * end (at the moment of the result, on the day the clock stopped; at `now`, today): a day on which the file
 * went back to the citizen and stayed there does not count, nor do weekends and the tenant's holidays.
 */
export const serviceRequestDeadline = (input: DeadlineInput): Deadline => {
  const { events, timeZone, holidays, workingDays } = input
  const started = events.find((e) => e.clock === 'run')
  if (!started) return { used: 0, state: 'not_started', overdue: false }
  const stop = events.find((e) => e.clock === 'stop')
  const end = Math.min(input.now.getTime(), stop ? stop.at.getTime() - 1 : Number.POSITIVE_INFINITY)
  const state =
    stop && stop.at <= input.now ? 'stopped' : stateAt(events, end) === 'pause' ? 'paused' : 'running'
  const lastDay = businessDay(new Date(end), timeZone)

  let used = 0
  /** The day the last allowed working day was used, once it was. */
  const startDay = businessDay(started.at, timeZone)
  let reachedOn: IsoDate | undefined = workingDays === 0 ? startDay : undefined
  for (let day = addDays(startDay, 1); day <= lastDay; day = addDays(day, 1)) {
    if (!isWorkingDay(day, holidays)) continue
    const endOfDay = Math.min(zonedInstant(day, '24:00', timeZone).getTime() - 1, end)
    if (stateAt(events, endOfDay) !== 'run') continue
    used++
    if (used === workingDays) reachedOn = day
  }
  const dueOn =
    reachedOn ?? (state === 'running' ? addWorkingDays(lastDay, workingDays - used, holidays) : undefined)
  return { used, ...(dueOn && { dueOn }), state, overdue: used > workingDays }
}

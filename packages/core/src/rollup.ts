import { type SatisfactionTally, type SurveyAnswers, surveyElements } from './satisfaction'
import type { Deadline } from './service-request-deadline'

/** The waits ("served within N minutes") the statistics can report a share for. */
export const waitThresholdsMinutes = [5, 10, 15, 30, 60] as const
export type WaitThreshold = (typeof waitThresholdsMinutes)[number]
export const waitWithinMetric = (minutes: WaitThreshold) => `waitUpTo${minutes}` as const
export type WaitWithinMetric = ReturnType<typeof waitWithinMetric>

/** Counts for a call after `waitSeconds` in line: one in every "within N minutes" it meets. */
export const waitWithinCounts = (waitSeconds: number): Partial<Record<WaitWithinMetric, number>> =>
  Object.fromEntries(
    waitThresholdsMinutes.filter((m) => waitSeconds <= m * 60).map((m) => [waitWithinMetric(m), 1]),
  )

/**
 * The additive counters of a roll-up: a tenant's day, a tenant's month, the nation's day. Tickets come from
 * the day's close; survey responses, complaints and online applications are added as they happen.
 */
export const rollupCounters = [
  'daysClosed',
  'issued',
  'served',
  'noShow',
  'expired',
  'waitSecondsSum',
  'waitCount',
  'serviceSecondsSum',
  'serviceCount',
  ...waitThresholdsMinutes.map(waitWithinMetric),
  'svRespondents',
  ...surveyElements.map((e) => `sv${e}` as const),
  'cpFiled',
  'cpResponded',
  'cpRespondedOnTime',
  // Online applications: received at the first submission; done when the result is ready (the service
  // standard's clock stops), on time when no more working days were used than the standard allows, with the
  // working days used summed for the average; rejected with a reason.
  'srReceived',
  'srDone',
  'srDoneOnTime',
  'srDaysSum',
  'srRejected',
] as const
export type RollupCounter = (typeof rollupCounters)[number]
export type Rollup = Record<RollupCounter, number>

export const zeroRollup = (): Rollup => Object.fromEntries(rollupCounters.map((c) => [c, 0])) as Rollup

export const addRollups = (...all: Partial<Rollup>[]): Rollup => {
  const total = zeroRollup()
  for (const r of all) for (const c of rollupCounters) total[c] += r[c] ?? 0
  return total
}

/** The counters one survey response adds. */
export const surveyCounters = (answers: SurveyAnswers): Partial<Rollup> => ({
  svRespondents: 1,
  ...Object.fromEntries(surveyElements.map((e) => [`sv${e}`, answers[e]])),
})

export const surveyTallyOf = (r: Rollup): SatisfactionTally => ({
  respondents: r.svRespondents,
  sums: Object.fromEntries(surveyElements.map((e) => [e, r[`sv${e}`]])) as SatisfactionTally['sums'],
})

/** The counters an application's result adds, by its deadline at that moment (the clock stopped). */
export const serviceRequestDoneCounters = (
  deadline: Pick<Deadline, 'used' | 'overdue'>,
): Partial<Rollup> => ({
  srDone: 1,
  srDoneOnTime: deadline.overdue ? 0 : 1,
  srDaysSum: deadline.used,
})

/** Average in minutes of a sum of seconds over a count, or undefined without any. */
export const averageMinutes = (secondsSum: number, count: number): number | undefined =>
  count > 0 ? secondsSum / count / 60 : undefined

/** Average of a sum over a count (working days per application), or undefined without any. */
export const averageOf = (sum: number, count: number): number | undefined =>
  count > 0 ? sum / count : undefined

/** A share as a fraction 0-1, or undefined without a base. */
export const shareOf = (part: number, whole: number): number | undefined =>
  whole > 0 ? part / whole : undefined

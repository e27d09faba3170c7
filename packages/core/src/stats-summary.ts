import {
  averageMinutes,
  averageOf,
  type Rollup,
  shareOf,
  surveyTallyOf,
  type WaitThreshold,
  waitWithinMetric,
} from './rollup'
import { type Grade, satisfactionIndex } from './satisfaction'

/** What the ministry reads of a roll-up: counts, averages, shares and the index. */
export interface StatsSummary {
  daysClosed: number
  issued: number
  served: number
  noShow: number
  expired: number
  averageWaitMinutes?: number
  averageServiceMinutes?: number
  /** Share (0-1) of called tickets called within `waitMinutes` of arrival. */
  servedWithinShare?: number
  respondents: number
  ikm?: number
  grade?: Grade
  complaints: number
  complaintsResponded: number
  /** Share (0-1) of responses given by the deadline. */
  complaintsOnTimeShare?: number
  /** Online applications received (first submissions). */
  serviceRequests: number
  /** Online applications whose result was ready. */
  serviceRequestsDone: number
  /** Of those, the ones ready within the service standard's working days, and their share (0-1). */
  serviceRequestsOnTime: number
  serviceRequestsOnTimeShare?: number
  /** Average working days the ready ones took (the standard's clock: paused while with the citizen). */
  serviceRequestsAverageDays?: number
  /** Online applications rejected. */
  serviceRequestsRejected: number
}

/** An optional figure: the key only when there is a value. */
const optional = <K extends string>(key: K, value: number | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, number>>

/** The online applications' figures of a roll-up (the ministry's summary and the tenant's report). */
export const serviceRequestFigures = (r: Rollup) => ({
  serviceRequests: r.srReceived,
  serviceRequestsDone: r.srDone,
  serviceRequestsOnTime: r.srDoneOnTime,
  ...optional('serviceRequestsOnTimeShare', shareOf(r.srDoneOnTime, r.srDone)),
  ...optional('serviceRequestsAverageDays', averageOf(r.srDaysSum, r.srDone)),
  serviceRequestsRejected: r.srRejected,
})
export type ServiceRequestFigures = ReturnType<typeof serviceRequestFigures>

export const summarise = (r: Rollup, waitMinutes: WaitThreshold): StatsSummary => {
  const index = satisfactionIndex(surveyTallyOf(r))
  return {
    daysClosed: r.daysClosed,
    issued: r.issued,
    served: r.served,
    noShow: r.noShow,
    expired: r.expired,
    ...optional('averageWaitMinutes', averageMinutes(r.waitSecondsSum, r.waitCount)),
    ...optional('averageServiceMinutes', averageMinutes(r.serviceSecondsSum, r.serviceCount)),
    ...optional('servedWithinShare', shareOf(r[waitWithinMetric(waitMinutes)], r.waitCount)),
    respondents: r.svRespondents,
    ...(index ? { ikm: index.ikm, grade: index.grade } : {}),
    complaints: r.cpFiled,
    complaintsResponded: r.cpResponded,
    ...optional('complaintsOnTimeShare', shareOf(r.cpRespondedOnTime, r.cpResponded)),
    ...serviceRequestFigures(r),
  }
}

/** What the ministry can rank MPPs by. */
export const rankings = ['ikm', 'servedWithin', 'served', 'complaintsOnTime'] as const
export type Ranking = (typeof rankings)[number]

import {
  averageMinutes,
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
}

export const summarise = (r: Rollup, waitMinutes: WaitThreshold): StatsSummary => {
  const index = satisfactionIndex(surveyTallyOf(r))
  const optional = <K extends string>(key: K, value: number | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, number>>
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
  }
}

/** What the ministry can rank MPPs by. */
export const rankings = ['ikm', 'servedWithin', 'served', 'complaintsOnTime'] as const
export type Ranking = (typeof rankings)[number]

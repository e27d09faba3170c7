import { addRollups, type Rollup, surveyTallyOf } from '@mpp/core/rollup'
import {
  minimumSample,
  type SatisfactionIndex,
  satisfactionIndex,
  surveyElements,
  weakestElements,
} from '@mpp/core/satisfaction'
import type { Tenant } from '@mpp/core/tenant'
import { getCatalog } from '@mpp/db/catalog-repository'
import { daySummariesBetween } from '@mpp/db/day-summary-repository'
import { getQueueConfig } from '@mpp/db/queue-config-repository'
import { tenantDayRollups } from '@mpp/db/rollup-repository'
import { recentComments } from '@mpp/db/survey-repository'
import { formatMonth } from '@mpp/web/components/local-time'
import type { Lang } from '@mpp/web/i18n/messages'
import type { AppDeps } from '../app-env'
import { toCsv } from '../csv'
import { serviceRequestReport } from '../service-requests/service-request-statistics'
import { monthsOf, type Period } from '../statistics/period'

/** One scope's result: its index (none without respondents), citizens served, and the sample it needs. */
export interface ScopeSatisfaction {
  index?: SatisfactionIndex
  respondents: number
  served: number
  minimumSample: number
  /** Whether the responses reach the Krejcie-Morgan minimum for the citizens served. */
  sampleReached: boolean
}

const scopeOf = (survey: Rollup, served: number): ScopeSatisfaction => {
  const index = satisfactionIndex(surveyTallyOf(survey))
  const needed = minimumSample(served)
  return {
    ...(index ? { index } : {}),
    respondents: survey.svRespondents,
    served,
    minimumSample: needed,
    sampleReached: survey.svRespondents > 0 && survey.svRespondents >= needed,
  }
}

/**
 * A tenant's satisfaction over a period, from its daily roll-ups and closed days (one partition, at most a
 * year): the whole MPP, by month, by agency, service and queue, the respondents' profile and recent comments;
 * and, from the same roll-ups, its online applications by agency and service.
 */
export const satisfactionReport = async (
  deps: AppDeps,
  tenant: Tenant,
  period: Period,
  /** The JSON index has no use for the comments, which cost a read of the responses. */
  { comments: withComments = true } = {},
) => {
  const { db } = deps
  const [days, closed, catalog, config, comments] = await Promise.all([
    tenantDayRollups(db, tenant.id, period.from, period.to),
    daySummariesBetween(db, tenant.id, period.from, period.to),
    getCatalog(db, tenant.id),
    getQueueConfig(db, tenant.id),
    withComments ? recentComments(db, tenant.id, period.from, period.to, 30) : [],
  ])
  const servedBy = (pick: (s: (typeof closed)[number]) => number) =>
    closed.reduce((sum, s) => sum + pick(s), 0)
  const surveyOf = (pick: (d: (typeof days)[number]) => Rollup | undefined) =>
    addRollups(...days.map(pick).filter((r): r is Rollup => r !== undefined))

  const overall = scopeOf(
    surveyOf((d) => d.totals),
    servedBy((s) => s.totals.served),
  )
  const months = monthsOf(period).map((month) => ({
    month,
    ...scopeOf(
      surveyOf((d) => (d.day.startsWith(month) ? d.totals : undefined)),
      servedBy((s) => (s.day.startsWith(month) ? s.totals.served : 0)),
    ),
  }))
  const services = catalog.services.map((s) => ({
    id: s.id,
    name: s.name,
    agencyId: s.agencyId,
    ...scopeOf(
      surveyOf((d) => d.services[s.id]),
      servedBy((x) => x.services[s.id]?.served ?? 0),
    ),
  }))
  const agencies = catalog.agencies.map((a) => {
    const own = catalog.services.filter((s) => s.agencyId === a.id).map((s) => s.id)
    return {
      id: a.id,
      name: a.name,
      ...scopeOf(
        surveyOf((d) => addRollups(...own.map((id) => d.services[id] ?? {}))),
        servedBy((x) => own.reduce((sum, id) => sum + (x.services[id]?.served ?? 0), 0)),
      ),
    }
  })
  const queues = config.queues.map((q) => ({
    id: q.id,
    name: q.name,
    ...scopeOf(
      surveyOf((d) => d.queues[q.id]),
      servedBy((x) => x.queues[q.id]?.served ?? 0),
    ),
  }))
  const profile: Record<string, Record<string, number>> = {}
  for (const d of days)
    for (const [field, counts] of Object.entries(d.profile))
      for (const [value, n] of Object.entries(counts)) {
        profile[field] ??= {}
        ;(profile[field] as Record<string, number>)[value] =
          ((profile[field] as Record<string, number>)[value] ?? 0) + n
      }
  const names = new Map(catalog.services.map((s) => [s.id, s.name]))
  return {
    period,
    overall,
    weakest: overall.index ? weakestElements(overall.index).slice(0, 3) : [],
    months,
    agencies,
    services,
    queues,
    profile,
    applications: serviceRequestReport(days, catalog),
    comments: comments.map((c) => ({
      at: c.at,
      service: names.get(c.serviceId) ?? c.serviceId,
      comment: c.comment ?? '',
    })),
  }
}
export type SatisfactionReport = Awaited<ReturnType<typeof satisfactionReport>>

/**
 * The report as CSV: one row per scope (the MPP, each month, agency, service and queue), dot decimals. Ids and
 * dates stay ISO for spreadsheets; a month's name is in words, as people read it ("Oktober 2026").
 */
export const satisfactionCsv = (report: SatisfactionReport, tenantName: string, lang: Lang) => {
  const fixed = (n: number | undefined) => (n === undefined ? '' : n.toFixed(2))
  const row = (level: string, id: string, name: string, s: ScopeSatisfaction) => [
    level,
    id,
    name,
    report.period.from,
    report.period.to,
    String(s.respondents),
    String(s.served),
    String(s.minimumSample),
    s.sampleReached ? 'yes' : 'no',
    ...surveyElements.map((e) => fixed(s.index?.nrr[e])),
    fixed(s.index?.ikm),
    s.index?.grade ?? '',
  ]
  return toCsv([
    [
      'level',
      'id',
      'name',
      'from',
      'to',
      'respondents',
      'served',
      'minimum_sample',
      'sample_reached',
      ...surveyElements,
      'ikm',
      'grade',
    ],
    row('mpp', '', tenantName, report.overall),
    ...report.months.map((m) => row('month', m.month, formatMonth(m.month, lang), m)),
    ...report.agencies.map((a) => row('agency', a.id, a.name, a)),
    ...report.services.map((s) => row('service', s.id, s.name, s)),
    ...report.queues.map((q) => row('queue', q.id, q.name, q)),
  ])
}

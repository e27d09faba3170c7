import { type SatisfactionIndex, type SurveyElement, surveyElements } from '@mpp/core/satisfaction'
import type { ServiceRequestFigures } from '@mpp/core/stats-summary'
import { AdminNav } from '../components/admin-nav'
import { Columns, HorizontalBars } from '../components/charts'
import { FactList } from '../components/fact-list'
import { Layout } from '../components/layout'
import { formatMonth, formatMonthShort, formatPeriod } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { decimals, serviceRequestFacts, statsFormat } from '../components/stats-format'
import type { Messages } from '../i18n/messages'

/** One scope's numbers, as the report service computes them. */
export interface ScopeRow {
  id?: string
  name?: string
  month?: string
  index?: SatisfactionIndex
  respondents: number
  served: number
  minimumSample: number
  sampleReached: boolean
}

export interface SatisfactionReportData {
  period: { from: string; to: string }
  overall: ScopeRow
  weakest: SurveyElement[]
  months: ScopeRow[]
  agencies: ScopeRow[]
  services: ScopeRow[]
  queues: ScopeRow[]
  profile: Record<string, Record<string, number>>
  comments: { at: string; service: string; comment: string }[]
  /** Online applications over the same period: the MPP, and each agency and service that had any. */
  applications: {
    overall: ServiceRequestFigures
    agencies: ({ id: string; name: string } & ServiceRequestFigures)[]
    services: ({ id: string; name: string } & ServiceRequestFigures)[]
  }
}

export const gradeMarks = [
  { value: 65, label: 'C' },
  { value: 76.61, label: 'B' },
  { value: 88.31, label: 'A' },
]

const elementName = (m: Messages, code: string) => (m.survey.elements[code] as { name: string }).name

/** The nine elements' NRR and weighted NRR (x 1/9), as a table. */
export const ElementsTable = ({ ctx, index }: { ctx: PageContext; index?: SatisfactionIndex }) => {
  const t = ctx.m.satisfaction
  const d2 = decimals(ctx.lang)
  const d3 = decimals(ctx.lang, 3)
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby="elements-heading">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.element}</th>
            <th scope="col">{t.nrr}</th>
            <th scope="col">{t.weightedNrr}</th>
          </tr>
        </thead>
        <tbody>
          {surveyElements.map((e) => (
            <tr>
              <th scope="row">
                {e} {elementName(ctx.m, e)}
              </th>
              <td>{d2(index?.nrr[e])}</td>
              <td>{d3(index ? index.nrr[e] / 9 : undefined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Index, grade, respondents, served and sample per row of a scope (agency, service, queue, month). */
export const ScopeTable = ({
  ctx,
  id,
  caption,
  nameHeader,
  rows,
}: {
  ctx: PageContext
  id: string
  caption: string
  nameHeader: string
  rows: ScopeRow[]
}) => {
  const t = ctx.m.satisfaction
  const d2 = decimals(ctx.lang)
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby={id}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{t.ikm}</th>
            <th scope="col">{t.grade}</th>
            <th scope="col">{t.respondents}</th>
            <th scope="col">{t.served}</th>
            <th scope="col">{t.minimumSample}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name ?? (r.month && formatMonth(r.month, ctx.lang))}</th>
              <td>{d2(r.index?.ikm)}</td>
              <td>{r.index ? t.grades[r.index.grade] : t.noData}</td>
              <td>{r.respondents}</td>
              <td>{r.served}</td>
              <td>
                {r.minimumSample}
                {r.served > 0 && !r.sampleReached && ` (${t.sampleShort(r.minimumSample - r.respondents)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The respondents' profile: counts per answer of each field. */
export const ProfileTables = ({
  ctx,
  profile,
}: {
  ctx: PageContext
  profile: Record<string, Record<string, number>>
}) => {
  const s = ctx.m.survey
  const fields = [
    ['gender', s.gender, s.genders],
    ['ageBand', s.ageBand, s.ageBands],
    ['education', s.education, s.educationLevels],
    ['occupation', s.occupation, s.occupations],
  ] as const
  return (
    <div class="grid-2">
      {fields.map(([field, label, names]) => (
        <table>
          <caption>{label}</caption>
          <tbody>
            {Object.entries(names as Record<string, string>).map(([value, name]) => (
              <tr>
                <th scope="row">{name}</th>
                <td>{profile[field]?.[value] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  )
}

/** Online applications per agency or service: received, completed, on time, average working days, rejected. */
export const ApplicationsTable = ({
  ctx,
  id,
  caption,
  nameHeader,
  rows,
}: {
  ctx: PageContext
  id: string
  caption: string
  nameHeader: string
  rows: ({ name: string } & ServiceRequestFigures)[]
}) => {
  const a = ctx.m.serviceRequestStats
  const f = statsFormat(ctx.m, ctx.lang)
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby={id}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{a.received}</th>
            <th scope="col">{a.done}</th>
            <th scope="col">{a.onTime}</th>
            <th scope="col">{a.averageDays}</th>
            <th scope="col">{a.rejected}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td>{r.serviceRequests}</td>
              <td>{r.serviceRequestsDone}</td>
              <td>{f.countAndShare(r.serviceRequestsOnTime, r.serviceRequestsOnTimeShare)}</td>
              <td>{f.workingDays(r.serviceRequestsAverageDays)}</td>
              <td>{r.serviceRequestsRejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The report's online applications: the MPP's figures, then by agency and by service. */
const ApplicationsSection = ({
  ctx,
  applications,
}: {
  ctx: PageContext
  applications: SatisfactionReportData['applications']
}) => {
  const a = ctx.m.serviceRequestStats
  return (
    <section aria-labelledby="applications">
      <h2 id="applications">{a.title}</h2>
      <p>{a.lead}</p>
      <FactList facts={serviceRequestFacts(ctx.m, ctx.lang, applications.overall)} />
      {applications.agencies.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <>
          <ApplicationsTable
            ctx={ctx}
            id="applications-by-agency"
            caption={a.byAgency}
            nameHeader={a.agency}
            rows={applications.agencies}
          />
          <ApplicationsTable
            ctx={ctx}
            id="applications-by-service"
            caption={a.byService}
            nameHeader={a.service}
            rows={applications.services}
          />
        </>
      )}
    </section>
  )
}

interface Props {
  ctx: PageContext
  report: SatisfactionReportData
  /** The query string of this period, for the CSV and print links. */
  query: string
}

/** The tenant admin's satisfaction report: the index, its elements, its trend, and where it is weak. */
export const SatisfactionReportPage = ({ ctx, report, query }: Props) => {
  const { m, lang } = ctx
  const t = m.satisfaction
  const d2 = decimals(lang)
  const { overall } = report
  return (
    <Layout ctx={ctx} title={t.title} styles={['report.css']}>
      <AdminNav m={ctx.m} current="satisfaction" />
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <form method="get" action="/admin/kepuasan" class="form period-form">
        <div class="field">
          <label for="from">{t.from}</label>
          <input id="from" name="from" type="date" value={report.period.from} required />
        </div>
        <div class="field">
          <label for="to">{t.to}</label>
          <input id="to" name="to" type="date" value={report.period.to} required />
        </div>
        <button type="submit" class="button">
          {t.show}
        </button>
      </form>
      <p>
        {t.period(formatPeriod(report.period.from, report.period.to, lang))} ·{' '}
        <a href={`/admin/kepuasan.csv?${query}`}>{t.csv}</a> ·{' '}
        <a href={`/admin/kepuasan/cetak?${query}`}>{t.print}</a>
      </p>

      <dl class="facts report-facts">
        <div>
          <dt>{t.ikm}</dt>
          <dd class="report-big">{d2(overall.index?.ikm)}</dd>
        </div>
        <div>
          <dt>{t.grade}</dt>
          <dd class="report-big">{overall.index ? t.grades[overall.index.grade] : t.noData}</dd>
        </div>
        <div>
          <dt>{t.respondents}</dt>
          <dd>{overall.respondents}</dd>
        </div>
        <div>
          <dt>{t.served}</dt>
          <dd>{overall.served}</dd>
        </div>
        <div>
          <dt>{t.minimumSample}</dt>
          <dd>
            {overall.minimumSample}{' '}
            {overall.served > 0 &&
              (overall.sampleReached
                ? `(${t.sampleReached})`
                : `(${t.sampleShort(overall.minimumSample - overall.respondents)})`)}
          </dd>
        </div>
      </dl>

      {!overall.index && <p class="notice">{t.noResponses}</p>}

      <h2 id="elements-heading">{t.elementsChart}</h2>
      <HorizontalBars
        id="chart-elements"
        title={t.elementsChart}
        description={t.elementsChartDesc(
          surveyElements.map((e) => `${e} ${elementName(m, e)} ${d2(overall.index?.nrr[e])}`).join('; '),
        )}
        min={1}
        max={4}
        bars={surveyElements.map((e) => ({
          label: `${e} ${elementName(m, e)}`,
          value: overall.index?.nrr[e],
          valueText: d2(overall.index?.nrr[e]),
        }))}
      />
      <ElementsTable ctx={ctx} index={overall.index} />

      {report.weakest.length > 0 && (
        <section aria-labelledby="weakest">
          <h2 id="weakest">{t.weakest}</h2>
          <p>{t.weakestLead}</p>
          <ol>
            {report.weakest.map((e) => (
              <li>
                {e} {elementName(m, e)}: {d2(overall.index?.nrr[e])}
              </li>
            ))}
          </ol>
        </section>
      )}

      <h2 id="trend">{t.trend}</h2>
      <Columns
        id="chart-trend"
        title={t.trend}
        description={t.trendDesc(
          report.months.map((r) => `${formatMonth(r.month ?? '', lang)} ${d2(r.index?.ikm)}`).join('; '),
        )}
        min={25}
        max={100}
        marks={gradeMarks}
        columns={report.months.map((r) => ({
          label: formatMonthShort(r.month ?? '', lang),
          value: r.index?.ikm,
          valueText: r.index ? d2(r.index.ikm) : '-',
        }))}
      />
      <ScopeTable ctx={ctx} id="by-month" caption={t.trend} nameHeader={t.month} rows={report.months} />

      <h2>{t.byAgency}</h2>
      <ScopeTable
        ctx={ctx}
        id="by-agency"
        caption={t.byAgency}
        nameHeader={t.agency}
        rows={report.agencies}
      />
      <h2>{t.byService}</h2>
      <ScopeTable
        ctx={ctx}
        id="by-service"
        caption={t.byService}
        nameHeader={t.service}
        rows={report.services}
      />
      <h2>{t.byQueue}</h2>
      <ScopeTable ctx={ctx} id="by-queue" caption={t.byQueue} nameHeader={t.queue} rows={report.queues} />

      <ApplicationsSection ctx={ctx} applications={report.applications} />

      <h2>{t.profile}</h2>
      <ProfileTables ctx={ctx} profile={report.profile} />

      <h2>{t.comments}</h2>
      {report.comments.length === 0 ? (
        <p>{t.noComments}</p>
      ) : (
        <ul class="comment-list">
          {report.comments.map((c) => (
            <li>
              <p>{c.comment}</p>
              <p class="muted small">
                {c.service} · {c.at.slice(0, 10)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

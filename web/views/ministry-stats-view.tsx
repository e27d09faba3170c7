import { waitThresholdsMinutes } from '@mpp/core/rollup'
import { type Ranking, rankings, type StatsSummary } from '@mpp/core/stats-summary'
import { LineChart } from '../components/charts'
import { FactList } from '../components/fact-list'
import { Layout } from '../components/layout'
import { formatDayShort, formatMonthPeriod } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'
import { serviceRequestFacts, statsFormat } from '../components/stats-format'

export interface NationalStatsData {
  range: { from: string; to: string }
  waitMinutes: number
  rankBy: Ranking
  coverage: {
    regencies: number
    onPlatform: number
    serving: number
    stages: Record<string, number>
    provinces: { code: string; name: string; regencies: number; tenants: number }[]
  }
  national: StatsSummary
  days: ({ day: string } & StatsSummary)[]
  tenants: { id: string; name: string; provinceName: string; stage: string; summary: StatsSummary }[]
}

/** The figures of one summary as a definition list. */
export const SummaryFacts = ({
  ctx,
  s,
  waitMinutes,
}: {
  ctx: PageContext
  s: StatsSummary
  waitMinutes: number
}) => {
  const t = ctx.m.ministryStats
  const f = statsFormat(ctx.m, ctx.lang)
  const facts: [string, string][] = [
    [t.issued, String(s.issued)],
    [t.served, String(s.served)],
    [t.noShow, String(s.noShow)],
    [t.avgWait, f.minutes(s.averageWaitMinutes)],
    [t.avgService, f.minutes(s.averageServiceMinutes)],
    [t.within(waitMinutes), f.share(s.servedWithinShare)],
    [t.ikm, s.grade ? `${f.ikm(s.ikm)} (${s.grade})` : t.noData],
    [t.respondents, String(s.respondents)],
    [t.complaints, String(s.complaints)],
    [t.onTime, f.share(s.complaintsOnTimeShare)],
    ...serviceRequestFacts(ctx.m, ctx.lang, s),
  ]
  return <FactList facts={facts} />
}

/** The period and measure form, shared by the national and the tenant page. */
export const StatsForm = ({
  ctx,
  action,
  range,
  waitMinutes,
  rankBy,
}: {
  ctx: PageContext
  action: string
  range: { from: string; to: string }
  waitMinutes: number
  rankBy?: Ranking
}) => {
  const t = ctx.m.ministryStats
  return (
    <form method="get" action={action} class="form period-form">
      <div class="field">
        <label for="from">{t.from}</label>
        <input id="from" name="from" type="month" value={range.from} required />
      </div>
      <div class="field">
        <label for="to">{t.to}</label>
        <input id="to" name="to" type="month" value={range.to} required />
      </div>
      <div class="field">
        <label for="wait">{t.wait}</label>
        <select id="wait" name="wait">
          {waitThresholdsMinutes.map((n) => (
            <option value={String(n)} selected={n === waitMinutes}>
              {t.waitOption(n)}
            </option>
          ))}
        </select>
      </div>
      {rankBy && (
        <div class="field">
          <label for="rank">{t.rankBy}</label>
          <select id="rank" name="rank">
            {rankings.map((r) => (
              <option value={r} selected={r === rankBy}>
                {t.rankings[r]}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="button">
        {t.show}
      </button>
    </form>
  )
}

/** The measures' column headers, after the row's own ones. */
export const SummaryHeaders = ({ ctx, waitMinutes }: { ctx: PageContext; waitMinutes: number }) => {
  const t = ctx.m.ministryStats
  const a = ctx.m.serviceRequestStats
  return (
    <>
      <th scope="col">{t.served}</th>
      <th scope="col">{t.avgWait}</th>
      <th scope="col">{t.within(waitMinutes)}</th>
      <th scope="col">{t.ikm}</th>
      <th scope="col">{t.respondents}</th>
      <th scope="col">{t.complaints}</th>
      <th scope="col">{t.onTime}</th>
      <th scope="col">{a.receivedLong}</th>
      <th scope="col">{a.onTimeLong}</th>
      <th scope="col">{a.averageDaysLong}</th>
    </>
  )
}

/** One summary's measures as table cells, matching `SummaryHeaders`. */
export const SummaryCells = ({ ctx, s }: { ctx: PageContext; s: StatsSummary }) => {
  const t = ctx.m.ministryStats
  const f = statsFormat(ctx.m, ctx.lang)
  return (
    <>
      <td>{s.served}</td>
      <td>{f.minutes(s.averageWaitMinutes)}</td>
      <td>{f.share(s.servedWithinShare)}</td>
      <td>{s.grade ? `${f.ikm(s.ikm)} (${s.grade})` : t.noData}</td>
      <td>{s.respondents}</td>
      <td>{s.complaints}</td>
      <td>{f.share(s.complaintsOnTimeShare)}</td>
      <td>{s.serviceRequests}</td>
      <td>{f.share(s.serviceRequestsOnTimeShare)}</td>
      <td>{f.workingDays(s.serviceRequestsAverageDays)}</td>
    </>
  )
}

/** Citizens served per day, as a line. */
export const DailyChart = ({ ctx, days }: { ctx: PageContext; days: ({ day: string } & StatsSummary)[] }) => {
  const t = ctx.m.ministryStats
  const total = days.reduce((sum, d) => sum + d.served, 0)
  const peak = Math.max(0, ...days.map((d) => d.served))
  return (
    <LineChart
      id="chart-daily"
      title={t.daily}
      description={t.dailyDesc(days.length, total, peak)}
      points={days.map((d) => ({ label: formatDayShort(d.day, ctx.lang), value: d.served }))}
      format={(n) => String(Math.round(n))}
    />
  )
}

interface Props {
  ctx: PageContext
  stats: NationalStatsData
  query: string
}

/** The ministry's dashboard: coverage, the nation's figures and trend, and every MPP ranked. */
export const MinistryStatsPage = ({ ctx, stats, query }: Props) => {
  const { m } = ctx
  const t = m.ministryStats
  return (
    <Layout ctx={ctx} title={t.title} styles={['report.css']}>
      <MinistryNav m={m} current="statistics" />
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <StatsForm
        ctx={ctx}
        action="/kementerian/statistik"
        range={stats.range}
        waitMinutes={stats.waitMinutes}
        rankBy={stats.rankBy}
      />
      <p>
        <a href={`/kementerian/statistik.csv?${query}`}>{t.csv}</a>
      </p>

      <h2>{t.coverage}</h2>
      <p>{t.coverageLead(stats.coverage.onPlatform, stats.coverage.serving, stats.coverage.regencies)}</p>
      <dl class="facts report-facts">
        {Object.entries(stats.coverage.stages).map(([stage, n]) => (
          <div>
            <dt>{t.stages[stage]}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>{t.province}</summary>
        <section class="table-scroll" tabindex={0} aria-labelledby="provinces">
          <table>
            <caption id="provinces">{t.coverage}</caption>
            <thead>
              <tr>
                <th scope="col">{t.province}</th>
                <th scope="col">{t.regencies}</th>
                <th scope="col">{t.tenants}</th>
              </tr>
            </thead>
            <tbody>
              {stats.coverage.provinces.map((p) => (
                <tr>
                  <th scope="row">{p.name}</th>
                  <td>{p.regencies}</td>
                  <td>{p.tenants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>

      <h2>
        {t.national}: {t.period(formatMonthPeriod(stats.range.from, stats.range.to, ctx.lang))}
      </h2>
      <SummaryFacts ctx={ctx} s={stats.national} waitMinutes={stats.waitMinutes} />
      <h3>{t.daily}</h3>
      <DailyChart ctx={ctx} days={stats.days} />

      <h2 id="ranking">{t.ranking}</h2>
      <section class="table-scroll" tabindex={0} aria-labelledby="ranking">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.rank}</th>
              <th scope="col">{t.mpp}</th>
              <th scope="col">{t.stage}</th>
              <SummaryHeaders ctx={ctx} waitMinutes={stats.waitMinutes} />
            </tr>
          </thead>
          <tbody>
            {stats.tenants.map((row, i) => (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">
                  <a href={`/kementerian/statistik/${row.id}?${query}`}>{row.name}</a>
                  <br />
                  <span class="muted small">{row.provinceName}</span>
                </th>
                <td>{t.stages[row.stage]}</td>
                <SummaryCells ctx={ctx} s={row.summary} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}

import type { StatsSummary } from '@mpp/core/stats-summary'
import { Layout } from '../components/layout'
import { formatMonth, formatMonthPeriod } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'
import { DailyChart, StatsForm, SummaryCells, SummaryFacts, SummaryHeaders } from './ministry-stats-view'

export interface TenantStatsData {
  tenant: { id: string; name: string; provinceName: string; stage: string }
  range: { from: string; to: string }
  waitMinutes: number
  total: StatsSummary
  months: ({ month: string } & StatsSummary)[]
  days: ({ day: string } & StatsSummary)[]
}

/** One MPP's figures for the ministry: the period, each month and each day. */
export const MinistryTenantStatsPage = ({
  ctx,
  stats,
  query,
}: {
  ctx: PageContext
  stats: TenantStatsData
  query: string
}) => {
  const { m } = ctx
  const t = m.ministryStats
  const title = t.tenantTitle(stats.tenant.name)
  return (
    <Layout ctx={ctx} title={title} styles={['report.css']}>
      <MinistryNav m={m} current="statistics" within />
      <p>
        <a href={`/kementerian/statistik?${query}`}>{t.back}</a> ·{' '}
        <a href={`/kementerian/tenant/${stats.tenant.id}`}>{t.record}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {stats.tenant.provinceName} · {t.stages[stats.tenant.stage]} ·{' '}
        {t.period(formatMonthPeriod(stats.range.from, stats.range.to, ctx.lang))}
      </p>
      <StatsForm
        ctx={ctx}
        action={`/kementerian/statistik/${stats.tenant.id}`}
        range={stats.range}
        waitMinutes={stats.waitMinutes}
      />
      <SummaryFacts ctx={ctx} s={stats.total} waitMinutes={stats.waitMinutes} />
      <h2>{t.daily}</h2>
      <DailyChart ctx={ctx} days={stats.days} />
      <h2 id="months">{t.months}</h2>
      <section class="table-scroll" tabindex={0} aria-labelledby="months">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col">{t.issued}</th>
              <th scope="col">{t.noShow}</th>
              <SummaryHeaders ctx={ctx} waitMinutes={stats.waitMinutes} />
            </tr>
          </thead>
          <tbody>
            {stats.months.map((r) => (
              <tr>
                <th scope="row">{formatMonth(r.month, ctx.lang)}</th>
                <td>{r.issued}</td>
                <td>{r.noShow}</td>
                <SummaryCells ctx={ctx} s={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}

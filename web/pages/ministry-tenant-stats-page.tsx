import type { StatsSummary } from '@mpp/core/stats-summary'
import { Layout } from '../components/layout'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'
import { DailyChart, StatsForm, SummaryFacts, statsFormat } from './ministry-stats-page'

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
  const f = statsFormat(m, ctx.lang)
  const title = t.tenantTitle(stats.tenant.name)
  return (
    <Layout ctx={ctx} title={title} styles={['report.css']}>
      <MinistryNav m={m} />
      <p>
        <a href={`/kementerian/statistik?${query}`}>{t.back}</a> ·{' '}
        <a href={`/kementerian/tenant/${stats.tenant.id}`}>{t.record}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {stats.tenant.provinceName} · {t.stages[stats.tenant.stage]} ·{' '}
        {t.period(stats.range.from, stats.range.to)}
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
              <th scope="col">{t.served}</th>
              <th scope="col">{t.noShow}</th>
              <th scope="col">{t.avgWait}</th>
              <th scope="col">{t.within(stats.waitMinutes)}</th>
              <th scope="col">{t.ikm}</th>
              <th scope="col">{t.respondents}</th>
              <th scope="col">{t.complaints}</th>
              <th scope="col">{t.onTime}</th>
            </tr>
          </thead>
          <tbody>
            {stats.months.map((r) => (
              <tr>
                <th scope="row">{r.month}</th>
                <td>{r.issued}</td>
                <td>{r.served}</td>
                <td>{r.noShow}</td>
                <td>{f.minutes(r.averageWaitMinutes)}</td>
                <td>{f.share(r.servedWithinShare)}</td>
                <td>{r.grade ? `${f.ikm(r.ikm)} (${r.grade})` : t.noData}</td>
                <td>{r.respondents}</td>
                <td>{r.complaints}</td>
                <td>{f.share(r.complaintsOnTimeShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}

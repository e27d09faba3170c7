import { MinistryStatsPage } from '@mpp/web/views/ministry-stats-view'
import { MinistryTenantStatsPage } from '@mpp/web/views/ministry-tenant-stats-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { toCsv } from '../csv'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { nationalStats, tenantStats } from '../statistics/national-stats'
import { statsQueryOf, statsQueryString } from '../statistics/stats-query'
import { pageContext } from './page-context'

/** The ministry's statistics pages on the platform host: the dashboard, its CSV, one MPP's drill-down. */
export const statisticsPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const ministryOnly = [requireSite('platform'), requireRole('ministry')] as const
  pages.use('/kementerian/statistik', ...ministryOnly)
  pages.use('/kementerian/statistik.csv', ...ministryOnly)
  pages.use('/kementerian/statistik/*', ...ministryOnly)

  const queryOf = (c: Context<AppEnv>) => statsQueryOf(c.req.query(), deps.now())

  pages.get('/kementerian/statistik', async (c) => {
    const q = queryOf(c)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <MinistryStatsPage
        ctx={pageContext(c, deps.config)}
        stats={await nationalStats(deps, q.range, q)}
        query={statsQueryString(q)}
      />,
    )
  })

  pages.get('/kementerian/statistik.csv', async (c) => {
    const q = queryOf(c)
    const stats = await nationalStats(deps, q.range, q)
    const number = (n: number | undefined, digits: number) => (n === undefined ? '' : n.toFixed(digits))
    const csv = toCsv([
      [
        'rank',
        'tenant_id',
        'name',
        'province',
        'stage',
        'from',
        'to',
        'days_closed',
        'issued',
        'served',
        'no_show',
        'average_wait_minutes',
        'average_service_minutes',
        `served_within_${q.waitMinutes}_minutes_share`,
        'respondents',
        'ikm',
        'grade',
        'complaints',
        'complaints_responded',
        'complaints_on_time_share',
        'service_requests',
        'service_requests_done',
        'service_requests_on_time',
        'service_requests_on_time_share',
        'service_requests_average_working_days',
        'service_requests_rejected',
      ],
      ...stats.tenants.map((t, i) => {
        const s = t.summary
        return [
          String(i + 1),
          t.id,
          t.name,
          t.provinceName,
          t.stage,
          q.range.from,
          q.range.to,
          String(s.daysClosed),
          String(s.issued),
          String(s.served),
          String(s.noShow),
          number(s.averageWaitMinutes, 1),
          number(s.averageServiceMinutes, 1),
          number(s.servedWithinShare, 3),
          String(s.respondents),
          number(s.ikm, 2),
          s.grade ?? '',
          String(s.complaints),
          String(s.complaintsResponded),
          number(s.complaintsOnTimeShare, 3),
          String(s.serviceRequests),
          String(s.serviceRequestsDone),
          String(s.serviceRequestsOnTime),
          number(s.serviceRequestsOnTimeShare, 3),
          number(s.serviceRequestsAverageDays, 1),
          String(s.serviceRequestsRejected),
        ]
      }),
    ])
    c.header('Content-Disposition', `attachment; filename="statistik-mpp-${q.range.from}-${q.range.to}.csv"`)
    c.header('Cache-Control', 'no-store')
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })

  pages.get('/kementerian/statistik/:id', async (c) => {
    const q = queryOf(c)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <MinistryTenantStatsPage
        ctx={pageContext(c, deps.config)}
        stats={await tenantStats(deps, c.req.param('id'), q.range, q.waitMinutes)}
        query={statsQueryString(q)}
      />,
    )
  })

  return pages
}

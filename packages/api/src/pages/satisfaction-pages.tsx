import { businessDay } from '@mpp/core/business-day'
import { SatisfactionPrintPage } from '@mpp/web/views/satisfaction-print-view'
import { SatisfactionReportPage } from '@mpp/web/views/satisfaction-report-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { type Period, periodOf } from '../statistics/period'
import { satisfactionCsv, satisfactionReport } from '../survey/satisfaction-report'
import { pageContext } from './page-context'

/** The tenant admin's satisfaction report: on screen, as CSV, and printable like the annual SKM report. */
export const satisfactionPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const adminOnly = [requireSite('tenant'), requireRole('admin')] as const
  pages.use('/admin/kepuasan', ...adminOnly)
  pages.use('/admin/kepuasan.csv', ...adminOnly)
  pages.use('/admin/kepuasan/*', ...adminOnly)

  /** The report of the period asked for; a malformed period falls back to the year so far, saying so. */
  const reportOf = async (c: Context<AppEnv>) => {
    const tenant = tenantOf(c.var.site)
    let period: Period
    try {
      period = periodOf({ from: c.req.query('from'), to: c.req.query('to') }, deps.now(), tenant.timeZone)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      period = periodOf({}, deps.now(), tenant.timeZone)
    }
    const query = new URLSearchParams(period as unknown as Record<string, string>).toString()
    return { tenant, report: await satisfactionReport(deps, tenant, period), query }
  }

  pages.get('/admin/kepuasan', async (c) => {
    const { report, query } = await reportOf(c)
    c.header('Cache-Control', 'no-store')
    return c.html(<SatisfactionReportPage ctx={pageContext(c, deps.config)} report={report} query={query} />)
  })

  pages.get('/admin/kepuasan.csv', async (c) => {
    const { tenant, report } = await reportOf(c)
    const { from, to } = report.period
    c.header('Content-Disposition', `attachment; filename="ikm-${tenant.slug}-${from}-${to}.csv"`)
    c.header('Cache-Control', 'no-store')
    return c.body(satisfactionCsv(report, tenant.name, c.var.lang), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    })
  })

  pages.get('/admin/kepuasan/cetak', async (c) => {
    const { tenant, report } = await reportOf(c)
    c.header('Cache-Control', 'no-store')
    const ctx = pageContext(c, deps.config)
    const issuer = {
      name: tenant.name,
      regencyName: tenant.regencyName,
      address: tenant.address,
      phone: tenant.phone,
      email: tenant.email,
      logoUrl: ctx.brand?.logoUrl ?? '/logo.svg',
    }
    return c.html(
      <SatisfactionPrintPage
        ctx={ctx}
        issuer={issuer}
        printedOn={businessDay(deps.now(), tenant.timeZone)}
        report={report}
      />,
    )
  })

  return pages
}

import { matchesQuery } from '@mpp/core/search'
import { getCatalog } from '@mpp/db/catalog-repository'
import { listUpcomingVisits } from '@mpp/db/mobile-visit-repository'
import { MobileServicePage } from '@mpp/web/pages/mobile-service-page'
import { SearchPage, type SearchResult } from '@mpp/web/pages/search-page'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { pageContext } from './page-context'

const maxQueryLength = 100

/** The citizen's catalog beyond the home page: search across services, and the mobile service schedule. */
export const catalogPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()

  /**
   * Every query word must start a word of the service's name or of its agency's names, ignoring case and
   * accents. Services matched by their own name come first, then by name.
   */
  pages.get('/cari', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const query = (c.req.query('q') ?? '').trim().slice(0, maxQueryLength)
    let results: SearchResult[] = []
    if (query) {
      const { agencies, services } = await getCatalog(deps.db, tenant.id)
      const agencyOf = new Map(agencies.map((a) => [a.id, a]))
      results = services
        .map((s) => {
          const agency = agencyOf.get(s.agencyId)
          const byName = matchesQuery(s.name, query)
          const matched =
            byName || matchesQuery(`${s.name} ${agency?.name ?? ''} ${agency?.shortName ?? ''}`, query)
          return { s, agencyName: agency?.name ?? '', byName, matched }
        })
        .filter((r) => r.matched)
        .sort((a, b) => Number(b.byName) - Number(a.byName) || a.s.name.localeCompare(b.s.name, 'id'))
        .map((r) => ({ id: r.s.id, name: r.s.name, agencyName: r.agencyName }))
    }
    return c.html(<SearchPage ctx={pageContext(c, deps.config)} query={query} results={results} />)
  })

  pages.get('/layanan-bergerak', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const [visits, { services }] = await Promise.all([
      listUpcomingVisits(deps.db, tenant.id, tenant.timeZone, deps.now()),
      getCatalog(deps.db, tenant.id),
    ])
    return c.html(
      <MobileServicePage
        ctx={pageContext(c, deps.config)}
        visits={visits}
        serviceNames={new Map(services.map((s) => [s.id, s.name]))}
        timeZone={tenant.timeZone}
      />,
    )
  })

  return pages
}

import { expandQuery, matchesAny, synonymGroupsOf } from '@mpp/core/search'
import type { SynonymGroup } from '@mpp/core/search-synonyms'
import { getCatalog } from '@mpp/db/catalog-repository'
import { listUpcomingVisits } from '@mpp/db/mobile-visit-repository'
import { MobileServicePage } from '@mpp/web/views/mobile-service-view'
import { SearchPage, type SearchResult } from '@mpp/web/views/search-view'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { originOf } from '../onboarding/origin'
import { pageContext } from './page-context'

const maxQueryLength = 100

/** The citizen's catalog beyond the home page: search across services, and the mobile service schedule. */
export const catalogPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()

  /**
   * Every query word must start a word of the service's name, of its own search words or of its agency's
   * names, ignoring case and accents; everyday words widen the query through the starter synonyms ("izin
   * usaha" finds the NIB). Services matched by their own name or words come first, then by name. When nothing
   * matches, the page says so plainly and, for a service it knows, where it is usually served.
   */
  pages.get('/cari', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const query = (c.req.query('q') ?? '').trim().slice(0, maxQueryLength)
    let results: SearchResult[] = []
    let usuallyElsewhere: SynonymGroup[] = []
    if (query) {
      const { agencies, services } = await getCatalog(deps.db, tenant.id)
      const agencyOf = new Map(agencies.map((a) => [a.id, a]))
      const queries = expandQuery(query)
      results = services
        .map((s) => {
          const agency = agencyOf.get(s.agencyId)
          const own = [s.name, ...(s.keywords ?? [])].join(' ')
          const byName = matchesAny(own, queries)
          const matched =
            byName || matchesAny(`${own} ${agency?.name ?? ''} ${agency?.shortName ?? ''}`, queries)
          return { s, agencyName: agency?.name ?? '', byName, matched }
        })
        .filter((r) => r.matched)
        .sort((a, b) => Number(b.byName) - Number(a.byName) || a.s.name.localeCompare(b.s.name, 'id'))
        .map((r) => ({ id: r.s.id, name: r.s.name, agencyName: r.agencyName }))
      if (results.length === 0) usuallyElsewhere = synonymGroupsOf(query)
    }
    return c.html(
      <SearchPage
        ctx={pageContext(c, deps.config)}
        query={query}
        results={results}
        usuallyElsewhere={usuallyElsewhere}
        otherMppsUrl={`${originOf(c, deps.config.rootDomain).platform}/#tenants`}
      />,
    )
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

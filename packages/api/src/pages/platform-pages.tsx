import { regencies } from '@mpp/core/regions'
import { listDirectory } from '@mpp/db/tenant-repository'
import { MinistryHome } from '@mpp/web/pages/ministry-home'
import { PlatformHome, type TenantLink } from '@mpp/web/pages/platform-home'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { pageContext } from './page-context'
import { tenantUrl } from './tenant-url'

const tenantLinks = async (deps: AppDeps, c: Context<AppEnv>, publicOnly: boolean): Promise<TenantLink[]> =>
  (await listDirectory(deps.db))
    .filter((t) => !publicOnly || t.stage === 'live' || t.stage === 'trial')
    .map((t) => ({ ...t, url: tenantUrl(c.req.url, deps.config.rootDomain, t.slug) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'))

/** The platform's front door. */
export const platformHome = (deps: AppDeps) => async (c: Context<AppEnv>) =>
  c.html(
    <PlatformHome
      ctx={pageContext(c, deps.config)}
      tenants={await tenantLinks(deps, c, true)}
      totalRegencies={regencies.length}
    />,
  )

/** The ministry's console on the platform host. */
export const platformPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()

  pages.use('/kementerian', requireSite('platform'), requireRole('ministry'))
  pages.use('/kementerian/*', requireSite('platform'), requireRole('ministry'))
  pages.get('/kementerian', async (c) =>
    c.html(<MinistryHome ctx={pageContext(c, deps.config)} tenants={await tenantLinks(deps, c, false)} />),
  )

  return pages
}

import { entityId } from '@mpp/core/catalog'
import { getAgency, getCatalog, getService } from '@mpp/db/catalog-repository'
import { listUpcomingVisits } from '@mpp/db/mobile-visit-repository'
import { ServicePage } from '@mpp/web/pages/service-page'
import { TenantHome } from '@mpp/web/pages/tenant-home'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { serveLogo } from './logo-file'
import { pageContext } from './page-context'

/** The citizen's home page on a tenant's host. */
export const tenantHome = (deps: AppDeps) => async (c: Context<AppEnv>) => {
  const tenant = tenantOf(c.var.site)
  const [{ agencies, services }, visits] = await Promise.all([
    getCatalog(deps.db, tenant.id),
    listUpcomingVisits(deps.db, tenant.id, tenant.timeZone, deps.now()),
  ])
  return c.html(
    <TenantHome
      ctx={pageContext(c, deps.config)}
      tenant={tenant}
      agencies={agencies}
      services={services}
      visits={visits}
    />,
  )
}

/** The other public pages of a tenant's site. */
export const citizenPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()

  pages.get('/layanan/:serviceId', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const serviceId = entityId.safeParse(c.req.param('serviceId'))
    const service = serviceId.success ? await getService(deps.db, tenant.id, serviceId.data) : undefined
    if (!service) throw new ApiError(404, 'not_found')
    const agency = await getAgency(deps.db, tenant.id, service.agencyId)
    return c.html(<ServicePage ctx={pageContext(c, deps.config)} service={service} agency={agency} />)
  })

  pages.get('/logo.svg', requireSite('tenant'), serveLogo(deps))
  pages.get('/logo', requireSite('tenant'), serveLogo(deps))

  return pages
}

import { entityId } from '@mpp/core/catalog'
import { offersOnline } from '@mpp/core/queue'
import type { TenantId } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { getAgency, getCatalog, getService } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import { listUpcomingVisits } from '@mpp/db/mobile-visit-repository'
import { getServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { ServicePage } from '@mpp/web/views/service-view'
import { TenantHome } from '@mpp/web/views/tenant-home'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import type { QueueContext } from '../queue/queue-context'
import { serveLogo } from './logo-file'
import { pageContext } from './page-context'
import { onlineRefusal } from './take-ticket-pages'

/**
 * The citizen's home page on a tenant's host. It offers tickets and bookings only when some service can take
 * them online now, so no button leads to a refusal.
 */
export const tenantHome = (queue: QueueContext) => async (c: Context<AppEnv>) => {
  const { deps } = queue
  const tenant = tenantOf(c.var.site)
  const [{ agencies, services }, visits, { queues }] = await Promise.all([
    getCatalog(deps.db, tenant.id),
    listUpcomingVisits(deps.db, tenant.id, tenant.timeZone, deps.now()),
    queue.config.get(tenant.id),
  ])
  const online = servesCitizens(tenant.stage) && services.some((s) => offersOnline(queues, s.id))
  return c.html(
    <TenantHome
      ctx={pageContext(c, deps.config)}
      tenant={tenant}
      agencies={agencies}
      services={services}
      visits={visits}
      offersOnline={online}
    />,
  )
}

/**
 * What an online service asks a citizen to hand in, named as the tenant's list names each kind; undefined
 * when the service takes no online applications (the list is read only then).
 */
const onlineDocuments = async (db: Db, tenantId: TenantId, serviceId: string) => {
  const form = await getServiceOnlineForm(db, tenantId, serviceId)
  if (!form?.online) return undefined
  const kinds = new Map((await listDocumentKinds(db, tenantId)).map((k) => [k.id, k]))
  return {
    completionDays: form.completionDays,
    documents: form.documents.flatMap((d) => {
      const kind = kinds.get(d.kindId)
      return kind ? [{ name: kind.name, ...(d.note ? { note: d.note } : {}) }] : []
    }),
  }
}

/** The other public pages of a tenant's site. */
export const citizenPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { deps } = queue

  pages.get('/layanan/:serviceId', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const serviceId = entityId.safeParse(c.req.param('serviceId'))
    const service = serviceId.success ? await getService(deps.db, tenant.id, serviceId.data) : undefined
    if (!service) throw new ApiError(404, 'not_found')
    const [agency, unavailable, online] = await Promise.all([
      getAgency(deps.db, tenant.id, service.agencyId),
      onlineRefusal(c, queue, tenant, service.id),
      onlineDocuments(deps.db, tenant.id, service.id),
    ])
    return c.html(
      <ServicePage
        ctx={pageContext(c, deps.config)}
        service={service}
        agency={agency}
        unavailable={unavailable}
        online={online}
        citizen={c.var.citizen !== undefined}
      />,
    )
  })

  pages.get('/logo.svg', requireSite('tenant'), serveLogo(deps))
  pages.get('/logo', requireSite('tenant'), serveLogo(deps))

  return pages
}

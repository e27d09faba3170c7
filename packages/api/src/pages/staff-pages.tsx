import { listAgencies, listServices } from '@mpp/db/catalog-repository'
import { StaffHome } from '@mpp/web/views/staff-home'
import { Hono } from 'hono'
import { setupChecklist } from '../admin/setup-checklist'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { pageContext } from './page-context'

/** Pages for a tenant's admins and officers. */
export const staffPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  pages.use('/staf/*', requireSite('tenant'), requireRole('admin', 'officer'))
  pages.use('/staf', requireSite('tenant'), requireRole('admin', 'officer'))

  pages.get('/staf', async (c) => {
    const tenant = tenantOf(c.var.site)
    const session = c.var.session as Session
    const [agencies, services, setup] = await Promise.all([
      listAgencies(deps.db, tenant.id),
      listServices(deps.db, tenant.id),
      session.role === 'admin' ? setupChecklist(deps, tenant) : undefined,
    ])
    return c.html(
      <StaffHome
        ctx={pageContext(c, deps.config)}
        tenantName={tenant.name}
        name={session.name}
        role={session.role}
        agencies={agencies.length}
        services={services.length}
        setup={setup}
      />,
    )
  })

  return pages
}

import { ministryAccountPages } from '../pages/ministry-account-pages'
import { platformPages } from '../pages/platform-pages'
import { signupPages } from '../pages/signup-pages'
import { statisticsPages } from '../pages/statistics-pages'
import type { RouteGroup } from '../route-group'
import { applicationApi } from '../routes/application-api'
import { ministryAccountApi } from '../routes/ministry-account-api'
import { statsApi } from '../routes/stats-api'
import { tenantLifecycleApi } from '../routes/tenant-lifecycle-api'

/** The platform's host: the ministry's console and statistics, and regencies applying to join. */
export const platformGroups: RouteGroup[] = [
  { order: 8, name: 'statsApi', routes: ({ deps }) => statsApi(deps) },
  { order: 11, name: 'applicationApi', routes: ({ deps }) => applicationApi(deps) },
  { order: 12, name: 'tenantLifecycleApi', routes: ({ deps, tenants }) => tenantLifecycleApi(deps, tenants) },
  { order: 17, name: 'ministryAccountApi', routes: ({ deps }) => ministryAccountApi(deps) },
  { order: 28, name: 'statisticsPages', routes: ({ deps }) => statisticsPages(deps) },
  { order: 35, name: 'platformPages', routes: ({ deps, tenants }) => platformPages(deps, tenants) },
  { order: 36, name: 'signupPages', routes: ({ deps }) => signupPages(deps) },
  { order: 41, name: 'ministryAccountPages', routes: ({ deps }) => ministryAccountPages(deps) },
]

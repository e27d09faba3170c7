import { boardPages } from '../pages/board-pages'
import { catalogAdminPages } from '../pages/catalog-admin-pages'
import { counterPages } from '../pages/counter-pages'
import { kioskPages } from '../pages/kiosk-pages'
import { onlineServiceAdminPages } from '../pages/online-service-admin-pages'
import { profilePages } from '../pages/profile-pages'
import { queueAdminPages } from '../pages/queue-admin-pages'
import { satisfactionPages } from '../pages/satisfaction-pages'
import { serviceRequestStaffPages } from '../pages/service-request-staff-pages'
import { staffAdminPages } from '../pages/staff-admin-pages'
import { staffPages } from '../pages/staff-pages'
import type { RouteGroup } from '../route-group'
import { boardApi } from '../routes/board-api'
import { catalogAdminApi } from '../routes/catalog-admin-api'
import { counterApi } from '../routes/counter-api'
import { onlineServiceAdminApi } from '../routes/online-service-admin-api'
import { profileApi } from '../routes/profile-api'
import { queueAdminApi } from '../routes/queue-admin-api'
import { serviceRequestStaffApi } from '../routes/service-request-staff-api'
import { staffApi } from '../routes/staff-api'
import { citizenAndStaffGroups } from './citizen-and-staff'

/** An MPP's staff on its host: officers' consoles, the devices they arm (kiosk, board), the admin pages. */
export const staffGroups: RouteGroup[] = [
  { order: 4, name: 'counterApi', routes: ({ queue }) => counterApi(queue) },
  { order: 5, name: 'boardApi', routes: ({ queue }) => boardApi(queue) },
  { order: 9, name: 'queueAdminApi', routes: ({ queue, tenants }) => queueAdminApi(queue, tenants) },
  { order: 10, name: 'catalogAdminApi', routes: ({ deps, tenants }) => catalogAdminApi(deps, tenants) },
  { order: 10.5, name: 'onlineServiceAdminApi', routes: ({ deps }) => onlineServiceAdminApi(deps) },
  { order: 15, name: 'profileApi', routes: ({ deps, tenants }) => profileApi(deps, tenants) },
  { order: 16, name: 'staffApi', routes: ({ deps }) => staffApi(deps) },
  { order: 16.5, name: 'serviceRequestStaffApi', routes: ({ deps }) => serviceRequestStaffApi(deps) },
  { order: 22, name: 'staffPages', routes: ({ deps }) => staffPages(deps) },
  { order: 25, name: 'kioskPages', routes: ({ queue }) => kioskPages(queue) },
  { order: 27, name: 'satisfactionPages', routes: ({ deps }) => satisfactionPages(deps) },
  { order: 29, name: 'boardPages', routes: ({ queue }) => boardPages(queue) },
  { order: 31, name: 'counterPages', routes: ({ queue }) => counterPages(queue) },
  { order: 32, name: 'queueAdminPages', routes: ({ queue, tenants }) => queueAdminPages(queue, tenants) },
  { order: 34, name: 'catalogAdminPages', routes: ({ deps, tenants }) => catalogAdminPages(deps, tenants) },
  { order: 34.5, name: 'onlineServiceAdminPages', routes: ({ deps }) => onlineServiceAdminPages(deps) },
  { order: 39, name: 'profilePages', routes: ({ deps, tenants }) => profilePages(deps, tenants) },
  { order: 40, name: 'staffAdminPages', routes: ({ deps }) => staffAdminPages(deps) },
  { order: 41, name: 'serviceRequestStaffPages', routes: ({ deps }) => serviceRequestStaffPages(deps) },
  ...citizenAndStaffGroups,
]

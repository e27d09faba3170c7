import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { appointmentPages } from '../pages/appointment-pages'
import { catalogPages } from '../pages/catalog-pages'
import { citizenPages, tenantHome } from '../pages/citizen-pages'
import { citizenSignInPages } from '../pages/citizen-sign-in-pages'
import { platformHome } from '../pages/platform-home'
import { serviceRequestCollectionPages } from '../pages/service-request-collection-pages'
import { serviceRequestPages } from '../pages/service-request-pages'
import { takeTicketPages } from '../pages/take-ticket-pages'
import { ticketPages } from '../pages/ticket-pages'
import type { RouteGroup } from '../route-group'
import { appointmentApi } from '../routes/appointment-api'
import { catalogApi } from '../routes/catalog-api'
import { citizenAuthApi } from '../routes/citizen-auth-api'
import { serviceRequestApi } from '../routes/service-request-api'
import { serviceRequestCollectionApi } from '../routes/service-request-collection-api'
import { surveyApi } from '../routes/survey-api'
import { ticketApi } from '../routes/ticket-api'
import { citizenAndStaffGroups } from './citizen-and-staff'

/** The public: an MPP's citizens on its host, and anyone on the platform's landing page. */
export const citizenGroups: RouteGroup[] = [
  { order: 1.5, name: 'citizenAuthApi', routes: ({ deps }) => citizenAuthApi(deps) },
  { order: 2, name: 'catalogApi', routes: ({ deps }) => catalogApi(deps) },
  { order: 3, name: 'ticketApi', routes: ({ queue }) => ticketApi(queue) },
  { order: 6, name: 'appointmentApi', routes: ({ queue }) => appointmentApi(queue) },
  { order: 7, name: 'surveyApi', routes: ({ deps }) => surveyApi(deps) },
  { order: 7.5, name: 'serviceRequestApi', routes: ({ deps }) => serviceRequestApi(deps) },
  {
    order: 7.6,
    name: 'serviceRequestCollectionApi',
    routes: ({ queue }) => serviceRequestCollectionApi(queue),
  },
  {
    order: 19,
    name: 'homes',
    routes: ({ deps, queue }) => {
      const homes = { tenant: tenantHome(queue), platform: platformHome(deps) }
      return new Hono<AppEnv>().get('/', (c) => homes[c.var.site.kind](c))
    },
  },
  { order: 20, name: 'citizenPages', routes: ({ queue }) => citizenPages(queue) },
  { order: 21.5, name: 'citizenSignInPages', routes: ({ deps }) => citizenSignInPages(deps) },
  { order: 21.6, name: 'serviceRequestPages', routes: ({ deps }) => serviceRequestPages(deps) },
  {
    order: 21.7,
    name: 'serviceRequestCollectionPages',
    routes: ({ queue }) => serviceRequestCollectionPages(queue),
  },
  { order: 23, name: 'takeTicketPages', routes: ({ queue }) => takeTicketPages(queue) },
  { order: 24, name: 'ticketPages', routes: ({ queue }) => ticketPages(queue) },
  { order: 30, name: 'appointmentPages', routes: ({ queue }) => appointmentPages(queue) },
  { order: 33, name: 'catalogPages', routes: ({ deps }) => catalogPages(deps) },
  ...citizenAndStaffGroups,
]

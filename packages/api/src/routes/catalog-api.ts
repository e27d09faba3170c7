import { createRoute, z } from '@hono/zod-openapi'
import { agency, entityId, service } from '@mpp/core/catalog'
import { tenant } from '@mpp/core/tenant'
import { listAgencies, listServices } from '@mpp/db/catalog-repository'
import type { AppDeps } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { createRouter } from '../validation'

const onTenant = requireSite('tenant')

const getTenantRoute = createRoute({
  method: 'get',
  path: '/api/tenant',
  operationId: 'getTenant',
  summary: "This host's MPP: name, branding, address, hours, facilities",
  tags: ['catalog'],
  middleware: onTenant,
  responses: {
    200: {
      description: 'The MPP',
      content: { 'application/json': { schema: tenant.meta({ id: 'Tenant' }) } },
    },
    404: errorResponse('No MPP at this host'),
  },
})

const listAgenciesRoute = createRoute({
  method: 'get',
  path: '/api/agencies',
  operationId: 'listAgencies',
  summary: 'The agencies serving at this MPP, in catalog order',
  tags: ['catalog'],
  middleware: onTenant,
  responses: {
    200: {
      description: 'Agencies',
      content: {
        'application/json': { schema: z.object({ agencies: z.array(agency.meta({ id: 'Agency' })) }) },
      },
    },
    404: errorResponse('No MPP at this host'),
  },
})

const listServicesRoute = createRoute({
  method: 'get',
  path: '/api/services',
  operationId: 'listServices',
  summary: "This MPP's services with their published standard, optionally of one agency",
  tags: ['catalog'],
  middleware: onTenant,
  request: { query: z.object({ agencyId: entityId.optional() }).strict() },
  responses: {
    200: {
      description: 'Services',
      content: {
        'application/json': {
          schema: z.object({ services: z.array(service.omit({ internal: true }).meta({ id: 'Service' })) }),
        },
      },
    },
    400: errorResponse('Invalid query'),
    404: errorResponse('No MPP at this host'),
  },
})

export const catalogApi = (deps: AppDeps) =>
  createRouter()
    .openapi(getTenantRoute, (c) => c.json(tenantOf(c.var.site), 200))
    .openapi(listAgenciesRoute, async (c) => {
      const agencies = await listAgencies(deps.db, tenantOf(c.var.site).id)
      return c.json({ agencies }, 200)
    })
    .openapi(listServicesRoute, async (c) => {
      const { agencyId } = c.req.valid('query')
      const services = await listServices(deps.db, tenantOf(c.var.site).id)
      return c.json({ services: agencyId ? services.filter((s) => s.agencyId === agencyId) : services }, 200)
    })

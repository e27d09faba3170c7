import { createRoute, z } from '@hono/zod-openapi'
import { rule } from '@mpp/core/issue-rules'
import { waitThresholdsMinutes } from '@mpp/core/rollup'
import { rankings } from '@mpp/core/stats-summary'
import type { AppDeps } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { nationalStats, tenantStats } from '../statistics/national-stats'
import { statsQueryOf } from '../statistics/stats-query'
import { createRouter } from '../validation'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, rule('month'))
const query = z.object({
  from: month.optional().meta({ description: 'First month, `2026-09`; default two months before `to`' }),
  to: month.optional().meta({ description: 'Last month, `2026-11`; default this month' }),
  wait: z
    .enum(waitThresholdsMinutes.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: 'Minutes that count as served on time: 5, 10, 15 (default), 30, 60' }),
  rank: z
    .enum(rankings)
    .optional()
    .meta({ description: 'ikm (default), servedWithin, served, complaintsOnTime' }),
})
const summary = z.record(z.string(), z.unknown())
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const nationalRoute = createRoute({
  method: 'get',
  path: '/api/stats/national',
  operationId: 'getNationalStats',
  summary:
    'Coverage of the 514 regencies, the national figures and daily series, and every MPP ranked (1-12 months)',
  tags: ['statistics'],
  middleware: [requireSite('platform'), requireRole('ministry')] as const,
  request: { query },
  responses: {
    200: json(summary, 'The statistics'),
    400: errorResponse('A malformed month, more than 12 months, an unknown wait or ranking'),
    401: errorResponse('No session'),
    403: errorResponse('Not the ministry'),
  },
})

const tenantRoute = createRoute({
  method: 'get',
  path: '/api/stats/tenants/{id}',
  operationId: 'getTenantStats',
  summary: "One MPP's figures by month and day (the ministry's drill-down)",
  tags: ['statistics'],
  middleware: [requireSite('platform'), requireRole('ministry')] as const,
  request: { params: z.object({ id: z.string().max(8) }), query },
  responses: {
    200: json(summary, 'The statistics'),
    400: errorResponse('A malformed period'),
    401: errorResponse('No session'),
    403: errorResponse('Not the ministry'),
    404: errorResponse('No such tenant'),
  },
})

const ownRoute = createRoute({
  method: 'get',
  path: '/api/stats',
  operationId: 'getOwnStats',
  summary: "The tenant's own figures by month and day, on its host, for its admin",
  tags: ['statistics'],
  middleware: [requireSite('tenant'), requireRole('admin')] as const,
  request: { query },
  responses: {
    200: json(summary, 'The statistics'),
    400: errorResponse('A malformed period'),
    401: errorResponse('No session'),
    403: errorResponse('Not an admin of this MPP'),
  },
})

/** The statistics as JSON: the nation and any MPP for the ministry; a tenant's own for its admin. */
export const statsApi = (deps: AppDeps) =>
  createRouter()
    .openapi(nationalRoute, async (c) => {
      const q = statsQueryOf(c.req.valid('query'), deps.now())
      return c.json(await nationalStats(deps, q.range, q), 200)
    })
    .openapi(tenantRoute, async (c) => {
      const q = statsQueryOf(c.req.valid('query'), deps.now())
      return c.json(await tenantStats(deps, c.req.valid('param').id, q.range, q.waitMinutes), 200)
    })
    .openapi(ownRoute, async (c) => {
      const q = statsQueryOf(c.req.valid('query'), deps.now())
      return c.json(await tenantStats(deps, tenantOf(c.var.site).id, q.range, q.waitMinutes), 200)
    })

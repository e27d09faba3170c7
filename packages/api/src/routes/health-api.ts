import { createRoute, z } from '@hono/zod-openapi'
import { pingTable } from '@mpp/db/health'
import type { AppDeps } from '../app-env'
import { errorResponse, unavailableError } from '../errors'
import { createRouter } from '../validation'

const healthBody = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'getHealth',
  summary: 'Whether the service and its table answer',
  tags: ['platform'],
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthBody } } },
    503: errorResponse('The table does not answer'),
  },
})

/** Answers on every host, before the site is resolved, so a load balancer or uptime check can use it. */
export const healthApi = (deps: AppDeps) =>
  createRouter({ anyHost: true }).openapi(getHealth, async (c) => {
    try {
      await pingTable(deps.db)
    } catch (error) {
      c.var.log.error('health check failed', { error })
      throw unavailableError()
    }
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok' as const }, 200)
  })

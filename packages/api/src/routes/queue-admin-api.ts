import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import { weeklyHours } from '@mpp/core/opening-hours'
import { counter, holiday, queue, queueSettings } from '@mpp/core/queue'
import { listOutbox, outboxMessage } from '@mpp/db/outbox-repository'
import { updateTenantSettings } from '@mpp/db/tenant-repository'
import { removeCounter, removeQueue, saveCounter, saveQueue } from '../admin/queue-config'
import { errorResponse } from '../errors'
import { hideSignInCode } from '../mail/secret-links'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { QueueContext } from '../queue/queue-context'
import type { TenantCache } from '../tenant-cache'
import { createRouter } from '../validation'

const adminOnly = [requireSite('tenant'), requireRole('admin')]
const adminErrors = { 401: errorResponse('No session'), 403: errorResponse('Not an admin of this MPP') }
const ok = { description: 'Saved' }

const queueBody = queue.omit({ id: true }).meta({ id: 'QueueInput' })
const counterBody = counter.omit({ id: true }).meta({ id: 'CounterInput' })
const scheduleBody = z
  .object({ openingHours: weeklyHours, holidays: z.array(holiday).max(100) })
  .strict()
  .meta({ id: 'Schedule' })

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, middleware: adminOnly, tags: ['admin'] })

const listRoute = route({
  method: 'get',
  path: '/api/admin/queues',
  operationId: 'listQueues',
  summary: 'Queues and counters with every setting',
  responses: {
    200: {
      description: 'Queues and counters',
      content: {
        'application/json': {
          schema: z.object({
            queues: z.array(queue.meta({ id: 'Queue' })),
            counters: z.array(counter.meta({ id: 'CounterConfig' })),
          }),
        },
      },
    },
    ...adminErrors,
  },
})

const putQueueRoute = route({
  method: 'put',
  path: '/api/admin/queues/{queueId}',
  operationId: 'putQueue',
  summary: 'Create or change a queue: letter, services, daily capacity, online share',
  request: {
    params: z.object({ queueId: entityId }),
    body: { required: true, content: { 'application/json': { schema: queueBody } } },
  },
  responses: {
    204: ok,
    400: errorResponse('Invalid'),
    ...adminErrors,
    409: errorResponse('Letter or service already used'),
  },
})

const deleteQueueRoute = route({
  method: 'delete',
  path: '/api/admin/queues/{queueId}',
  operationId: 'deleteQueue',
  summary: 'Remove a queue no counter serves',
  request: { params: z.object({ queueId: entityId }) },
  responses: {
    204: ok,
    ...adminErrors,
    404: errorResponse('No such queue'),
    409: errorResponse('Counters still serve it'),
  },
})

const putCounterRoute = route({
  method: 'put',
  path: '/api/admin/counters/{counterId}',
  operationId: 'putCounter',
  summary: 'Create or change a counter: its number and the queues it serves',
  request: {
    params: z.object({ counterId: entityId }),
    body: { required: true, content: { 'application/json': { schema: counterBody } } },
  },
  responses: {
    204: ok,
    400: errorResponse('Invalid'),
    ...adminErrors,
    409: errorResponse('Number already used'),
  },
})

const deleteCounterRoute = route({
  method: 'delete',
  path: '/api/admin/counters/{counterId}',
  operationId: 'deleteCounter',
  summary: 'Remove a counter',
  request: { params: z.object({ counterId: entityId }) },
  responses: { 204: ok, ...adminErrors, 404: errorResponse('No such counter') },
})

const scheduleRoute = route({
  method: 'put',
  path: '/api/admin/schedule',
  operationId: 'updateSchedule',
  summary: 'Opening hours per weekday (breaks are gaps between intervals) and holidays',
  request: { body: { required: true, content: { 'application/json': { schema: scheduleBody } } } },
  responses: { 204: ok, 400: errorResponse('Invalid'), ...adminErrors },
})

const settingsRoute = route({
  method: 'put',
  path: '/api/admin/queue-settings',
  operationId: 'updateQueueSettings',
  summary: 'Priority ratio and appointment rules',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: queueSettings.meta({ id: 'QueueSettings' }) } },
    },
  },
  responses: { 204: ok, 400: errorResponse('Invalid'), ...adminErrors },
})

const outboxRoute = route({
  method: 'get',
  path: '/api/admin/outbox',
  operationId: 'listOutbox',
  summary: 'Notifications written for citizens, newest first (a WhatsApp/SMS sender delivers them)',
  responses: {
    200: {
      description: 'Messages',
      content: {
        'application/json': {
          schema: z.object({ messages: z.array(outboxMessage.meta({ id: 'OutboxMessage' })) }),
        },
      },
    },
    ...adminErrors,
  },
})

export const queueAdminApi = (ctx: QueueContext, tenants: TenantCache) =>
  createRouter()
    .openapi(listRoute, async (c) => c.json(await ctx.config.get(tenantOf(c.var.site).id), 200))
    .openapi(putQueueRoute, async (c) => {
      await saveQueue(ctx, tenantOf(c.var.site), { ...c.req.valid('json'), id: c.req.valid('param').queueId })
      return c.body(null, 204)
    })
    .openapi(deleteQueueRoute, async (c) => {
      await removeQueue(ctx, tenantOf(c.var.site), c.req.valid('param').queueId)
      return c.body(null, 204)
    })
    .openapi(putCounterRoute, async (c) => {
      await saveCounter(ctx, tenantOf(c.var.site), {
        ...c.req.valid('json'),
        id: c.req.valid('param').counterId,
      })
      return c.body(null, 204)
    })
    .openapi(deleteCounterRoute, async (c) => {
      await removeCounter(ctx, tenantOf(c.var.site), c.req.valid('param').counterId)
      return c.body(null, 204)
    })
    .openapi(scheduleRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      await updateTenantSettings(ctx.deps.db, tenant.id, c.req.valid('json'))
      tenants.forget(tenant.slug)
      return c.body(null, 204)
    })
    .openapi(settingsRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      await updateTenantSettings(ctx.deps.db, tenant.id, { queueSettings: c.req.valid('json') })
      tenants.forget(tenant.slug)
      return c.body(null, 204)
    })
    .openapi(outboxRoute, async (c) =>
      c.json(
        {
          messages: (await listOutbox(ctx.deps.db, tenantOf(c.var.site).id)).map((m) =>
            hideSignInCode(m, c.var.m.ministryConsole.secretLinkHidden),
          ),
        },
        200,
      ),
    )

import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import { ticketChannel } from '@mpp/core/queue'
import { ticketKey } from '@mpp/core/ticket'
import { ticketStatus } from '@mpp/core/ticket-lifecycle'
import type { Context } from 'hono'
import type { AppEnv, Session } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { callNext } from '../queue/call-next'
import { consoleView } from '../queue/console-view'
import { actOnCounterTicket, type CounterAction } from '../queue/counter-actions'
import type { QueueContext } from '../queue/queue-context'
import { createRouter } from '../validation'

const staffOnly = [requireSite('tenant'), requireRole('admin', 'officer')]
const counterParams = z.object({ counterId: entityId })
const staffErrors = {
  401: errorResponse('No session'),
  403: errorResponse('Not staff of this MPP'),
  404: errorResponse('No such counter'),
}

const counterSchema = z
  .object({
    id: z.string(),
    number: z.number(),
    queueIds: z.array(z.string()),
    floor: z.string().optional(),
    active: z.boolean(),
  })
  .meta({ id: 'Counter' })
const queueSummary = z
  .object({
    id: z.string(),
    prefix: z.string(),
    name: z.string(),
    serviceIds: z.array(z.string()),
    floor: z.string().optional(),
  })
  .meta({ id: 'QueueSummary' })

const listCountersRoute = createRoute({
  method: 'get',
  path: '/api/counters',
  operationId: 'listCounters',
  summary: 'The counters of this MPP and the queues they serve',
  tags: ['counter'],
  middleware: staffOnly,
  responses: {
    200: {
      description: 'Counters and queues',
      content: {
        'application/json': {
          schema: z.object({ counters: z.array(counterSchema), queues: z.array(queueSummary) }),
        },
      },
    },
    ...staffErrors,
  },
})

const consoleSchema = z
  .object({
    day: z.string(),
    counter: z.object({ id: z.string(), number: z.number(), queueIds: z.array(z.string()) }),
    callSeq: z.number().int().meta({
      description:
        "The counter's latest call of the day (0 before its first): a live `call` message with this sequence and status is already shown",
    }),
    current: z
      .object({
        ticketKey: z.string(),
        label: z.string(),
        queueId: z.string(),
        serviceId: z.string().optional(),
        serviceName: z.string().optional().meta({ description: "The service's name, for the officer" }),
        priority: z.boolean().meta({
          description:
            'The priority group: a vulnerable citizen (UU 25/2009 art. 29); otherwise the regular line',
        }),
        selfDeclared: z
          .boolean()
          .meta({ description: 'Priority claimed on a phone: confirm it at the counter' }),
        status: z.enum(['called', 'serving']),
        calledAt: z.string(),
      })
      .optional(),
    queues: z.array(
      z.object({
        id: z.string(),
        prefix: z.string(),
        name: z.string(),
        served: z.boolean(),
        waiting: z.number(),
        next: z.array(z.object({ label: z.string(), priority: z.boolean(), channel: ticketChannel })),
      }),
    ),
    held: z.array(z.object({ ticketKey: z.string(), label: z.string(), queueId: z.string() })),
  })
  .meta({ id: 'CounterConsole' })

const consoleRoute = createRoute({
  method: 'get',
  path: '/api/counters/{counterId}/console',
  operationId: 'getCounterConsole',
  summary: "A counter's current ticket, its queues' lines and the tickets on hold",
  tags: ['counter'],
  middleware: staffOnly,
  request: { params: counterParams },
  responses: {
    200: { description: 'The console', content: { 'application/json': { schema: consoleSchema } } },
    ...staffErrors,
  },
})

const calledSchema = z
  .object({
    called: z
      .object({
        ticketKey: z.string(),
        label: z.string(),
        queueId: z.string(),
        counterNumber: z.number(),
        calledAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'CallResult' })

const callNextRoute = createRoute({
  method: 'post',
  path: '/api/counters/{counterId}/call-next',
  operationId: 'callNext',
  summary: 'Call the next ticket to this counter (null when nobody waits), optionally from one of its queues',
  tags: ['counter'],
  middleware: staffOnly,
  request: {
    params: counterParams,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ queueId: entityId.optional() }).strict() } },
    },
  },
  responses: {
    200: {
      description: 'The called ticket, or null',
      content: { 'application/json': { schema: calledSchema } },
    },
    ...staffErrors,
    409: errorResponse('The counter still has a ticket called or in service, or does not serve that queue'),
  },
})

// The key's pattern refuses an empty or malformed key with a 400 before it reaches the table (which refuses empty keys).
const actionBody = z.object({ ticketKey: ticketKey.max(40) }).strict()
const actionResult = z.object({ ticketKey: z.string(), status: ticketStatus }).meta({ id: 'ActionResult' })

const actionRoute = <B extends typeof actionBody>(
  action: CounterAction,
  operationId: string,
  path: string,
  summary: string,
  body: B,
) =>
  createRoute({
    method: 'post',
    path: `/api/counters/{counterId}/${path}`,
    operationId,
    summary,
    tags: ['counter'],
    middleware: staffOnly,
    request: {
      params: counterParams,
      body: { required: true, content: { 'application/json': { schema: body } } },
    },
    responses: {
      200: { description: 'Done', content: { 'application/json': { schema: actionResult } } },
      400: errorResponse('Invalid body'),
      ...staffErrors,
      409: errorResponse(`The counter's ticket cannot ${action} now`),
    },
  })

const actions = [
  ['recall', 'recallTicket', 'recall', 'Call the current ticket again (the board announces it again)'],
  ['start', 'startService', 'start', 'The citizen has come: start serving'],
  ['complete', 'completeTicket', 'complete', 'Service done'],
  ['no_show', 'markNoShow', 'no-show', 'The citizen did not come'],
  ['hold', 'holdTicket', 'hold', 'Put the ticket aside (a missing document); any counter can resume it'],
] as const

const transferRoute = actionRoute(
  'transfer',
  'transferTicket',
  'transfer',
  'Send the ticket to another queue, keeping its original arrival time',
  actionBody.extend({ queueId: entityId }),
)

const staffOf = (c: Context<AppEnv>) => c.var.session as Session

export const counterApi = (queue: QueueContext) => {
  const router = createRouter()
    .openapi(listCountersRoute, async (c) => {
      const config = await queue.config.get(tenantOf(c.var.site).id)
      return c.json(
        {
          counters: config.counters,
          queues: config.queues.map(({ id, prefix, name, serviceIds, floor }) => ({
            id,
            prefix,
            name,
            serviceIds,
            floor,
          })),
        },
        200,
      )
    })
    .openapi(consoleRoute, async (c) =>
      c.json(await consoleView(queue, tenantOf(c.var.site), c.req.valid('param').counterId), 200),
    )
    .openapi(callNextRoute, async (c) => {
      const { queueId } = c.req.valid('json')
      const called = await callNext(
        queue,
        tenantOf(c.var.site),
        c.req.valid('param').counterId,
        staffOf(c).email,
        queueId,
      )
      return c.json(
        {
          called: called
            ? {
                ticketKey: called.marker.ticketKey,
                label: called.marker.label,
                queueId: called.marker.queueId,
                counterNumber: called.counter.number,
                calledAt: called.calledAt,
              }
            : null,
        },
        200,
      )
    })
    .openapi(transferRoute, async (c) => {
      const { ticketKey, queueId } = c.req.valid('json')
      const result = await actOnCounterTicket(queue, tenantOf(c.var.site), {
        counterId: c.req.valid('param').counterId,
        ticketKey,
        action: 'transfer',
        toQueueId: queueId,
        by: staffOf(c).email,
      })
      return c.json(result, 200)
    })
  for (const [action, operationId, path, summary] of actions) {
    router.openapi(actionRoute(action, operationId, path, summary, actionBody), async (c) => {
      const result = await actOnCounterTicket(queue, tenantOf(c.var.site), {
        counterId: c.req.valid('param').counterId,
        ticketKey: c.req.valid('json').ticketKey,
        action,
        by: staffOf(c).email,
      })
      return c.json(result, 200)
    })
  }
  return router
}

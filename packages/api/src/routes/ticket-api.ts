import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import { indonesianMobile } from '@mpp/core/phone'
import { ticketChannel } from '@mpp/core/queue'
import { ticketStatus } from '@mpp/core/ticket-lifecycle'
import { requestHashOf } from '@mpp/db/idempotency'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError, errorResponse, tooManyResponse } from '../errors'
import { publicWriteItems } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { resumeTicket } from '../queue/counter-actions'
import type { QueueContext } from '../queue/queue-context'
import { takeTicket } from '../queue/take-ticket'
import { ticketView } from '../queue/ticket-view'
import { createRouter } from '../validation'

export const takeTicketBody = z
  .object({
    serviceId: entityId,
    /** For the vulnerable groups of UU 25/2009 art. 29: disability, pregnancy, nursing, children, the elderly. */
    priority: z.boolean().default(false),
    phone: indonesianMobile.optional(),
    channel: ticketChannel.exclude(['appointment']).default('online'),
  })
  .strict()
  .meta({ id: 'TakeTicket' })

const issuedTicket = z
  .object({
    key: z.string(),
    label: z.string(),
    status: ticketStatus,
    queueId: z.string(),
    queueName: z.string(),
    serviceId: z.string(),
    priority: z.boolean(),
    channel: ticketChannel,
    issuedAt: z.string(),
    /** The ticket's own page; whoever has this address can follow the ticket. */
    link: z.string(),
  })
  .meta({ id: 'IssuedTicket' })

export const ticketViewSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    status: ticketStatus,
    day: z.string(),
    priority: z.boolean(),
    channel: ticketChannel,
    queue: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
    service: z.object({ id: z.string(), name: z.string() }),
    issuedAt: z.string(),
    calledAt: z.string().optional(),
    counterNumber: z.number().optional(),
    peopleAhead: z.number().optional(),
    estimatedWaitMinutes: z.number().optional(),
  })
  .meta({ id: 'TicketView' })

export const ticketLink = (key: string, secret: string) => `/tiket/${key}/${secret}`

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[\w-]+$/)
    .optional()
    .meta({
      description:
        'The same key with the same body returns the same ticket: a retried press never issues two. The same key with another body is refused (422).',
    }),
})

const takeTicketRoute = createRoute({
  method: 'post',
  path: '/api/tickets',
  operationId: 'takeTicket',
  summary: 'Take a queue ticket for a service (phone; kiosk and officer channels need a staff session)',
  tags: ['queue'],
  middleware: requireSite('tenant'),
  // No session for the online channel; staff of this MPP take kiosk and officer tickets, uncounted by the limits.
  security: [{}, { session: ['admin', 'officer'] }] as Record<string, string[]>[],
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: takeTicketBody } } },
  },
  responses: {
    201: { description: 'Issued', content: { 'application/json': { schema: issuedTicket } } },
    200: {
      description: 'Issued before with this Idempotency-Key',
      content: { 'application/json': { schema: issuedTicket } },
    },
    400: errorResponse('Invalid body'),
    403: errorResponse('Kiosk or officer channel without a staff session'),
    404: errorResponse('Unknown service'),
    409: errorResponse('Closed, quota used up, or no queue for the service'),
    422: errorResponse('The Idempotency-Key came before with another body (idempotency_key_reused)'),
    429: tooManyResponse,
  },
})

const getTicketRoute = createRoute({
  method: 'get',
  path: '/api/tickets/{key}/{secret}',
  operationId: 'getTicket',
  summary: "A ticket's status, people ahead and estimated wait, by its secret link",
  tags: ['queue'],
  middleware: requireSite('tenant'),
  request: { params: z.object({ key: z.string().max(40), secret: z.string().max(64) }) },
  responses: {
    200: { description: 'The ticket', content: { 'application/json': { schema: ticketViewSchema } } },
    404: errorResponse('No such ticket, or a wrong secret'),
  },
})

const resumeRoute = createRoute({
  method: 'post',
  path: '/api/tickets/{key}/resume',
  operationId: 'resumeTicket',
  summary: 'Put a held ticket back in line at its original place',
  tags: ['counter'],
  middleware: [requireSite('tenant'), requireRole('admin', 'officer')] as const,
  request: { params: z.object({ key: z.string().max(40) }) },
  responses: {
    200: {
      description: 'Waiting again',
      content: {
        'application/json': {
          schema: z.object({ ticketKey: z.string(), label: z.string(), status: ticketStatus }),
        },
      },
    },
    401: errorResponse('No session'),
    403: errorResponse('Not staff of this MPP'),
    404: errorResponse('No such ticket today'),
    409: errorResponse('The ticket is not on hold'),
  },
})

/** Issues a ticket for the API or a form; the channel decides whose share of the capacity it uses. */
export const issueFor = async (
  queue: QueueContext,
  c: Context<AppEnv>,
  body: z.output<typeof takeTicketBody>,
  idempotencyKey: string | undefined,
) => {
  const tenant = tenantOf(c.var.site)
  const staff = c.var.session && (c.var.session.role === 'admin' || c.var.session.role === 'officer')
  if (body.channel !== 'online' && !staff) throw new ApiError(403, 'forbidden')
  // The limits ride in the ticket's own transaction: one round trip for the whole issue.
  const limits = publicWriteItems(queue.deps, c, 'ticket')
  const {
    ticket,
    queue: q,
    replayed,
  } = await takeTicket(queue, tenant, {
    ...body,
    ...(idempotencyKey
      ? { idempotency: { key: idempotencyKey, requestHash: requestHashOf('takeTicket', tenant.id, body) } }
      : {}),
    ...(staff ? { by: c.var.session?.email } : {}),
    ...(limits ? { limits } : {}),
  })
  return {
    replayed,
    secret: ticket.secret,
    body: {
      key: ticket.key,
      label: ticket.label,
      status: ticket.status,
      queueId: ticket.queueId,
      queueName: q.name,
      serviceId: ticket.serviceId,
      priority: ticket.priority,
      channel: ticket.channel,
      issuedAt: ticket.issuedAt,
      link: ticketLink(ticket.key, ticket.secret),
    },
  }
}

export const ticketApi = (queue: QueueContext) =>
  createRouter()
    .openapi(takeTicketRoute, async (c) => {
      const issued = await issueFor(queue, c, c.req.valid('json'), c.req.valid('header')['idempotency-key'])
      return c.json(issued.body, issued.replayed ? 200 : 201)
    })
    .openapi(getTicketRoute, async (c) => {
      const { key, secret } = c.req.valid('param')
      c.header('Cache-Control', 'no-store')
      return c.json(await ticketView(queue, tenantOf(c.var.site), key, secret), 200)
    })
    .openapi(resumeRoute, async (c) => {
      const session = c.var.session
      return c.json(
        await resumeTicket(queue, tenantOf(c.var.site), c.req.valid('param').key, session?.email ?? ''),
        200,
      )
    })

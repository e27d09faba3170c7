import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import { ApiError, errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { boardFilterOf, counterTopic, liveAccess, ticketTopic } from '../live/live-access'
import { requireSite, tenantOf } from '../middleware/require-site'
import type { QueueContext } from '../queue/queue-context'
import { createRouter } from '../validation'
import { boardQuery } from './board-api'

const liveTokenQuery = boardQuery.extend({
  ticket: z.string().max(40).optional().meta({
    description: "A ticket's key: follow that ticket (with `secret`, as its page's address carries it)",
  }),
  secret: z.string().max(64).optional().meta({ description: "The ticket's secret, from its link" }),
  counter: entityId
    .optional()
    .meta({ description: "A counter's id: follow its console (a signed-in officer or admin of this MPP)" }),
})

const liveAccessSchema = z
  .object({
    token: z.string().meta({ description: 'Pass it as `?token=` when opening the socket' }),
    expiresAt: z
      .string()
      .meta({ description: 'When the token stops counting for a new connection (15 minutes)' }),
    url: z
      .string()
      .meta({ description: 'The socket to open: `wss://…` in AWS, `ws(s)://{host}/live` locally' }),
  })
  .meta({ id: 'LiveAccess' })

const getLiveTokenRoute = createRoute({
  method: 'get',
  path: '/api/live/token',
  operationId: 'getLiveToken',
  summary:
    "A short-lived token to open the live-updates socket: the board (optionally filtered), one ticket with its secret, or a counter's console",
  tags: ['queue'],
  middleware: requireSite('tenant'),
  // The board and a ticket need no session; a counter's console needs staff of this MPP.
  security: [{}, { session: ['admin', 'officer'] }] as Record<string, string[]>[],
  request: { query: liveTokenQuery },
  responses: {
    200: { description: 'The token', content: { 'application/json': { schema: liveAccessSchema } } },
    400: errorResponse('Invalid query, or a ticket and a counter (or a filter) at once'),
    401: errorResponse('A counter without a session'),
    403: errorResponse('A counter for a session that is not staff of this MPP'),
    404: errorResponse('No such ticket (or a wrong secret), or no such counter'),
    429: tooManyResponse,
  },
})

/** `GET /api/live/token`: what a client asks when its token expired before it could (re)connect. */
export const liveApi = (queue: QueueContext) =>
  createRouter().openapi(getLiveTokenRoute, async (c) => {
    const { floor, queues, ticket, secret, counter } = c.req.valid('query')
    const filtered = floor !== undefined || queues !== undefined
    const asked = [ticket !== undefined || secret !== undefined, counter !== undefined, filtered]
    if (asked.filter(Boolean).length > 1 || (ticket === undefined) !== (secret === undefined))
      throw new ApiError(400, 'invalid_request')
    await countPublicWrite(queue.deps, c, 'liveToken')
    const tenant = tenantOf(c.var.site)
    c.header('Cache-Control', 'no-store')
    if (ticket !== undefined && secret !== undefined) {
      const topic = await ticketTopic(queue, tenant, ticket, secret)
      return c.json(liveAccess(c, queue.deps, tenant, { topics: [topic] }), 200)
    }
    if (counter !== undefined) {
      const { topic, notAfter } = await counterTopic(queue, c, tenant, counter)
      return c.json(liveAccess(c, queue.deps, tenant, { topics: [topic] }, notAfter), 200)
    }
    const board = boardFilterOf({ floor, queueIds: queues })
    return c.json(liveAccess(c, queue.deps, tenant, { topics: ['board'], ...(board && { board }) }), 200)
  })

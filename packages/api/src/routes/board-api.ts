import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { boardView } from '../queue/board-view'
import type { QueueContext } from '../queue/queue-context'
import { createRouter } from '../validation'

export const boardQuery = z
  .object({
    floor: z.string().max(40).optional(),
    /** Comma-separated queue ids. */
    queues: z
      .string()
      .max(400)
      .optional()
      .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
      .pipe(z.array(entityId).max(20).optional())
      .meta({
        description: 'Comma-separated queue ids, at most 20, such as `ktp,kk`; none: every queue',
        pattern: '^,*(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:,+|$)){0,20}$',
      }),
  })
  .strict()

const boardSchema = z
  .object({
    day: z.string(),
    now: z.string(),
    timeZone: z.string(),
    calls: z.array(
      z.object({
        counterNumber: z.number(),
        label: z.string(),
        queueId: z.string(),
        status: z.enum(['called', 'serving', 'idle']),
        calledAt: z.string(),
        callSeq: z.number(),
      }),
    ),
    recentCalls: z
      .array(
        z.object({
          counterNumber: z.number(),
          label: z.string(),
          queueId: z.string(),
          callSeq: z.number(),
          calledAt: z.string(),
        }),
      )
      .meta({
        description:
          "Each counter's last few calls and recalls, oldest first: a board that lost its connection announces those after the highest `callSeq` it saw per counter",
      }),
    queues: z.array(
      z.object({
        id: z.string(),
        prefix: z.string(),
        name: z.string(),
        waiting: z.number(),
        next: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Board' })

const getBoardRoute = createRoute({
  method: 'get',
  path: '/api/board',
  operationId: 'getBoard',
  summary:
    'The display board: latest call per counter (newest first), recent calls, and the next numbers of each queue',
  tags: ['queue'],
  middleware: requireSite('tenant'),
  request: { query: boardQuery },
  responses: {
    200: { description: 'The board', content: { 'application/json': { schema: boardSchema } } },
    400: errorResponse('Invalid filter'),
  },
})

export const boardApi = (queue: QueueContext) =>
  createRouter().openapi(getBoardRoute, async (c) => {
    const { floor, queues } = c.req.valid('query')
    c.header('Cache-Control', 'no-store')
    return c.json(await boardView(queue, tenantOf(c.var.site), { floor, queueIds: queues }), 200)
  })

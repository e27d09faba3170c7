import { createRoute, z } from '@hono/zod-openapi'
import { isoDate } from '@mpp/core/queue'
import type { CitizenSession } from '../app-env'
import { requireCitizen } from '../auth/citizen-session'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import type { QueueContext } from '../queue/queue-context'
import { bookCollection, collectionSlots } from '../service-requests/collection-booking'
import { createRouter } from '../validation'

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const codeParam = z.object({
  code: z.string().min(1).max(20).meta({ description: 'The tracking code, with or without dashes' }),
})
const slotTime = z.string().regex(/^\d{2}:\d{2}$/)
const notFound = errorResponse('No request of this citizen with that code (`service_request_not_found`)')
const notNow = errorResponse(
  'The result is not waiting to be collected (`service_request_step_invalid`), or a time is booked already (`collection_booked`)',
)

const slotsRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'get',
    path: '/api/citizen/service-requests/{code}/collection-slots',
    operationId: 'listCollectionSlots',
    summary:
      "The times on a day the citizen can book to collect their request's result, with the places left",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: codeParam, query: z.object({ date: isoDate }).strict() },
    responses: {
      200: json(z.object({ slots: z.array(z.object({ time: z.string(), left: z.int() })) }), 'The slots'),
      404: notFound,
      409: notNow,
    },
  })

const bookRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests/{code}/collection',
    operationId: 'bookServiceRequestCollection',
    summary:
      'Book the time to collect the result at the counter: an appointment whose code checks in at the kiosk, made with the request’s `book` step',
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: {
      params: codeParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ date: isoDate, time: slotTime }).strict().meta({ id: 'CollectionSlot' }),
          },
        },
      },
    },
    responses: {
      201: json(
        z
          .object({ bookingCode: z.string(), date: z.string(), time: z.string() })
          .meta({ id: 'CollectionBooking' }),
        'Booked',
      ),
      400: errorResponse('Invalid body'),
      404: notFound,
      409: errorResponse(
        'Not waiting to be collected, booked already, or the slot is past, full or not one of the service’s (`slot_unavailable`, `slot_full`, `quota_full`, `booking_blocked`)',
      ),
    },
  })

/** The citizen books when to collect a ready result (issue 14 point 4). */
export const serviceRequestCollectionApi = (queue: QueueContext) => {
  const guard = requireCitizen(queue.deps)
  const citizenOf = (c: { var: { citizen: CitizenSession | undefined } }) =>
    (c.var.citizen as CitizenSession).address
  return createRouter()
    .openapi(slotsRoute(guard), async (c) => {
      const { code } = c.req.valid('param')
      const slots = await collectionSlots(
        queue,
        tenantOf(c.var.site),
        citizenOf(c),
        code,
        c.req.valid('query').date,
      )
      c.header('Cache-Control', 'no-store')
      return c.json({ slots }, 200)
    })
    .openapi(bookRoute(guard), async (c) => {
      const { code } = c.req.valid('param')
      const { booking } = await bookCollection(
        queue,
        tenantOf(c.var.site),
        citizenOf(c),
        code,
        c.req.valid('json'),
      )
      return c.json({ bookingCode: booking.code, date: booking.date, time: booking.time }, 201)
    })
}

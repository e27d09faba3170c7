import { createRoute, z } from '@hono/zod-openapi'
import type { Booking } from '@mpp/core/appointment'
import { bookingCode, bookingStatus } from '@mpp/core/appointment'
import { entityId } from '@mpp/core/catalog'
import { wallTime } from '@mpp/core/mobile-visit'
import { indonesianMobile } from '@mpp/core/phone'
import { maskedPhone, phoneCode } from '@mpp/core/phone-code'
import { isoDate } from '@mpp/core/queue'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import type { Context } from 'hono'
import type { AppEnv, Session } from '../app-env'
import { ApiError, errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { bookAppointment, cancelAppointment, checkIn, getAppointment, listSlots } from '../queue/appointments'
import { sendPhoneCode } from '../queue/phone-proof'
import type { QueueContext } from '../queue/queue-context'
import { createRouter } from '../validation'
import { ticketLink } from './ticket-api'

export const bookingLink = (b: Pick<Booking, 'date' | 'code' | 'secret'>) =>
  `/janji/${b.date}/${b.code}/${b.secret}`

const bookingSchema = z
  .object({
    code: z.string(),
    date: z.string(),
    time: z.string(),
    serviceId: z.string(),
    status: bookingStatus,
    link: z.string(),
    ticketKey: z.string().optional(),
  })
  .meta({ id: 'Appointment' })

const toBody = (b: Booking) => ({
  code: b.code,
  date: b.date,
  time: b.time,
  serviceId: b.serviceId,
  status: b.status,
  link: bookingLink(b),
  ...(b.ticketKey ? { ticketKey: b.ticketKey } : {}),
})

/** What a booking asks for, before the phone's proof. */
export const bookingRequest = z
  .object({
    serviceId: entityId,
    date: isoDate,
    time: wallTime,
    phone: indonesianMobile,
  })
  .strict()

export const bookingBody = bookingRequest
  .extend({
    phoneCode: phoneCode.meta({ description: 'The code sent to `phone` by requestPhoneCode' }),
  })
  .strict()
  .meta({ id: 'BookAppointment' })

const phoneCodeRoute = createRoute({
  method: 'post',
  path: '/api/appointments/phone-codes',
  operationId: 'requestPhoneCode',
  summary: 'Send a phone number the one-time code a booking proves it with (valid 10 minutes, 5 tries)',
  tags: ['appointments'],
  middleware: requireSite('tenant'),
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ phone: indonesianMobile }).strict().meta({ id: 'PhoneCodeRequest' }),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'Sent',
      content: {
        'application/json': { schema: z.object({ sentTo: z.string(), expiresAt: z.iso.datetime() }) },
      },
    },
    400: errorResponse('Invalid body'),
    409: errorResponse('The MPP is not serving citizens online'),
    429: tooManyResponse,
  },
})

const bookingParams = z.object({ date: isoDate, code: bookingCode, secret: z.string().max(64) })

const listSlotsRoute = createRoute({
  method: 'get',
  path: '/api/appointments/slots',
  operationId: 'listSlots',
  summary: 'Free appointment slots of a service on a day',
  tags: ['appointments'],
  middleware: requireSite('tenant'),
  request: { query: z.object({ serviceId: entityId, date: isoDate }).strict() },
  responses: {
    200: {
      description: 'Slots with the places left',
      content: {
        'application/json': {
          schema: z.object({ slots: z.array(z.object({ time: z.string(), left: z.number() })) }),
        },
      },
    },
    400: errorResponse('Invalid query'),
    404: errorResponse('Unknown service'),
  },
})

const bookRoute = createRoute({
  method: 'post',
  path: '/api/appointments',
  operationId: 'bookAppointment',
  summary: 'Book an appointment slot for a phone number',
  tags: ['appointments'],
  middleware: requireSite('tenant'),
  request: { body: { required: true, content: { 'application/json': { schema: bookingBody } } } },
  responses: {
    201: { description: 'Booked', content: { 'application/json': { schema: bookingSchema } } },
    400: errorResponse('Invalid body'),
    404: errorResponse('Unknown service'),
    409: errorResponse(
      'Slot full or unavailable, online quota used up, the number blocked after no-shows, or its code wrong (phone_code_invalid) or void (phone_code_expired)',
    ),
    429: tooManyResponse,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/appointments/{date}/{code}/{secret}',
  operationId: 'getAppointment',
  summary: 'An appointment, by its secret link',
  tags: ['appointments'],
  middleware: requireSite('tenant'),
  request: { params: bookingParams },
  responses: {
    200: { description: 'The appointment', content: { 'application/json': { schema: bookingSchema } } },
    404: errorResponse('No such appointment'),
  },
})

const cancelRoute = createRoute({
  method: 'delete',
  path: '/api/appointments/{date}/{code}/{secret}',
  operationId: 'cancelAppointment',
  summary: 'Cancel an appointment before its slot; its place goes back to others',
  tags: ['appointments'],
  middleware: requireSite('tenant'),
  request: { params: bookingParams },
  responses: {
    200: { description: 'Cancelled', content: { 'application/json': { schema: bookingSchema } } },
    404: errorResponse('No such appointment'),
    409: errorResponse('Not booked any more, or its slot has begun'),
    429: tooManyResponse,
  },
})

const checkInRoute = createRoute({
  method: 'post',
  path: '/api/appointments/check-in',
  operationId: 'checkIn',
  summary: "Check today's appointment in (kiosk or counter): it joins the line at its slot time",
  tags: ['appointments'],
  middleware: [requireSite('tenant'), requireRole('admin', 'officer')],
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ code: bookingCode }).strict() } },
    },
  },
  responses: {
    201: {
      description: 'Checked in; its ticket',
      content: {
        'application/json': {
          schema: z.object({ ticketKey: z.string(), label: z.string(), link: z.string() }),
        },
      },
    },
    400: errorResponse('Invalid body'),
    401: errorResponse('No session'),
    403: errorResponse('Not staff of this MPP'),
    404: errorResponse('No such appointment today'),
    409: errorResponse(
      'Already checked in, too early or too late; `booking_other_day` when the code is booked for another day (its `date`, `time` and whether it is `past` in details)',
    ),
  },
})

/** Sends the code after counting the request against the client's, the MPP's and the number's limits. */
export const requestPhoneCode = async (queue: QueueContext, c: Context<AppEnv>, phone: string) => {
  const tenant = tenantOf(c.var.site)
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  await countPublicWrite(queue.deps, c, 'phoneCode', { key: phone, hits: 3, seconds: 3600 })
  const expiresAt = await sendPhoneCode(queue.deps, tenant, phone)
  return { sentTo: maskedPhone(phone), expiresAt: expiresAt.toISOString() }
}

export const appointmentApi = (queue: QueueContext) =>
  createRouter()
    .openapi(phoneCodeRoute, async (c) =>
      c.json(await requestPhoneCode(queue, c, c.req.valid('json').phone), 202),
    )
    .openapi(listSlotsRoute, async (c) => {
      const { serviceId, date } = c.req.valid('query')
      return c.json({ slots: await listSlots(queue, tenantOf(c.var.site), serviceId, date) }, 200)
    })
    .openapi(bookRoute, async (c) => {
      await countPublicWrite(queue.deps, c, 'booking')
      return c.json(toBody(await bookAppointment(queue, tenantOf(c.var.site), c.req.valid('json'))), 201)
    })
    .openapi(getRoute, async (c) => {
      const { date, code, secret } = c.req.valid('param')
      return c.json(toBody(await getAppointment(queue, tenantOf(c.var.site), date, code, secret)), 200)
    })
    .openapi(cancelRoute, async (c) => {
      await countPublicWrite(queue.deps, c, 'bookingCancel')
      const { date, code, secret } = c.req.valid('param')
      return c.json(toBody(await cancelAppointment(queue, tenantOf(c.var.site), date, code, secret)), 200)
    })
    .openapi(checkInRoute, async (c) => {
      const session = c.var.session as Session
      const { ticket } = await checkIn(queue, tenantOf(c.var.site), c.req.valid('json').code, session.email)
      return c.json(
        { ticketKey: ticket.key, label: ticket.label, link: ticketLink(ticket.key, ticket.secret) },
        201,
      )
    })

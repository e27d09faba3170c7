import { type Booking, bookingCode } from '@mpp/core/appointment'
import type { Agency, Service } from '@mpp/core/catalog'
import { phoneCode } from '@mpp/core/phone-code'
import { isoDate } from '@mpp/core/queue'
import type { Tenant } from '@mpp/core/tenant'
import { getService } from '@mpp/db/catalog-repository'
import { AppointmentForm, AppointmentServiceList } from '@mpp/web/views/appointment-book-view'
import { AppointmentBookingPage } from '@mpp/web/views/appointment-booking-view'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import {
  bookAppointment,
  bookingDates,
  cancelAppointment,
  checkBookable,
  chosenDate,
  getAppointment,
  listSlots,
} from '../queue/appointments'
import { type QueueContext, todayOf } from '../queue/queue-context'
import { bookingLink, bookingRequest, requestPhoneCode } from '../routes/appointment-api'
import { pageContext } from './page-context'
import {
  formString,
  onlineRefusal,
  queuedServiceGroups,
  refusable,
  refusalStatus,
  refusalText,
  serviceOr404,
} from './take-ticket-pages'

interface FormState {
  time?: string
  phone?: string
  /** The number a code went to, masked: the form then asks for the code. */
  codeSentTo?: string
  error?: string
  errorField?: 'phone' | 'time' | 'code'
}

/** The booking's route parameters, or a 404 for anything that cannot be a booking. */
const bookingParams = (c: Context<AppEnv>) => {
  const date = isoDate.safeParse(c.req.param('date'))
  const code = bookingCode.safeParse(c.req.param('code'))
  const secret = c.req.param('secret') ?? ''
  if (!date.success || !code.success || secret.length > 64) throw new ApiError(404, 'booking_not_found')
  return { date: date.data, code: code.data, secret }
}

/** Appointments for citizens: choose a service, a date and a free slot; then the booking's own page. */
export const appointmentPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { config, now } = queue.deps

  /** The bookable dates; a date is open when it still has a slot that has not begun. */
  const formPage = async (
    c: Context<AppEnv>,
    tenant: Tenant,
    found: { service: Service; agency: Agency | undefined },
    wantedDate: string | undefined,
    state: FormState = {},
    status: 200 | 400 | 404 | 409 | 429 = 200,
  ) => {
    const ctx = pageContext(c, config)
    const settings = tenant.queueSettings.appointment
    const common = { ctx, ...found, timeZone: tenant.timeZone, settings }
    c.header('Cache-Control', 'no-store')
    const unavailable = await onlineRefusal(c, queue, tenant, found.service.id)
    if (unavailable) {
      const today = todayOf(tenant, now())
      return c.html(
        <AppointmentForm {...common} dates={[]} date={today} slots={[]} unavailable={unavailable} />,
        status,
      )
    }
    const dates = bookingDates(tenant, now())
    const date = chosenDate(dates, wantedDate)
    const slots = await listSlots(queue, tenant, found.service.id, date)
    return c.html(<AppointmentForm {...common} dates={dates} date={date} slots={slots} {...state} />, status)
  }

  pages.get('/janji', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const serviceId = c.req.query('layanan')
    if (serviceId === undefined) {
      return c.html(
        <AppointmentServiceList
          ctx={pageContext(c, config)}
          groups={await queuedServiceGroups(queue, tenant)}
        />,
      )
    }
    return formPage(c, tenant, await serviceOr404(queue, tenant, serviceId), c.req.query('tanggal'))
  })

  /**
   * Booking takes two sends of one form: the first sends the phone a code, the second books with it. A refusal
   * at either keeps everything typed.
   */
  pages.post('/janji', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const form = await c.req.parseBody()
    const found = await serviceOr404(queue, tenant, formString(form.layanan))
    const date = formString(form.tanggal)
    const time = formString(form.jam)
    const phone = formString(form.telepon).trim()
    const code = formString(form.kode).trim()
    const codeSentTo = formString(form.terkirim) || undefined
    const m = c.var.m
    const again = (
      status: 400 | 404 | 409 | 429,
      error: string,
      errorField?: FormState['errorField'],
      sentTo = codeSentTo,
    ) => formPage(c, tenant, found, date, { time, phone, codeSentTo: sentTo, error, errorField }, status)

    if (!time) return again(400, m.appointments.slotRequired, 'time')
    const body = bookingRequest.safeParse({ serviceId: found.service.id, date, time, phone })
    if (!body.success) {
      const field = body.error.issues[0]?.path[0]
      if (field === 'phone') return again(400, m.appointments.phoneInvalid, 'phone')
      if (field === 'time') return again(400, m.appointments.slotRequired, 'time')
      return again(400, m.errors.slot_unavailable)
    }
    const fieldOf = (error: ApiError): FormState['errorField'] =>
      ['slot_full', 'slot_unavailable'].includes(error.code)
        ? 'time'
        : error.code.startsWith('phone_code')
          ? 'code'
          : error.code === 'booking_blocked' || error.code === 'too_many_requests'
            ? 'phone'
            : undefined
    if (!codeSentTo || form.kirimUlang !== undefined) {
      // Only a booking that could be made gets a code: no message for a full slot or a blocked number.
      const sent = await refusable(async () => {
        await checkBookable(queue, tenant, body.data)
        return requestPhoneCode(queue, c, body.data.phone)
      })
      if ('refused' in sent)
        return again(refusalStatus(sent.refused), refusalText(c, tenant, sent.refused), fieldOf(sent.refused))
      return formPage(c, tenant, found, date, { time, phone, codeSentTo: sent.ok.sentTo })
    }
    const proof = phoneCode.safeParse(code)
    if (!proof.success) return again(400, m.appointments.codeFormat, 'code')
    const result = await refusable(async () => {
      await countPublicWrite(queue.deps, c, 'booking')
      return bookAppointment(queue, tenant, { ...body.data, phoneCode: proof.data })
    })
    if ('refused' in result)
      return again(
        refusalStatus(result.refused),
        refusalText(c, tenant, result.refused),
        fieldOf(result.refused),
      )
    return c.redirect(bookingLink(result.ok), 303)
  })

  const bookingPage = async (
    c: Context<AppEnv>,
    tenant: Tenant,
    booking: Booking,
    error?: string,
    status: 200 | 409 = 200,
  ) => {
    const service = await getService(queue.deps.db, tenant.id, booking.serviceId)
    const link = bookingLink(booking)
    const cancellable = booking.status === 'booked' && new Date(booking.slotAt) > now()
    c.header('Cache-Control', 'no-store')
    return c.html(
      <AppointmentBookingPage
        ctx={pageContext(c, config)}
        booking={booking}
        serviceName={service?.name ?? booking.serviceId}
        timeZone={tenant.timeZone}
        settings={tenant.queueSettings.appointment}
        pageUrl={new URL(link, c.req.url).href}
        cancelAction={cancellable ? `${link}/batal` : undefined}
        error={error}
      />,
      status,
    )
  }

  pages.get('/janji/:date/:code/:secret', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const { date, code, secret } = bookingParams(c)
    return bookingPage(c, tenant, await getAppointment(queue, tenant, date, code, secret))
  })

  pages.post('/janji/:date/:code/:secret/batal', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const { date, code, secret } = bookingParams(c)
    const booking = await getAppointment(queue, tenant, date, code, secret)
    const result = await refusable(async () => {
      await countPublicWrite(queue.deps, c, 'bookingCancel')
      return cancelAppointment(queue, tenant, date, code, secret)
    })
    if ('refused' in result) {
      if (result.refused.status === 404) throw result.refused
      const latest = await getAppointment(queue, tenant, date, code, secret).catch(() => booking)
      const text =
        result.refused.code === 'invalid_transition'
          ? c.var.m.appointments.cannotCancel
          : refusalText(c, tenant, result.refused)
      return bookingPage(c, tenant, latest, text, 409)
    }
    return c.redirect(bookingLink(result.ok), 303)
  })

  return pages
}

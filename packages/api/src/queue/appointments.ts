import { randomInt } from 'node:crypto'
import { type Booking, bookingCodeAlphabet } from '@mpp/core/appointment'
import { bookableDates, checkInState, noShowBlock, slotTimes } from '@mpp/core/appointment-rules'
import { addDays, zonedInstant } from '@mpp/core/business-day'
import { quotaOf } from '@mpp/core/queue'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import {
  bookingStatusUpdate,
  cancelBooking,
  createBooking,
  findBookingsOnDates,
  getBooking,
  markBookingNoShow,
  noShowsOf,
  slotCounts,
} from '@mpp/db/appointment-repository'
import type { DateChoice } from '@mpp/web/components/slot-picker'
import { ApiError } from '../errors'
import { provePhone } from './phone-proof'
import { keepNoShowDays, type QueueContext, scheduleOf, todayOf } from './queue-context'
import { newSecret, sameSecret } from './secret-link'
import { takeTicket } from './take-ticket'

export const newBookingCode = () =>
  Array.from({ length: 6 }, () => bookingCodeAlphabet[randomInt(bookingCodeAlphabet.length)]).join('')

const queueFor = async (ctx: QueueContext, tenant: Tenant, serviceId: string) => {
  const config = await ctx.config.get(tenant.id)
  const queue = config.queues.find((q) => q.serviceIds.includes(serviceId))
  if (!queue) throw new ApiError(404, 'service_not_found')
  return queue
}

/** The slots of a service on a day, with the places left in each; past slots are left out. */
export const listSlots = async (ctx: QueueContext, tenant: Tenant, serviceId: string, date: string) => {
  await queueFor(ctx, tenant, serviceId)
  const settings = tenant.queueSettings.appointment
  const now = ctx.deps.now()
  if (!bookableDates(todayOf(tenant, now), settings.daysAhead).includes(date)) return []
  const booked = await slotCounts(ctx.deps.db, tenant.id, date, serviceId)
  return slotTimes(date, scheduleOf(tenant), settings.slotMinutes)
    .filter((time) => zonedInstant(date, time, tenant.timeZone) > now)
    .map((time) => ({ time, left: Math.max(0, settings.capacityPerSlot - (booked.get(time) ?? 0)) }))
}

/** The days a booking can be made for, each open or not (closed, a holiday, or today once its slots began). */
export const bookingDates = (tenant: Tenant, at: Date): DateChoice[] => {
  const settings = tenant.queueSettings.appointment
  const schedule = scheduleOf(tenant)
  return bookableDates(todayOf(tenant, at), settings.daysAhead).map((date) => ({
    date,
    open: slotTimes(date, schedule, settings.slotMinutes).some(
      (time) => zonedInstant(date, time, tenant.timeZone) > at,
    ),
  }))
}

/** The day asked for when it is open, else the first open one. */
export const chosenDate = (dates: DateChoice[], wanted: string | undefined): string =>
  dates.find((d) => d.date === wanted && d.open)?.date ??
  dates.find((d) => d.open)?.date ??
  (dates[0]?.date as string)

type BookingRequest = { serviceId: string; date: string; time: string; phone: string }

/**
 * Whether a booking could be made now: the slot is one of the service's, ahead, and has a place; the number is
 * not blocked for no-shows. Refusals are thrown. The booking page asks this before it sends the phone a code.
 */
export const checkBookable = async (ctx: QueueContext, tenant: Tenant, input: BookingRequest) => {
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  const queue = await queueFor(ctx, tenant, input.serviceId)
  const settings = tenant.queueSettings.appointment
  const now = ctx.deps.now()
  const slotAt = zonedInstant(input.date, input.time, tenant.timeZone)
  const valid =
    bookableDates(todayOf(tenant, now), settings.daysAhead).includes(input.date) &&
    slotTimes(input.date, scheduleOf(tenant), settings.slotMinutes).includes(input.time) &&
    slotAt > now
  if (!valid) throw new ApiError(409, 'slot_unavailable')
  const block = noShowBlock(await noShowsOf(ctx.deps.db, tenant.id, input.phone), now, settings)
  if (block.blocked) throw new ApiError(409, 'booking_blocked', { until: block.until.toISOString() })
  const booked = (await slotCounts(ctx.deps.db, tenant.id, input.date, input.serviceId)).get(input.time) ?? 0
  if (booked >= settings.capacityPerSlot) throw new ApiError(409, 'slot_full')
  return { queue, settings, now, slotAt }
}

/**
 * Books an appointment for a phone number proven with the code sent to it, so nobody can book (or earn
 * no-shows) in another person's number. Refused as `checkBookable` says, when the code is wrong, when the slot
 * is full, and when the queue's online share of that day is used up.
 */
export const bookAppointment = async (
  ctx: QueueContext,
  tenant: Tenant,
  input: BookingRequest & { phoneCode: string },
): Promise<Booking> => {
  const { db } = ctx.deps
  const { queue, settings, now, slotAt } = await checkBookable(ctx, tenant, input)
  await provePhone(ctx.deps, tenant, input.phone, input.phoneCode)

  for (let tries = 0; tries < 5; tries++) {
    const booking: Booking = {
      code: newBookingCode(),
      date: input.date,
      time: input.time,
      slotAt: slotAt.toISOString(),
      serviceId: input.serviceId,
      queueId: queue.id,
      phone: input.phone,
      status: 'booked',
      secret: newSecret(),
      bookedAt: now.toISOString(),
    }
    const result = await createBooking(db, tenant.id, booking, {
      slotCapacity: settings.capacityPerSlot,
      onlineQuota: quotaOf(queue).online,
    })
    if (result === 'booked') return booking
    if (result === 'slot_full') throw new ApiError(409, 'slot_full')
    if (result === 'quota_full') throw new ApiError(409, 'quota_full', { queueId: queue.id })
  }
  throw new ApiError(503, 'busy')
}

const bookingBySecret = async (
  ctx: QueueContext,
  tenant: Tenant,
  date: string,
  code: string,
  secret: string,
) => {
  const booking = await getBooking(ctx.deps.db, tenant.id, date, code)
  if (!booking || !sameSecret(booking.secret, secret)) throw new ApiError(404, 'booking_not_found')
  return booking
}

export const getAppointment = bookingBySecret

/** Cancels a booking from its secret link, before its slot. */
export const cancelAppointment = async (
  ctx: QueueContext,
  tenant: Tenant,
  date: string,
  code: string,
  secret: string,
) => {
  const booking = await bookingBySecret(ctx, tenant, date, code, secret)
  if (booking.status !== 'booked' || new Date(booking.slotAt) <= ctx.deps.now()) {
    throw new ApiError(409, 'invalid_transition', { status: booking.status })
  }
  if (!(await cancelBooking(ctx.deps.db, tenant.id, booking))) throw new ApiError(409, 'invalid_transition')
  return { ...booking, status: 'cancelled' as const }
}

/**
 * Checks an appointment in at the kiosk or the counter: from `checkInEarlyMinutes` before the slot until
 * `checkInLateMinutes` after it. It then joins the live queue with its slot time as its place in line; later
 * than the window, it is recorded as a no-show.
 */
/** How many past days a code typed too late is still recognised on ("your appointment was on Monday"). */
const pastDaysRecognised = 7

/**
 * The refusal of a code that is not today's: 409 `booking_other_day` with the date of its booking (the next
 * one ahead, else the latest past one) when the code is booked on a day around today, else 404.
 */
const otherDayOrNotFound = async (ctx: QueueContext, tenant: Tenant, today: string, code: string) => {
  const dates = bookableDates(
    addDays(today, -pastDaysRecognised),
    pastDaysRecognised + tenant.queueSettings.appointment.daysAhead,
  )
  const found = (await findBookingsOnDates(ctx.deps.db, tenant.id, dates, code)).filter(
    (b) => b.date !== today && b.status !== 'cancelled',
  )
  const booking = found.find((b) => b.date > today) ?? found.at(-1)
  return booking
    ? new ApiError(409, 'booking_other_day', {
        date: booking.date,
        time: booking.time,
        past: booking.date < today,
      })
    : new ApiError(404, 'booking_not_found')
}

export const checkIn = async (ctx: QueueContext, tenant: Tenant, code: string, by: string) => {
  const { db } = ctx.deps
  const now = ctx.deps.now()
  const today = todayOf(tenant, now)
  const booking = await getBooking(db, tenant.id, today, code)
  if (!booking || booking.status === 'cancelled') throw await otherDayOrNotFound(ctx, tenant, today, code)
  if (booking.status === 'checked_in')
    throw new ApiError(409, 'already_checked_in', { ticketKey: booking.ticketKey })
  if (booking.status === 'no_show') throw new ApiError(409, 'check_in_too_late')
  const settings = tenant.queueSettings.appointment
  const state = checkInState(now, new Date(booking.slotAt), settings)
  if (state === 'too_early') {
    const opensAt = new Date(Date.parse(booking.slotAt) - settings.checkInEarlyMinutes * 60_000)
    throw new ApiError(409, 'check_in_too_early', { opensAt: opensAt.toISOString() })
  }
  if (state === 'too_late') {
    await markBookingNoShow(db, tenant.id, booking, now, keepNoShowDays(tenant))
    throw new ApiError(409, 'check_in_too_late')
  }
  return takeTicket(ctx, tenant, {
    serviceId: booking.serviceId,
    channel: 'appointment',
    priority: false,
    phone: booking.phone,
    by,
    appointment: { code: booking.code, slotAt: booking.slotAt },
    // The booking's move to checked in is written with the ticket, so one check-in makes one ticket.
    also: {
      items: (ticketKey) => [bookingStatusUpdate(db, tenant.id, booking, 'checked_in', ticketKey)],
      refusal: new ApiError(409, 'already_checked_in'),
    },
  })
}

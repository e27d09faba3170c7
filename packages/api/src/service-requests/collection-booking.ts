import type { Booking } from '@mpp/core/appointment'
import { quotaOf } from '@mpp/core/queue'
import type { ServiceRequest } from '@mpp/core/service-request'
import type { Tenant } from '@mpp/core/tenant'
import { createBooking } from '@mpp/db/appointment-repository'
import { serviceRequestWrites } from '@mpp/db/service-request-repository'
import { ApiError } from '../errors'
import { checkBookable, listSlots, newBookingCode } from '../queue/appointments'
import type { QueueContext } from '../queue/queue-context'
import { newSecret } from '../queue/secret-link'
import { ownServiceRequest } from './citizen-service-requests'

/** A result to collect at the counter, not booked yet: the only state a collection slot can be booked in. */
const mustAwaitBooking = (r: ServiceRequest) => {
  if (r.status !== 'ready' || r.result?.kind !== 'collect')
    throw new ApiError(409, 'service_request_step_invalid', { status: r.status })
  if (r.result.bookingCode) throw new ApiError(409, 'collection_booked', { code: r.result.bookingCode })
}

/** The slots of the request's service on `date`, with the places left, for the citizen to pick from. */
export const collectionSlots = async (
  ctx: QueueContext,
  tenant: Tenant,
  citizen: string,
  typedCode: string,
  date: string,
) => {
  const r = await ownServiceRequest(ctx.deps, tenant, citizen, typedCode)
  mustAwaitBooking(r)
  return listSlots(ctx, tenant, r.serviceId, date)
}

/**
 * Books the slot the citizen collects the result in (issue 14 point 4): an appointment of the request's
 * service like any other (its code checks in at the kiosk), made without a phone code because the citizen's
 * session already proves who they are; the booking and the request's `book` step in one transaction, so
 * neither exists without the other. No-shows count against the address they signed in with.
 */
export const bookCollection = async (
  ctx: QueueContext,
  tenant: Tenant,
  citizen: string,
  typedCode: string,
  slot: { date: string; time: string },
): Promise<{ request: ServiceRequest; booking: Booking }> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await ownServiceRequest(ctx.deps, tenant, citizen, typedCode)
    mustAwaitBooking(r)
    const { queue, settings, now, slotAt } = await checkBookable(ctx, tenant, {
      serviceId: r.serviceId,
      date: slot.date,
      time: slot.time,
      phone: citizen,
    })
    const at = now.toISOString()
    const booking: Booking = {
      code: newBookingCode(),
      date: slot.date,
      time: slot.time,
      slotAt: slotAt.toISOString(),
      serviceId: r.serviceId,
      queueId: queue.id,
      phone: citizen,
      status: 'booked',
      secret: newSecret(),
      bookedAt: at,
    }
    const next: ServiceRequest = {
      ...r,
      result: { kind: 'collect', bookingCode: booking.code, slotDate: slot.date, slotTime: slot.time },
      steps: [
        ...r.steps,
        { at, action: 'book', status: r.status, by: 'citizen', note: `${slot.date} ${slot.time}` },
      ],
      updatedAt: at,
      version: r.version + 1,
    }
    const result = await createBooking(
      ctx.deps.db,
      tenant.id,
      booking,
      { slotCapacity: settings.capacityPerSlot, onlineQuota: quotaOf(queue).online },
      serviceRequestWrites(ctx.deps.db, tenant.id, next),
    )
    if (result === 'booked') return { request: next, booking }
    if (result === 'slot_full') throw new ApiError(409, 'slot_full')
    if (result === 'quota_full') throw new ApiError(409, 'quota_full', { queueId: queue.id })
  }
  throw new ApiError(503, 'busy')
}

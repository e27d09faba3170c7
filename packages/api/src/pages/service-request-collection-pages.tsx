import type { Tenant } from '@mpp/core/tenant'
import { CollectionSlotPage } from '@mpp/web/views/service-request-collection-view'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { bookingDates, chosenDate } from '../queue/appointments'
import type { QueueContext } from '../queue/queue-context'
import { ownServiceRequest, serviceRequestLink } from '../service-requests/citizen-service-requests'
import { bookCollection, collectionSlots } from '../service-requests/collection-booking'
import { citizenPageGuard } from './citizen-page-guard'
import { pageContext } from './page-context'
import { formString, refusable } from './take-ticket-pages'

/** The citizen books when to collect a ready result, from their request's page (no script needed). */
export const serviceRequestCollectionPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { signedIn } = citizenPageGuard(queue.deps)

  const render = async (
    c: Context<AppEnv>,
    tenant: Tenant,
    citizen: string,
    wanted: { date?: string; time?: string; error?: string },
    status: 200 | 400 | 409 = 200,
  ) => {
    const code = c.req.param('code') ?? ''
    const request = await ownServiceRequest(queue.deps, tenant, citizen, code)
    const dates = bookingDates(tenant, queue.deps.now())
    const date = chosenDate(dates, wanted.date)
    const slots = await collectionSlots(queue, tenant, citizen, code, date)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <CollectionSlotPage
        ctx={pageContext(c, queue.deps.config)}
        base={serviceRequestLink(request.code)}
        serviceName={request.serviceName}
        timeZone={tenant.timeZone}
        dates={dates}
        date={date}
        slots={slots}
        {...(wanted.time ? { time: wanted.time } : {})}
        {...(wanted.error ? { error: wanted.error } : {})}
      />,
      status,
    )
  }

  pages.get(
    '/warga/permohonan/:code/jadwal',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const date = c.req.query('tanggal')
      return render(c, tenantOf(c.var.site), citizen, date ? { date } : {})
    }),
  )

  pages.post(
    '/warga/permohonan/:code/jadwal',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const tenant = tenantOf(c.var.site)
      const form = await c.req.parseBody()
      const date = formString(form.tanggal)
      const time = formString(form.jam)
      const m = c.var.m
      if (!/^\d{2}:\d{2}$/.test(time))
        return render(c, tenant, citizen, { date, error: m.serviceRequestCollection.chooseTime }, 400)
      const code = c.req.param('code') ?? ''
      const result = await refusable(() => bookCollection(queue, tenant, citizen, code, { date, time }))
      if ('refused' in result) {
        const refused = result.refused
        // A slot taken meanwhile, or the day passed: the same page, the other times to choose from.
        if (
          refused.status !== 409 ||
          refused.code === 'service_request_step_invalid' ||
          refused.code === 'collection_booked'
        )
          throw refused
        return render(c, tenant, citizen, { date, time, error: m.errors[refused.code] }, 409)
      }
      return c.redirect(`${serviceRequestLink(result.ok.request.code)}?terjadwal`, 303)
    }),
  )

  return pages
}

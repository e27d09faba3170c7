import { bookingCode } from '@mpp/core/appointment'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { KioskCheckIn } from '@mpp/web/views/kiosk-check-in'
import { KioskHome } from '@mpp/web/views/kiosk-home'
import { KioskService } from '@mpp/web/views/kiosk-service'
import { KioskTicket } from '@mpp/web/views/kiosk-ticket'
import { type Context, Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Session } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { checkIn } from '../queue/appointments'
import type { QueueContext } from '../queue/queue-context'
import { surveyCodeOf } from '../queue/secret-link'
import { type TicketView, ticketView } from '../queue/ticket-view'
import { issueFor, takeTicketBody, ticketLink } from '../routes/ticket-api'
import { pageContext } from './page-context'
import {
  formString,
  hasQueue,
  isFormKey,
  newFormKey,
  queuedServiceGroups,
  refusable,
  refusalText,
  serviceOr404,
} from './take-ticket-pages'

/** What a printed ticket carries (the kiosk's, and the console's for a walk-in). */
export const printedTicketOf = (view: TicketView, secret: string) => ({
  label: view.label,
  serviceName: view.service.name,
  issuedAt: view.issuedAt,
  priority: view.priority,
  channel: view.channel,
  peopleAhead: view.peopleAhead,
  surveyCode: surveyCodeOf(secret),
})

/** The print screen of a ticket, kept apart from the citizen's ticket page. */
const printLink = (key: string, secret: string) => `/kios/tiket/${key}/${secret}`

/**
 * The touch kiosk in the MPP's hall. A staff member logs the device in once; from then on anyone may take a
 * ticket on it, and the kiosk's tickets draw on the walk-in share of the day.
 */
/** Every kiosk screen: armed by a staff login, never from the cache (the back button must not bring back a screen with an old form key). */
export const kioskScreen = [
  requireSite('tenant'),
  requireRole('admin', 'officer'),
  createMiddleware<AppEnv>(async (c, next) => {
    c.header('Cache-Control', 'no-store')
    await next()
  }),
] as const

export const kioskPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { config } = queue.deps
  pages.use('/kios', ...kioskScreen)
  pages.use('/kios/*', ...kioskScreen)

  pages.get('/kios', async (c) => {
    const tenant = tenantOf(c.var.site)
    return c.html(
      <KioskHome ctx={pageContext(c, config)} groups={await queuedServiceGroups(queue, tenant, 'kiosk')} />,
    )
  })

  const serviceScreen = async (
    c: Context<AppEnv>,
    serviceId: string,
    refusal?: { status: 400 | 404 | 409; error: string },
  ) => {
    const tenant = tenantOf(c.var.site)
    const { service, agency } = await serviceOr404(queue, tenant, serviceId)
    const queued = await hasQueue(queue, tenant, service.id)
    return c.html(
      <KioskService
        ctx={pageContext(c, config)}
        service={service}
        agency={agency}
        keys={{ regular: newFormKey(), priority: newFormKey() }}
        error={refusal?.error}
        unavailable={
          !servesCitizens(tenant.stage)
            ? c.var.m.errors.tenant_unavailable
            : queued
              ? undefined
              : c.var.m.errors.no_queue_for_service
        }
      />,
      refusal?.status ?? 200,
    )
  }

  pages.get('/kios/layanan/:serviceId', (c) => serviceScreen(c, c.req.param('serviceId')))

  pages.post('/kios/tiket', async (c) => {
    const tenant = tenantOf(c.var.site)
    const form = await c.req.parseBody()
    const serviceId = formString(form.layanan)
    const key = formString(form.kunci)
    const { service } = await serviceOr404(queue, tenant, serviceId)
    const body = takeTicketBody.safeParse({
      serviceId: service.id,
      priority: formString(form.prioritas) === 'ya',
      channel: 'kiosk',
    })
    if (!body.success || !isFormKey(key))
      return serviceScreen(c, service.id, { status: 400, error: c.var.m.errors.invalid_request })
    const result = await refusable(() => issueFor(queue, c, body.data, `kios-${key}`))
    if ('refused' in result) {
      const status = result.refused.status === 404 ? 404 : 409
      return serviceScreen(c, service.id, { status, error: refusalText(c, tenant, result.refused) })
    }
    const [ticketKey, secret] = [result.ok.body.key, result.ok.secret]
    return c.redirect(printLink(ticketKey, secret), 303)
  })

  pages.get('/kios/tiket/:key/:secret', async (c) => {
    const tenant = tenantOf(c.var.site)
    const { key, secret } = c.req.param()
    const view = await ticketView(queue, tenant, key, secret)
    return c.html(
      <KioskTicket
        ctx={pageContext(c, config)}
        timeZone={tenant.timeZone}
        ticketUrl={new URL(ticketLink(key, secret), c.req.url).href}
        ticket={printedTicketOf(view, secret)}
      />,
    )
  })

  pages.get('/kios/janji', (c) => c.html(<KioskCheckIn ctx={pageContext(c, config)} />))

  pages.post('/kios/janji', async (c) => {
    const tenant = tenantOf(c.var.site)
    const session = c.var.session as Session
    const form = await c.req.parseBody()
    const typed = formString(form.kode)
    const again = (status: 400 | 404 | 409, error: string) =>
      c.html(<KioskCheckIn ctx={pageContext(c, config)} code={typed} error={error} />, status)
    const code = bookingCode.safeParse(typed.replace(/[\s-]/g, ''))
    if (!code.success) return again(400, c.var.m.kiosk.codeInvalid)
    const result = await refusable(() => checkIn(queue, tenant, code.data, session.email))
    if ('refused' in result) {
      const status = result.refused.status === 404 ? 404 : result.refused.status === 400 ? 400 : 409
      return again(status, refusalText(c, tenant, result.refused))
    }
    const { ticket } = result.ok
    return c.redirect(printLink(ticket.key, ticket.secret), 303)
  })

  return pages
}

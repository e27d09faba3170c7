import { randomBytes } from 'node:crypto'
import { businessDay, localClock } from '@mpp/core/business-day'
import { entityId } from '@mpp/core/catalog'
import { isoDate, offersOnline } from '@mpp/core/queue'
import { openState } from '@mpp/core/schedule'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { getAgency, getCatalog, getService } from '@mpp/db/catalog-repository'
import { formatDate, formatInstant } from '@mpp/web/components/local-time'
import { groupByAgency } from '@mpp/web/components/service-groups'
import {
  type PriorityGroup,
  priorityGroups,
  TakeTicketForm,
  TakeTicketList,
} from '@mpp/web/views/take-ticket-view'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { type QueueContext, scheduleOf } from '../queue/queue-context'
import { issueFor, takeTicketBody } from '../routes/ticket-api'
import { pageContext } from './page-context'

/** A value of a parsed form as a string; a missing or repeated field is empty. */
export const formString = (value: unknown) => (typeof value === 'string' ? value : '')

/** The hidden key of a form, made when it is drawn: posting the same form again gives the same ticket. */
export const newFormKey = () => randomBytes(18).toString('base64url')
export const isFormKey = (value: string) => /^[\w-]{16,64}$/.test(value)

/**
 * The services a channel can take a ticket for now, grouped by agency in catalog order: none while the MPP
 * does not serve citizens (suspended, closed); on the citizen site (`online`) those whose queue has an online
 * share, at the kiosk those with a queue.
 */
export const queuedServiceGroups = async (
  queue: QueueContext,
  tenant: Tenant,
  channel: 'online' | 'kiosk' = 'online',
) => {
  if (!servesCitizens(tenant.stage)) return []
  const [{ agencies, services }, config] = await Promise.all([
    getCatalog(queue.deps.db, tenant.id),
    queue.config.get(tenant.id),
  ])
  const offered = (id: string) =>
    channel === 'online'
      ? offersOnline(config.queues, id)
      : config.queues.some((q) => q.serviceIds.includes(id))
  return groupByAgency(
    agencies,
    services.filter((s) => offered(s.id)),
  )
}

/** Whether a service has a queue to take a ticket from. */
export const hasQueue = async (queue: QueueContext, tenant: Tenant, serviceId: string) =>
  (await queue.config.get(tenant.id)).queues.some((q) => q.serviceIds.includes(serviceId))

/**
 * Why the citizen site cannot take a ticket or a booking for a service now, in the page's words, or undefined
 * when it can: the MPP does not serve citizens, the service has no queue, or its queue takes walk-ins only.
 */
export const onlineRefusal = async (
  c: Context<AppEnv>,
  queue: QueueContext,
  tenant: Tenant,
  serviceId: string,
) => {
  const { m } = c.var
  if (!servesCitizens(tenant.stage)) return m.errors.tenant_unavailable
  const { queues } = await queue.config.get(tenant.id)
  if (offersOnline(queues, serviceId)) return undefined
  return queues.some((q) => q.serviceIds.includes(serviceId))
    ? m.takeTicket.walkInOnly
    : m.errors.no_queue_for_service
}

/** A published service of the tenant, or a 404 page. */
export const serviceOr404 = async (queue: QueueContext, tenant: Tenant, id: string) => {
  const parsed = entityId.safeParse(id)
  const service = parsed.success ? await getService(queue.deps.db, tenant.id, parsed.data) : undefined
  if (!service) throw new ApiError(404, 'not_found')
  const agency = await getAgency(queue.deps.db, tenant.id, service.agencyId)
  return { service, agency }
}

/**
 * The catalog message of a refusal, with the detail that helps: when a closed MPP opens again, until when a
 * number is blocked, from when check-in opens.
 */
export const refusalText = (c: Context<AppEnv>, tenant: Tenant, error: ApiError) => {
  const { m, lang } = c.var
  const text = m.errors[error.code]
  const details = (error.details ?? {}) as Record<string, unknown>
  const at = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : undefined)
  const opensAt = at('opensAt')
  const until = at('until')
  if (error.code === 'queue_closed' && opensAt)
    return `${text} ${m.takeTicket.opensAt(formatInstant(opensAt, tenant.timeZone, lang))}`
  if (error.code === 'booking_blocked' && until)
    return `${text} ${m.appointments.blockedUntil(formatDate(businessDay(new Date(until), tenant.timeZone), lang))}`
  if (error.code === 'check_in_too_early' && opensAt)
    return `${text} ${m.kiosk.checkInOpensAt(localClock(new Date(opensAt), tenant.timeZone).time)}`
  if (error.code === 'booking_other_day') {
    const date = isoDate.safeParse(details.date)
    const time = at('time') ?? ''
    if (date.success) {
      const day = formatDate(date.data, lang)
      return details.past === true
        ? m.appointments.otherDayPast(day, time)
        : m.appointments.otherDayAhead(day, time)
    }
  }
  if (error.code === 'too_many_requests' && typeof details.retryAfterSeconds === 'number')
    return m.limits.retryIn(Math.ceil(details.retryAfterSeconds / 60))
  return text
}

/** The status a form answers a refusal with: the refusal's own where a form can show it, else 409. */
export const refusalStatus = (error: ApiError) =>
  error.status === 400 || error.status === 404 || error.status === 429 ? error.status : 409

/** Runs a service call; a refusal the citizen can act on (4xx, not a missing session) comes back as a value. */
export const refusable = async <T,>(task: () => Promise<T>): Promise<{ ok: T } | { refused: ApiError }> => {
  try {
    return { ok: await task() }
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status >= 400 &&
      error.status < 500 &&
      ![401, 403].includes(error.status)
    )
      return { refused: error }
    throw error
  }
}

/** When a closed MPP opens again, as a note above the form; nothing while it is open. */
const closedNote = (c: Context<AppEnv>, queue: QueueContext, tenant: Tenant) => {
  const state = openState(queue.deps.now(), scheduleOf(tenant))
  if (state.open) return undefined
  const { m, lang } = c.var
  return state.opensAt
    ? `${m.errors.queue_closed} ${m.takeTicket.opensAt(formatInstant(state.opensAt.toISOString(), tenant.timeZone, lang))}`
    : m.errors.queue_closed
}

/** Taking a ticket on a phone: choose a service, answer the priority question, get the ticket's link. */
export const takeTicketPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  const { config } = queue.deps

  pages.get('/ambil', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const ctx = pageContext(c, config)
    const serviceId = c.req.query('layanan')
    if (serviceId === undefined) {
      return c.html(<TakeTicketList ctx={ctx} groups={await queuedServiceGroups(queue, tenant)} />)
    }
    const { service, agency } = await serviceOr404(queue, tenant, serviceId)
    const unavailable = await onlineRefusal(c, queue, tenant, service.id)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <TakeTicketForm
        ctx={ctx}
        service={service}
        agency={agency}
        formKey={newFormKey()}
        closedNote={unavailable ? undefined : closedNote(c, queue, tenant)}
        unavailable={unavailable}
      />,
    )
  })

  pages.post('/ambil', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const form = await c.req.parseBody()
    const { service, agency } = await serviceOr404(queue, tenant, formString(form.layanan))
    const typed = formString(form.prioritas)
    const priority: PriorityGroup = priorityGroups.includes(typed as PriorityGroup)
      ? (typed as PriorityGroup)
      : 'tidak'
    const phone = formString(form.telepon).trim()
    const key = formString(form.kunci)
    const m = c.var.m

    const again = (status: 400 | 404 | 409 | 429, error: string, errorField?: 'phone', formKey = key) => {
      c.header('Cache-Control', 'no-store')
      return c.html(
        <TakeTicketForm
          ctx={pageContext(c, config)}
          service={service}
          agency={agency}
          formKey={formKey}
          priority={priority}
          phone={phone}
          error={error}
          errorField={errorField}
        />,
        status,
      )
    }

    if (!isFormKey(key)) return again(400, m.errors.invalid_request, undefined, newFormKey())
    const body = takeTicketBody.safeParse({
      serviceId: service.id,
      priority: priority !== 'tidak',
      ...(phone ? { phone } : {}),
      channel: 'online',
    })
    if (!body.success) {
      const aboutPhone = body.error.issues.some((i) => i.path[0] === 'phone')
      return again(
        400,
        aboutPhone ? m.takeTicket.phoneInvalid : m.errors.invalid_request,
        aboutPhone ? 'phone' : undefined,
      )
    }
    const result = await refusable(() => issueFor(queue, c, body.data, `ambil-${key}`))
    if ('refused' in result) {
      // This form's key went with other answers before (back after taking a ticket): a new key makes a new request.
      const formKey = result.refused.code === 'idempotency_key_reused' ? newFormKey() : key
      return again(refusalStatus(result.refused), refusalText(c, tenant, result.refused), undefined, formKey)
    }
    return c.redirect(result.ok.body.link, 303)
  })

  return pages
}

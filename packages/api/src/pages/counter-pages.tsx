import { bookingCode } from '@mpp/core/appointment'
import { entityId } from '@mpp/core/catalog'
import type { Tenant } from '@mpp/core/tenant'
import { ticketKey } from '@mpp/core/ticket'
import { getTicket } from '@mpp/db/ticket-repository'
import type { ErrorCode } from '@mpp/web/i18n/error-codes'
import { CounterConsolePage } from '@mpp/web/views/counter-console-view'
import { CounterPickPage } from '@mpp/web/views/counter-pick-view'
import { CounterTicketPrint } from '@mpp/web/views/counter-ticket-print'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv, Session } from '../app-env'
import { ApiError } from '../errors'
import { liveAccess } from '../live/live-access'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { checkIn } from '../queue/appointments'
import { callNext } from '../queue/call-next'
import { consoleView } from '../queue/console-view'
import { actOnCounterTicket, resumeTicket } from '../queue/counter-actions'
import { findCounter, type QueueContext } from '../queue/queue-context'
import { takeTicket } from '../queue/take-ticket'
import { ticketView } from '../queue/ticket-view'
import { ticketLink } from '../routes/ticket-api'
import { printedTicketOf } from './kiosk-pages'
import { pageContext } from './page-context'
import { refusalText } from './take-ticket-pages'

const doneKinds = [
  'called',
  'empty',
  'recall',
  'start',
  'complete',
  'no_show',
  'hold',
  'transfer',
  'resume',
  'issued',
  'checkedIn',
] as const
type Done = (typeof doneKinds)[number]

const actionForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('call'), queueId: entityId.optional() }),
  z.object({
    action: z.enum(['recall', 'start', 'complete', 'no_show', 'hold']),
    ticketKey: z.string().max(40),
  }),
  z.object({ action: z.literal('transfer'), ticketKey: z.string().max(40), queueId: entityId }),
  z.object({ action: z.literal('resume'), ticketKey: z.string().max(40) }),
  z.object({ action: z.literal('issue'), serviceId: entityId, priority: z.literal('yes').optional() }),
  z.object({ action: z.literal('check_in'), code: bookingCode }),
])

const printPath = (counterId: string, key: string) => `/staf/loket/${counterId}/tiket/${key}`

/** A refusal named by the console's query, with the day of a code booked for another day. */
const checkInRefusal = (c: Context<AppEnv>, tenant: Tenant, code: ErrorCode) =>
  refusalText(
    c,
    tenant,
    new ApiError(409, code, {
      date: c.req.query('tanggal'),
      time: c.req.query('jam')?.slice(0, 5),
      past: c.req.query('lalu') === '1',
    }),
  )

/** The officer's console as plain forms (post, then back to the console), with keyboard shortcuts on top. */
export const counterPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()
  pages.use('/staf/loket', requireSite('tenant'), requireRole('admin', 'officer'))
  pages.use('/staf/loket/*', requireSite('tenant'), requireRole('admin', 'officer'))

  pages.get('/staf/loket', async (c) => {
    const config = await queue.config.get(tenantOf(c.var.site).id)
    return c.html(<CounterPickPage ctx={pageContext(c, queue.deps.config)} {...config} />)
  })

  const render = async (c: Context<AppEnv>, counterId: string) => {
    const tenant = tenantOf(c.var.site)
    const [data, catalog] = await Promise.all([
      consoleView(queue, tenant, counterId),
      queue.catalog.get(tenant.id),
    ])
    const m = c.var.m
    const ok = c.req.query('ok') as Done | undefined
    const error = c.req.query('error')
    const label = c.req.query('label') ?? ''
    // After a walk-in ticket is issued (or an appointment checked in), the console offers its print page.
    const printed = c.req.query('cetak')
    const printHref =
      (ok === 'issued' || ok === 'checkedIn') && printed && ticketKey.safeParse(printed).success
        ? printPath(counterId, printed)
        : undefined
    const notice =
      ok && doneKinds.includes(ok)
        ? {
            kind: 'ok' as const,
            text: ok === 'empty' ? m.console.done.empty : m.console.done[ok](label),
            label,
          }
        : error && error in m.errors
          ? { kind: 'error' as const, text: checkInRefusal(c, tenant, error as ErrorCode) }
          : undefined
    c.header('Cache-Control', 'no-store')
    return c.html(
      <CounterConsolePage
        ctx={pageContext(c, queue.deps.config)}
        data={data}
        timeZone={tenant.timeZone}
        services={catalog.services}
        agencies={catalog.agencies}
        notice={notice}
        printHref={printHref}
        typedCode={bookingCode.safeParse(c.req.query('kode')).data}
        // Staff of this MPP only (the routes' middleware) at an active counter (consoleView): never past the session.
        live={liveAccess(
          c,
          queue.deps,
          tenant,
          { topics: [`counter:${data.counter.id}`] },
          c.var.session?.expiresAt,
        )}
      />,
    )
  }

  pages.get('/staf/loket/:counterId', (c) => render(c, c.req.param('counterId')))

  // A ticket of this MPP (the host's tenant), printed as the kiosk prints it; any officer may print any.
  pages.get('/staf/loket/:counterId/tiket/:ticketKey', async (c) => {
    const tenant = tenantOf(c.var.site)
    const { counterId, ticketKey: key } = c.req.param()
    findCounter(await queue.config.get(tenant.id), counterId)
    const ticket = ticketKey.safeParse(key).success
      ? await getTicket(queue.deps.db, tenant.id, key)
      : undefined
    if (!ticket) throw new ApiError(404, 'ticket_not_found')
    const view = await ticketView(queue, tenant, ticket.key, ticket.secret)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <CounterTicketPrint
        ctx={pageContext(c, queue.deps.config)}
        ticket={printedTicketOf(view, ticket.secret)}
        timeZone={tenant.timeZone}
        ticketUrl={new URL(ticketLink(ticket.key, ticket.secret), c.req.url).href}
        consoleHref={`/staf/loket/${counterId}`}
      />,
    )
  })

  pages.post('/staf/loket/:counterId/aksi', async (c) => {
    const tenant = tenantOf(c.var.site)
    const counterId = c.req.param('counterId')
    const by = (c.var.session as Session).email
    const back = (query: Record<string, string>) =>
      c.redirect(`/staf/loket/${counterId}?${new URLSearchParams(query)}`, 303)
    const form = actionForm.safeParse(await c.req.parseBody())
    if (!form.success) return back({ error: 'invalid_request' })
    const input = form.data
    try {
      switch (input.action) {
        case 'call': {
          const called = await callNext(queue, tenant, counterId, by, input.queueId)
          return back(called ? { ok: 'called', label: called.marker.label } : { ok: 'empty' })
        }
        case 'transfer':
        case 'recall':
        case 'start':
        case 'complete':
        case 'no_show':
        case 'hold': {
          const { ticketKey, action } = input
          const label = (await consoleView(queue, tenant, counterId)).current?.label ?? ''
          await actOnCounterTicket(queue, tenant, {
            counterId,
            ticketKey,
            action,
            by,
            ...(input.action === 'transfer' ? { toQueueId: input.queueId } : {}),
          })
          return back({ ok: action, label })
        }
        case 'resume': {
          const { label } = await resumeTicket(queue, tenant, input.ticketKey, by)
          return back({ ok: 'resume', label })
        }
        case 'issue': {
          const { ticket } = await takeTicket(queue, tenant, {
            serviceId: input.serviceId,
            channel: 'officer',
            priority: input.priority === 'yes',
            by,
          })
          return back({ ok: 'issued', label: ticket.label, cetak: ticket.key })
        }
        case 'check_in': {
          const { ticket } = await checkIn(queue, tenant, input.code, by)
          return back({ ok: 'checkedIn', label: ticket.label, cetak: ticket.key })
        }
      }
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || error.code === 'counter_not_found')
        throw error
      if (input.action === 'check_in') {
        // Back to the console's own address with the code kept, and the day of a code of another day.
        const { date, time, past } = (error.details ?? {}) as Record<string, unknown>
        return back({
          error: error.code,
          kode: input.code,
          ...(typeof date === 'string' && typeof time === 'string'
            ? { tanggal: date, jam: time, ...(past === true ? { lalu: '1' } : {}) }
            : {}),
        })
      }
      return back({ error: error.code })
    }
  })

  return pages
}

import { entityId } from '@mpp/core/catalog'
import { parseDayHours, type WeeklyHours, weekdays, weeklyHours } from '@mpp/core/opening-hours'
import { counter, holiday, queue as queueSchema, queueSettings } from '@mpp/core/queue'
import { getCatalog } from '@mpp/db/catalog-repository'
import { listOutbox } from '@mpp/db/outbox-repository'
import { updateTenantSettings } from '@mpp/db/tenant-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import { QueueAdminPage, type Refusal } from '@mpp/web/views/queue-admin-view'
import { type Context, Hono } from 'hono'
import { removeCounter, removeQueue, saveCounter, saveQueue } from '../admin/queue-config'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { hideSignInCode } from '../mail/secret-links'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { QueueContext } from '../queue/queue-context'
import type { TenantCache } from '../tenant-cache'
import { refusalMessage } from './admin-refusal'
import { pageContext } from './page-context'

type FormValues = Record<string, string | string[]>

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '')
const optional = (v: string | string[] | undefined) => text(v) || undefined

/** Field labels for refusal messages, so the admin reads "Huruf antrean: ..." rather than a property path. */
const labelsOf = (m: Messages): Record<string, string> => {
  const t = m.queueAdmin
  return {
    id: t.id,
    prefix: t.prefix,
    name: t.name,
    serviceIds: t.services,
    dailyCapacity: t.capacity,
    onlineSharePercent: t.onlineShare,
    floor: t.floor,
    number: t.number,
    queueIds: t.queues,
    hours: t.schedule,
    holidays: t.holidays,
    priorityRatio: t.priorityRatio,
    'appointment.slotMinutes': t.slotMinutes,
    'appointment.capacityPerSlot': t.capacityPerSlot,
    'appointment.daysAhead': t.daysAhead,
    'appointment.checkInEarlyMinutes': t.checkInEarly,
    'appointment.checkInLateMinutes': t.checkInLate,
    'appointment.maxNoShows': t.maxNoShows,
    'appointment.noShowWindowDays': t.noShowWindow,
    'appointment.blockDays': t.blockDays,
  }
}

/** The queue set-up page of a tenant admin; every form posts back here and returns with the outcome. */
export const queueAdminPages = (queue: QueueContext, tenants: TenantCache) => {
  const pages = new Hono<AppEnv>()
  pages.use('/admin/antrean', requireSite('tenant'), requireRole('admin'))
  pages.use('/admin/antrean/*', requireSite('tenant'), requireRole('admin'))

  const render = async (c: Context<AppEnv>, refusal?: Refusal & { status: 400 | 404 | 409 }) => {
    const tenant = tenantOf(c.var.site)
    const [config, catalog, outbox] = await Promise.all([
      queue.config.get(tenant.id),
      getCatalog(queue.deps.db, tenant.id),
      listOutbox(queue.deps.db, tenant.id, 50),
    ])
    c.header('Cache-Control', 'no-store')
    return c.html(
      <QueueAdminPage
        ctx={pageContext(c, queue.deps.config)}
        queues={config.queues}
        counters={config.counters}
        agencies={catalog.agencies}
        services={catalog.services}
        openingHours={tenant.openingHours}
        holidays={tenant.holidays}
        settings={tenant.queueSettings}
        outbox={outbox.map((m) => hideSignInCode(m, c.var.m.ministryConsole.secretLinkHidden))}
        timeZone={tenant.timeZone}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  /** Runs a save; a refusal re-renders the page with the form's message and values, anything else redirects. */
  const handle = async (
    c: Context<AppEnv>,
    form: string,
    values: FormValues,
    save: () => Promise<unknown>,
  ) => {
    try {
      await save()
      return c.redirect('/admin/antrean?tersimpan', 303)
    } catch (error) {
      const refusal = refusalMessage(error, c, labelsOf(c.var.m))
      if (!refusal) throw error
      const status = refusal.status === 404 || refusal.status === 409 ? refusal.status : 400
      return render(c, { ...refusal, status, form, values })
    }
  }

  pages.get('/admin/antrean', (c) => render(c))

  pages.post('/admin/antrean/antrean', async (c) => {
    const values = (await c.req.parseBody({ all: true })) as FormValues
    const id = text(values.id)
    const form =
      values.id && (await queue.config.get(tenantOf(c.var.site).id)).queues.some((q) => q.id === id)
        ? `queue:${id}`
        : 'queue:new'
    return handle(c, form, values, () =>
      saveQueue(
        queue,
        tenantOf(c.var.site),
        queueSchema.parse({
          id,
          prefix: text(values.prefix).toUpperCase(),
          name: text(values.name),
          serviceIds: list(values.serviceIds),
          dailyCapacity: Number(text(values.dailyCapacity)),
          onlineSharePercent: Number(text(values.onlineSharePercent)),
          floor: optional(values.floor),
        }),
      ),
    )
  })

  pages.post('/admin/antrean/antrean/:id/hapus', async (c) => {
    const id = entityId.safeParse(c.req.param('id'))
    return handle(c, `queue:${c.req.param('id')}`, {}, () =>
      removeQueue(queue, tenantOf(c.var.site), id.success ? id.data : ''),
    )
  })

  pages.post('/admin/antrean/loket', async (c) => {
    const values = (await c.req.parseBody({ all: true })) as FormValues
    const id = text(values.id)
    const form = (await queue.config.get(tenantOf(c.var.site).id)).counters.some((k) => k.id === id)
      ? `counter:${id}`
      : 'counter:new'
    return handle(c, form, values, () =>
      saveCounter(
        queue,
        tenantOf(c.var.site),
        counter.parse({
          id,
          number: Number(text(values.number)),
          queueIds: list(values.queueIds),
          floor: optional(values.floor),
          active: text(values.active) === 'yes',
        }),
      ),
    )
  })

  pages.post('/admin/antrean/loket/:id/hapus', async (c) =>
    handle(c, `counter:${c.req.param('id')}`, {}, () =>
      removeCounter(queue, tenantOf(c.var.site), c.req.param('id')),
    ),
  )

  pages.post('/admin/antrean/jadwal', async (c) => {
    const values = (await c.req.parseBody({ all: true })) as FormValues
    const m = c.var.m
    return handle(c, 'schedule', values, async () => {
      const days = Object.fromEntries(weekdays.map((d) => [d, parseDayHours(text(values[d]))]))
      if (Object.values(days).some((d) => d === undefined))
        throw new ApiError(400, 'invalid_request', [{ path: 'hours', message: m.queueAdmin.invalidHours }])
      const lines = text(values.holidays)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
      const holidays = lines.map((line) => {
        const [date, ...name] = line.split(/\s+/)
        return holiday.safeParse({ date, name: name.join(' ') })
      })
      if (holidays.some((h) => !h.success))
        throw new ApiError(400, 'invalid_request', [
          { path: 'holidays', message: m.queueAdmin.invalidHolidays },
        ])
      const tenant = tenantOf(c.var.site)
      await updateTenantSettings(queue.deps.db, tenant.id, {
        openingHours: weeklyHours.parse(days) as WeeklyHours,
        holidays: holidays.flatMap((h) => (h.success ? [h.data] : [])),
      })
      tenants.forget(tenant.slug)
    })
  })

  pages.post('/admin/antrean/aturan', async (c) => {
    const values = (await c.req.parseBody({ all: true })) as FormValues
    const num = (name: string) => Number(text(values[name]))
    return handle(c, 'settings', values, async () => {
      const tenant = tenantOf(c.var.site)
      const settings = queueSettings.parse({
        priorityRatio: num('priorityRatio'),
        appointment: {
          slotMinutes: num('slotMinutes'),
          capacityPerSlot: num('capacityPerSlot'),
          daysAhead: num('daysAhead'),
          checkInEarlyMinutes: num('checkInEarlyMinutes'),
          checkInLateMinutes: num('checkInLateMinutes'),
          maxNoShows: num('maxNoShows'),
          noShowWindowDays: num('noShowWindowDays'),
          blockDays: num('blockDays'),
        },
      })
      await updateTenantSettings(queue.deps.db, tenant.id, { queueSettings: settings })
      tenants.forget(tenant.slug)
    })
  })

  return pages
}

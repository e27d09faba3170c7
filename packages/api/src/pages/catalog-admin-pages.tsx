import { type Agency, entityId, internalComponents, service as serviceSchema } from '@mpp/core/catalog'
import { mobileVisitInput } from '@mpp/core/mobile-visit'
import { getAdminCatalog } from '@mpp/db/catalog-admin-repository'
import { getCatalog } from '@mpp/db/catalog-repository'
import { listUpcomingVisits } from '@mpp/db/mobile-visit-repository'
import { listOnlineServiceIds } from '@mpp/db/service-online-form-repository'
import type { FormRefusal } from '@mpp/web/components/admin-form'
import type { Messages } from '@mpp/web/i18n/messages'
import { AgencyAdminPage, CatalogAdminPage, ServiceAdminPage } from '@mpp/web/views/catalog-admin-view'
import { CatalogImportPage, CatalogImportPreviewPage } from '@mpp/web/views/catalog-import-view'
import { FacilitiesAdminPage } from '@mpp/web/views/facilities-admin-view'
import { MobileAdminPage } from '@mpp/web/views/mobile-admin-view'
import { type Context, Hono } from 'hono'
import {
  agencyInput,
  agencyUpdate,
  createAgency,
  createMobileVisit,
  createService,
  deleteAgency,
  deleteService,
  facilitiesInput,
  removeMobileVisit,
  tenantToday,
  updateAgency,
  updateFacilities,
  updateService,
} from '../admin/catalog-admin'
import { type CsvIssue, csvColumns, requiredColumns } from '../admin/catalog-csv'
import { applyImport, CsvRefusal, ImportStale, normaliseCsv, previewImport } from '../admin/catalog-import'
import type { AppDeps, AppEnv } from '../app-env'
import { decodeCsv } from '../csv'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { TenantCache } from '../tenant-cache'
import { commaList, list, type RefusalStatus, refusalMessage } from './admin-refusal'
import { pageContext } from './page-context'

type FormValues = Record<string, string | string[]>
type Status = RefusalStatus
type PageRefusal = FormRefusal & { status: Status }

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '')
const optional = (v: string | string[] | undefined) => text(v) || undefined
/** A textarea of one item per line. */
const lines = (v: string | string[] | undefined) =>
  text(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
const optionalNumber = (v: string | string[] | undefined) => (text(v) === '' ? undefined : Number(text(v)))

/** Only the text fields of a posted form (a file input is read on its own). */
const formValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(
    Object.entries(body).flatMap(([k, v]): [string, string | string[]][] =>
      typeof v === 'string'
        ? [[k, v]]
        : Array.isArray(v)
          ? [[k, v.filter((x): x is string => typeof x === 'string')]]
          : [],
    ),
  )

/** Field labels for refusal messages, so the admin reads "Nama: ..." rather than a property path. */
const labelsOf = (m: Messages): Record<string, string> => {
  const t = m.catalogAdmin
  return {
    id: t.id,
    name: t.name,
    shortName: t.shortName,
    kind: t.kind,
    counterNumbers: t.counterNumbers,
    description: t.description,
    order: t.order,
    agencyId: t.agency,
    requirements: t.requirements,
    procedure: t.procedure,
    completionTime: t.completionTime,
    fee: t.fee,
    product: t.product,
    complaintChannel: t.complaintChannel,
    keywords: t.keywords,
    ...Object.fromEntries(internalComponents.map((k) => [`internal.${k}`, t.internalFields[k]])),
    date: m.mobileAdmin.date,
    start: m.mobileAdmin.start,
    end: m.mobileAdmin.end,
    place: m.mobileAdmin.place,
    mapUrl: m.mobileAdmin.mapUrl,
    serviceIds: m.mobileAdmin.services,
    facilities: m.facilitiesAdmin.standard,
    otherFacilities: m.facilitiesAdmin.other,
  }
}

/**
 * The tenant admin's catalog pages: agencies and services with their whole standard, the CSV import, the
 * mobile service and the facilities. Plain forms: a refusal re-renders the page with its message and what was
 * typed (400/404/409); a success redirects (303) with `?tersimpan`.
 */
export const catalogAdminPages = (deps: AppDeps, tenants: TenantCache) => {
  const pages = new Hono<AppEnv>()
  const { db } = deps
  for (const path of [
    '/admin/katalog',
    '/admin/katalog/*',
    '/admin/fasilitas',
    '/admin/layanan-bergerak',
    '/admin/layanan-bergerak/*',
  ])
    pages.use(path, requireSite('tenant'), requireRole('admin'))

  const ctx = (c: Context<AppEnv>) => pageContext(c, deps.config)
  const html = (
    c: Context<AppEnv>,
    page: Parameters<Context<AppEnv>['html']>[0],
    status: 200 | Status = 200,
  ) => {
    c.header('Cache-Control', 'no-store')
    return c.html(page, status)
  }

  /** Runs a save: success redirects, a refusal renders `page` with the refusal, anything else is thrown. */
  const handle = async (
    c: Context<AppEnv>,
    form: string,
    values: FormValues,
    save: () => Promise<unknown>,
    page: (refusal: PageRefusal) => Response | Promise<Response>,
    redirect = '/admin/katalog?tersimpan',
  ) => {
    try {
      await save()
      return c.redirect(redirect, 303)
    } catch (error) {
      const refusal = refusalMessage(error, c, labelsOf(c.var.m))
      if (!refusal) throw error
      return page({ form, values, ...refusal })
    }
  }

  // The catalog overview and new agencies.
  const renderCatalog = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenantId = tenantOf(c.var.site).id
    const [{ agencies, services }, online] = await Promise.all([
      getCatalog(db, tenantId),
      listOnlineServiceIds(db, tenantId),
    ])
    return html(
      c,
      <CatalogAdminPage
        ctx={ctx(c)}
        agencies={agencies}
        services={services}
        online={online}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status,
    )
  }

  const agencyFields = (values: FormValues) => ({
    name: text(values.name),
    shortName: optional(values.shortName),
    kind: text(values.kind),
    counterNumbers: optional(values.counterNumbers),
    description: optional(values.description),
    order: optionalNumber(values.order),
  })

  pages.get('/admin/katalog', (c) => renderCatalog(c))

  pages.post('/admin/katalog/instansi', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'agency:new',
      values,
      () =>
        createAgency(
          db,
          tenantOf(c.var.site),
          agencyInput.parse({ ...agencyFields(values), id: optional(values.id) }),
          c.var.m,
        ),
      (refusal) => renderCatalog(c, refusal),
    )
  })

  // One agency.
  const findAgency = async (c: Context<AppEnv>): Promise<{ agency: Agency; services: number }> => {
    const id = entityId.safeParse(c.req.param('id'))
    const catalog = await getCatalog(db, tenantOf(c.var.site).id)
    const agency = id.success ? catalog.agencies.find((a) => a.id === id.data) : undefined
    if (!agency) throw new ApiError(404, 'not_found')
    return { agency, services: catalog.services.filter((s) => s.agencyId === agency.id).length }
  }
  const renderAgency = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const { agency } = await findAgency(c)
    const { services } = await getCatalog(db, tenantOf(c.var.site).id)
    return html(
      c,
      <AgencyAdminPage
        ctx={ctx(c)}
        agency={agency}
        services={services.filter((s) => s.agencyId === agency.id)}
        refusal={refusal}
      />,
      refusal?.status,
    )
  }

  pages.get('/admin/katalog/instansi/:id', (c) => renderAgency(c))

  pages.post('/admin/katalog/instansi/:id', async (c) => {
    const { agency } = await findAgency(c)
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'agency',
      values,
      () => updateAgency(db, tenantOf(c.var.site), agency.id, agencyUpdate.parse(agencyFields(values))),
      (refusal) => renderAgency(c, refusal),
      `/admin/katalog?tersimpan#a-${agency.id}`,
    )
  })

  pages.post('/admin/katalog/instansi/:id/hapus', async (c) => {
    const { agency } = await findAgency(c)
    return handle(
      c,
      'agency:delete',
      {},
      () => deleteAgency(db, tenantOf(c.var.site), agency.id, c.var.m),
      (refusal) => renderAgency(c, refusal),
    )
  })

  // Services: new, edit, remove.
  const renderService = async (c: Context<AppEnv>, serviceId: string | undefined, refusal?: PageRefusal) => {
    const catalog = await getAdminCatalog(db, tenantOf(c.var.site).id)
    const service = serviceId === undefined ? undefined : catalog.services.find((s) => s.id === serviceId)
    if (serviceId !== undefined && !service) throw new ApiError(404, 'not_found')
    return html(
      c,
      <ServiceAdminPage
        ctx={ctx(c)}
        agencies={catalog.agencies}
        service={service}
        agencyId={c.req.query('instansi')}
        refusal={refusal}
      />,
      refusal?.status,
    )
  }
  const serviceFields = (values: FormValues) => {
    const internal = Object.fromEntries(
      internalComponents.flatMap((k) => (text(values[k]) ? [[k, text(values[k])]] : [])),
    )
    return serviceSchema.omit({ id: true }).parse({
      agencyId: text(values.agencyId),
      name: text(values.name),
      requirements: lines(values.requirements),
      procedure: lines(values.procedure),
      completionTime: text(values.completionTime),
      fee: text(values.fee),
      product: text(values.product),
      complaintChannel: optional(values.complaintChannel),
      keywords: commaList(values.keywords),
      internal: Object.keys(internal).length > 0 ? internal : undefined,
    })
  }
  const serviceIdParam = (c: Context<AppEnv>) => {
    const id = entityId.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiError(404, 'not_found')
    return id.data
  }

  pages.get('/admin/katalog/layanan-baru', (c) => renderService(c, undefined))

  pages.post('/admin/katalog/layanan', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'service',
      values,
      async () => {
        const fields = serviceFields(values)
        const id = optional(values.id)
        const created = await createService(db, tenantOf(c.var.site), { ...fields, id }, c.var.m)
        return created
      },
      (refusal) => renderService(c, undefined, refusal),
      `/admin/katalog?tersimpan#a-${encodeURIComponent(text(values.agencyId))}`,
    )
  })

  pages.get('/admin/katalog/layanan/:id', (c) => renderService(c, serviceIdParam(c)))

  pages.post('/admin/katalog/layanan/:id', async (c) => {
    const id = serviceIdParam(c)
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'service',
      values,
      () => updateService(db, tenantOf(c.var.site), id, serviceFields(values), c.var.m),
      (refusal) => renderService(c, id, refusal),
      `/admin/katalog?tersimpan#a-${encodeURIComponent(text(values.agencyId))}`,
    )
  })

  pages.post('/admin/katalog/layanan/:id/hapus', async (c) => {
    const id = serviceIdParam(c)
    return handle(
      c,
      'service:delete',
      {},
      () => deleteService(db, tenantOf(c.var.site), id, c.var.m),
      (refusal) => renderService(c, id, refusal),
    )
  })

  // The CSV import: upload, preview (nothing saved), confirm.
  const renderImport = (c: Context<AppEnv>, refusal?: { issues: CsvIssue[]; csv: string }) => {
    const added = Number(c.req.query('tambah'))
    const changed = Number(c.req.query('ubah'))
    const imported =
      c.req.query('tersimpan') !== undefined && Number.isInteger(added) && Number.isInteger(changed)
        ? { added, changed }
        : undefined
    return html(
      c,
      <CatalogImportPage
        ctx={ctx(c)}
        columns={csvColumns}
        required={requiredColumns}
        imported={imported}
        refusal={refusal}
      />,
      refusal ? 400 : 200,
    )
  }

  /** The preview of `csv`, or its refusal; `stale` when a confirmation found the catalog changed. */
  const renderPreview = async (c: Context<AppEnv>, csv: string, stale = false) => {
    try {
      const preview = await previewImport(deps, tenantOf(c.var.site), csv, c.var.m)
      return html(
        c,
        <CatalogImportPreviewPage
          ctx={ctx(c)}
          entries={preview.entries}
          csv={normaliseCsv(csv)}
          previewToken={preview.previewToken}
          stale={stale}
        />,
        stale ? 409 : 200,
      )
    } catch (error) {
      if (error instanceof CsvRefusal) return renderImport(c, { issues: error.issues, csv })
      throw error
    }
  }

  /** The posted CSV: a chosen file (UTF-8, or Windows-1252 as Excel's plain CSV), else the pasted text. */
  const postedCsv = async (body: Record<string, unknown>) => {
    const file = body.file
    if (file instanceof File && file.size > 0) return decodeCsv(new Uint8Array(await file.arrayBuffer()))
    return typeof body.csv === 'string' ? body.csv : ''
  }

  pages.get('/admin/katalog/impor', (c) => renderImport(c))

  pages.post('/admin/katalog/impor', async (c) => renderPreview(c, await postedCsv(await c.req.parseBody())))

  pages.post('/admin/katalog/impor/konfirmasi', async (c) => {
    const body = await c.req.parseBody()
    const csv = typeof body.csv === 'string' ? body.csv : ''
    const token = typeof body.previewToken === 'string' ? body.previewToken : ''
    try {
      const result = await applyImport(deps, tenantOf(c.var.site), csv, token, c.var.m, (msg, d) =>
        c.var.log.error(msg, d),
      )
      const { added, changed } = result.counts
      return c.redirect(
        `/admin/katalog/impor?tersimpan&tambah=${added.agencies + added.services}&ubah=${changed.agencies + changed.services}`,
        303,
      )
    } catch (error) {
      if (error instanceof CsvRefusal) return renderImport(c, { issues: error.issues, csv })
      // A stale preview, or a token of another CSV: the preview as the catalog is now, to check again.
      if (error instanceof ImportStale || (error instanceof ApiError && error.status === 400))
        return renderPreview(c, csv, error instanceof ImportStale)
      throw error
    }
  })

  // Facilities.
  const renderFacilities = (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    return html(
      c,
      <FacilitiesAdminPage
        ctx={ctx(c)}
        facilities={tenant.facilities}
        otherFacilities={tenant.otherFacilities}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status,
    )
  }

  pages.get('/admin/fasilitas', (c) => renderFacilities(c))

  pages.post('/admin/fasilitas', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'facilities',
      values,
      () =>
        updateFacilities(
          db,
          tenants,
          tenantOf(c.var.site),
          facilitiesInput.parse({
            facilities: list(values.facilities),
            otherFacilities: lines(values.otherFacilities),
          }),
        ),
      (refusal) => renderFacilities(c, refusal),
      '/admin/fasilitas?tersimpan',
    )
  })

  // The mobile service.
  const renderMobile = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    const [catalog, visits] = await Promise.all([
      getCatalog(db, tenant.id),
      listUpcomingVisits(db, tenant.id, tenant.timeZone, deps.now()),
    ])
    return html(
      c,
      <MobileAdminPage
        ctx={ctx(c)}
        visits={visits}
        agencies={catalog.agencies}
        services={catalog.services}
        timeZone={tenant.timeZone}
        today={tenantToday(tenant, deps.now())}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status,
    )
  }

  pages.get('/admin/layanan-bergerak', (c) => renderMobile(c))

  pages.post('/admin/layanan-bergerak', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    const m = c.var.m
    return handle(
      c,
      'visit:new',
      values,
      () => {
        const start = text(values.start)
        const end = text(values.end)
        if (start && end && end <= start)
          throw new ApiError(400, 'invalid_request', [{ path: 'end', message: m.mobileAdmin.endBeforeStart }])
        const input = mobileVisitInput.parse({
          date: text(values.date),
          start,
          end,
          place: text(values.place),
          mapUrl: optional(values.mapUrl),
          serviceIds: list(values.serviceIds),
        })
        return createMobileVisit(db, tenantOf(c.var.site), input, deps.now(), m)
      },
      (refusal) => renderMobile(c, refusal),
      '/admin/layanan-bergerak?tersimpan',
    )
  })

  pages.post('/admin/layanan-bergerak/:id/hapus', async (c) => {
    const id = entityId.safeParse(c.req.param('id'))
    return handle(
      c,
      `visit:${c.req.param('id')}`,
      {},
      () => removeMobileVisit(db, tenantOf(c.var.site), id.success ? id.data : ''),
      (refusal) => renderMobile(c, refusal),
      '/admin/layanan-bergerak?tersimpan',
    )
  })

  return pages
}

import { createRoute, z } from '@hono/zod-openapi'
import { agency, entityId, service } from '@mpp/core/catalog'
import { mobileVisit, mobileVisitInput } from '@mpp/core/mobile-visit'
import { getAdminCatalog } from '@mpp/db/catalog-admin-repository'
import { listMobileVisits as listVisits } from '@mpp/db/mobile-visit-repository'
import {
  agencyInput,
  agencyUpdate,
  createAgency,
  createMobileVisit,
  createService,
  deleteAgency,
  deleteService,
  exportTenantData,
  facilitiesInput,
  removeMobileVisit,
  updateAgency,
  updateFacilities,
  updateService,
} from '../admin/catalog-admin'
import { catalogTemplateCsv, csvColumns } from '../admin/catalog-csv'
import { applyImport, previewImport } from '../admin/catalog-import'
import type { AppDeps } from '../app-env'
import { decodeCsv } from '../csv'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { TenantCache } from '../tenant-cache'
import { createRouter } from '../validation'

const adminOnly = [requireSite('tenant'), requireRole('admin')]
const adminErrors = { 401: errorResponse('No session'), 403: errorResponse('Not an admin of this MPP') }

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, middleware: adminOnly, tags: ['admin'] })

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})

const agencyOut = agency.meta({ id: 'AdminAgency' })
const serviceStandard = service.meta({
  id: 'ServiceStandard',
  description: 'A service with all 14 components of its standard; `internal` is never published',
})
const serviceInput = service
  .omit({ id: true })
  .extend({ id: entityId.optional() })
  .meta({ id: 'ServiceInput', description: 'Without an id, one is made from the name' })
const serviceUpdate = service.omit({ id: true }).meta({ id: 'ServiceUpdate' })
const visitOut = mobileVisit.meta({ id: 'MobileVisit' })
const facilities = facilitiesInput.meta({ id: 'Facilities' })

const agencyParam = z.object({ agencyId: entityId })
const serviceParam = z.object({ serviceId: entityId })
const visitParam = z.object({ visitId: entityId })

const getCatalogRoute = route({
  method: 'get',
  path: '/api/admin/catalog',
  operationId: 'getAdminCatalog',
  summary: 'Agencies and services with every component of their standards, the internal ones included',
  responses: {
    200: json(
      z.object({ agencies: z.array(agencyOut), services: z.array(serviceStandard) }),
      'The full catalog',
    ),
    ...adminErrors,
  },
})

const createAgencyRoute = route({
  method: 'post',
  path: '/api/admin/agencies',
  operationId: 'createAgency',
  summary: 'Add an agency; without an id one is made from the name, without an order it goes last',
  request: { body: body(agencyInput.meta({ id: 'AgencyInput' })) },
  responses: {
    201: json(agencyOut, 'Created'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    409: errorResponse('The id is taken'),
  },
})

const updateAgencyRoute = route({
  method: 'put',
  path: '/api/admin/agencies/{agencyId}',
  operationId: 'updateAgency',
  summary: 'Change an agency; without an order it keeps its place',
  request: { params: agencyParam, body: body(agencyUpdate.meta({ id: 'AgencyUpdate' })) },
  responses: {
    200: json(agencyOut, 'Saved'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    404: errorResponse('No such agency'),
  },
})

const deleteAgencyRoute = route({
  method: 'delete',
  path: '/api/admin/agencies/{agencyId}',
  operationId: 'deleteAgency',
  summary: 'Remove an agency that has no services left',
  request: { params: agencyParam },
  responses: {
    204: { description: 'Removed' },
    400: errorResponse('Invalid id'),
    ...adminErrors,
    404: errorResponse('No such agency'),
    409: errorResponse('It still has services (details.serviceIds)'),
  },
})

const createServiceRoute = route({
  method: 'post',
  path: '/api/admin/services',
  operationId: 'createService',
  summary: 'Add a service with its standard: six published components and eight internal ones',
  request: { body: body(serviceInput) },
  responses: {
    201: json(serviceStandard, 'Created'),
    400: errorResponse('Invalid, or no such agency'),
    ...adminErrors,
    409: errorResponse('The id is taken'),
  },
})

const updateServiceRoute = route({
  method: 'put',
  path: '/api/admin/services/{serviceId}',
  operationId: 'updateService',
  summary: 'Replace a service and its standard (internal components left out are removed)',
  request: { params: serviceParam, body: body(serviceUpdate) },
  responses: {
    200: json(serviceStandard, 'Saved'),
    400: errorResponse('Invalid, or no such agency'),
    ...adminErrors,
    404: errorResponse('No such service'),
  },
})

const deleteServiceRoute = route({
  method: 'delete',
  path: '/api/admin/services/{serviceId}',
  operationId: 'deleteService',
  summary: 'Remove a service that no queue covers',
  request: { params: serviceParam },
  responses: {
    204: { description: 'Removed' },
    400: errorResponse('Invalid id'),
    ...adminErrors,
    404: errorResponse('No such service'),
    409: errorResponse('A queue still covers it (details.queueIds)'),
  },
})

const csvBody = {
  required: false,
  content: {
    'text/csv': { schema: z.string() },
    'application/json': {
      schema: z
        .object({ csv: z.string().min(1) })
        .strict()
        .meta({ id: 'CatalogCsv' }),
    },
  },
}

const counts = z.object({ agencies: z.int(), services: z.int() }).meta({ id: 'CatalogImportCount' })
const importCounts = z
  .object({ added: counts, changed: counts, unchanged: counts })
  .meta({ id: 'CatalogImportCounts', description: 'Agencies and services by what the import does to them' })

const csvFormat = `One row per service with its agency's columns: ${csvColumns.join(', ')}. Comma- or semicolon-separated (detected from the header row), UTF-8 with or without a byte order mark. Requirements and procedure steps are separated by " | ". A row replaces the service with the same id, except for optional columns the header leaves out, which keep what is stored; agency name and kind may be empty for an agency that exists. Rows still marked as the template's examples (an id starting with \`contoh-\`, a name with the word \`CONTOH\`) are refused. Refusals list \`details: [{ line, field, message }]\` with the CSV line and column. See getCatalogTemplate.`

const previewImportRoute = route({
  method: 'post',
  path: '/api/admin/catalog/import/preview',
  operationId: 'previewCatalogImport',
  summary: 'Check a catalog CSV and say what importing it would add, change and leave alone; writes nothing',
  description: `${csvFormat} A valid file answers every agency and service it names with its status and, for a changed one, the columns that change (old and new), plus a \`previewToken\` that importCatalog needs to apply exactly this preview.`,
  request: { body: csvBody },
  responses: {
    200: json(
      z
        .object({
          entries: z.array(
            z
              .object({
                kind: z.enum(['agency', 'service']),
                id: z.string(),
                name: z.string(),
                line: z.int().meta({ description: 'The CSV line it comes from (an agency: its first)' }),
                status: z.enum(['added', 'changed', 'unchanged']),
                changes: z.array(
                  z.object({
                    column: z.enum(csvColumns),
                    before: z.string(),
                    after: z.string(),
                  }),
                ),
              })
              .meta({ id: 'CatalogImportEntry' }),
          ),
          counts: importCounts,
          previewToken: z.string(),
        })
        .meta({ id: 'CatalogImportPreview' }),
      'What the import would do; nothing was written',
    ),
    400: errorResponse('Invalid rows (details: line, field, message)'),
    ...adminErrors,
    413: errorResponse('Over 1 MB'),
  },
})

const importRoute = route({
  method: 'post',
  path: '/api/admin/catalog/import',
  operationId: 'importCatalog',
  summary: 'Apply a previewed catalog import: the same CSV and the token previewCatalogImport gave for it',
  description:
    'Writes the agencies and services of the preview that are still as they were when previewed. One that is already as the file says is left alone, so a retried or resumed request writes nothing twice and answers the same counts; one that someone changed since the preview makes the whole request refused with 409 `import_stale` (details.lines: the CSV lines) and nothing written: preview again.',
  request: {
    body: body(
      z
        .object({ csv: z.string().min(1), previewToken: z.string().min(1) })
        .strict()
        .meta({ id: 'CatalogImportConfirmation' }),
    ),
  },
  responses: {
    200: json(
      z
        .object({
          counts: importCounts,
          written: z.int().meta({ description: 'Agencies and services this request wrote' }),
        })
        .meta({ id: 'CatalogImportResult' }),
      'The preview is applied: its counts, and how many items this request wrote',
    ),
    400: errorResponse(
      'Invalid rows (details: line, field, message), or a previewToken not made for this CSV; nothing written',
    ),
    ...adminErrors,
    409: errorResponse('The catalog changed since the preview (`import_stale`); nothing written'),
    413: errorResponse('Over 1 MB'),
    503: errorResponse('Writing stopped part-way (details: written, total); send the same request again'),
  },
})

const templateRoute = route({
  method: 'get',
  path: '/api/admin/catalog/template.csv',
  operationId: 'getCatalogTemplate',
  summary:
    'The CSV template: the header row and two example rows in Indonesian, marked CONTOH so that they are refused until edited',
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...adminErrors,
  },
})

const exportRoute = route({
  method: 'get',
  path: '/api/admin/export.json',
  operationId: 'exportTenantData',
  summary: "All of the tenant's own data as JSON, for data portability (no password hashes or link secrets)",
  description:
    'Every item of the tenant partition (tenant, logo, catalog with internal components, accounts, queues and counters, mobile service), closed days, the notification outbox, tickets of the last 90 days and appointments from 90 days ago to 60 days ahead, grouped by partition key.',
  responses: {
    200: json(
      z
        .object({
          format: z.string(),
          version: z.int(),
          exportedAt: z.string(),
          tenantId: z.string(),
          slug: z.string(),
          partitions: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
        })
        .meta({ id: 'TenantExport' }),
      'The export, as an attachment',
    ),
    ...adminErrors,
  },
})

const listVisitsRoute = route({
  method: 'get',
  path: '/api/admin/mobile-visits',
  operationId: 'listMobileVisits',
  summary: 'Stops of the mobile service (layanan bergerak), past and upcoming, by date',
  responses: { 200: json(z.object({ visits: z.array(visitOut) }), 'Stops'), ...adminErrors },
})

const createVisitRoute = route({
  method: 'post',
  path: '/api/admin/mobile-visits',
  operationId: 'createMobileVisit',
  summary: "Add a stop: date, start and end (the tenant's local time), place, optional map link, services",
  request: { body: body(mobileVisitInput.meta({ id: 'MobileVisitInput' })) },
  responses: {
    201: json(visitOut, 'Created'),
    400: errorResponse('Invalid, in the past, or unknown services'),
    ...adminErrors,
  },
})

const deleteVisitRoute = route({
  method: 'delete',
  path: '/api/admin/mobile-visits/{visitId}',
  operationId: 'deleteMobileVisit',
  summary: 'Remove a stop',
  request: { params: visitParam },
  responses: {
    204: { description: 'Removed' },
    400: errorResponse('Invalid id'),
    ...adminErrors,
    404: errorResponse('No such stop'),
  },
})

const facilitiesRoute = route({
  method: 'put',
  path: '/api/admin/facilities',
  operationId: 'updateFacilities',
  summary: "The MPP's facilities: the standard list and free text for others",
  request: { body: body(facilities) },
  responses: { 200: json(facilities, 'Saved'), 400: errorResponse('Invalid'), ...adminErrors },
})

/** The tenant admin's catalog, mobile service, facilities and export as JSON. */
export const catalogAdminApi = (deps: AppDeps, tenants: TenantCache) =>
  createRouter()
    .openapi(getCatalogRoute, async (c) =>
      c.json(await getAdminCatalog(deps.db, tenantOf(c.var.site).id), 200),
    )
    .openapi(createAgencyRoute, async (c) =>
      c.json(await createAgency(deps.db, tenantOf(c.var.site), c.req.valid('json'), c.var.m), 201),
    )
    .openapi(updateAgencyRoute, async (c) =>
      c.json(
        await updateAgency(deps.db, tenantOf(c.var.site), c.req.valid('param').agencyId, c.req.valid('json')),
        200,
      ),
    )
    .openapi(deleteAgencyRoute, async (c) => {
      await deleteAgency(deps.db, tenantOf(c.var.site), c.req.valid('param').agencyId, c.var.m)
      return c.body(null, 204)
    })
    .openapi(createServiceRoute, async (c) =>
      c.json(await createService(deps.db, tenantOf(c.var.site), c.req.valid('json'), c.var.m), 201),
    )
    .openapi(updateServiceRoute, async (c) =>
      c.json(
        await updateService(
          deps.db,
          tenantOf(c.var.site),
          c.req.valid('param').serviceId,
          c.req.valid('json'),
          c.var.m,
        ),
        200,
      ),
    )
    .openapi(deleteServiceRoute, async (c) => {
      await deleteService(deps.db, tenantOf(c.var.site), c.req.valid('param').serviceId, c.var.m)
      return c.body(null, 204)
    })
    .openapi(previewImportRoute, async (c) => {
      const sent = /^text\/csv/i.test(c.req.header('content-type') ?? '') ? undefined : c.req.valid('json')
      const csv =
        sent === undefined
          ? decodeCsv(new Uint8Array(await c.req.arrayBuffer()))
          : typeof sent === 'string'
            ? sent
            : sent.csv
      const preview = await previewImport(deps, tenantOf(c.var.site), csv, c.var.m)
      return c.json(preview, 200)
    })
    .openapi(importRoute, async (c) => {
      const { csv, previewToken } = c.req.valid('json')
      const result = await applyImport(deps, tenantOf(c.var.site), csv, previewToken, c.var.m, (msg, d) =>
        c.var.log.error(msg, d),
      )
      return c.json(result, 200)
    })
    .openapi(templateRoute, (c) => {
      c.header('Content-Disposition', 'attachment; filename="templat-katalog-mpp.csv"')
      c.header('Cache-Control', 'no-store')
      return c.body(catalogTemplateCsv(), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    })
    .openapi(exportRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const data = await exportTenantData(deps.db, tenant, deps.now())
      const date = data.exportedAt.slice(0, 10)
      c.header('Content-Disposition', `attachment; filename="mpp-${tenant.slug}-${date}.json"`)
      c.header('Cache-Control', 'no-store')
      return c.json(data, 200)
    })
    .openapi(listVisitsRoute, async (c) =>
      c.json({ visits: await listVisits(deps.db, tenantOf(c.var.site).id) }, 200),
    )
    .openapi(createVisitRoute, async (c) =>
      c.json(
        await createMobileVisit(deps.db, tenantOf(c.var.site), c.req.valid('json'), deps.now(), c.var.m),
        201,
      ),
    )
    .openapi(deleteVisitRoute, async (c) => {
      await removeMobileVisit(deps.db, tenantOf(c.var.site), c.req.valid('param').visitId)
      return c.body(null, 204)
    })
    .openapi(facilitiesRoute, async (c) =>
      c.json(await updateFacilities(deps.db, tenants, tenantOf(c.var.site), c.req.valid('json')), 200),
    )

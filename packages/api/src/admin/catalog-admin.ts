import { randomBytes } from 'node:crypto'
import { businessDay } from '@mpp/core/business-day'
import { type Agency, agency as agencySchema, entityId, type Service } from '@mpp/core/catalog'
import type { MobileVisit, MobileVisitInput } from '@mpp/core/mobile-visit'
import { idFromName } from '@mpp/core/search'
import { type Tenant, tenant as tenantSchema } from '@mpp/core/tenant'
import {
  insertAgency,
  removeAgency,
  removeService,
  replaceAgency,
  writeService,
} from '@mpp/db/catalog-admin-repository'
import { getAgency, getCatalog } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { deleteMobileVisit, putMobileVisit } from '@mpp/db/mobile-visit-repository'
import { getQueueConfig } from '@mpp/db/queue-config-repository'
import { exportTenantItems } from '@mpp/db/tenant-export'
import { updateTenantSettings } from '@mpp/db/tenant-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import { z } from 'zod'
import { ApiError } from '../errors'
import type { TenantCache } from '../tenant-cache'

/**
 * The tenant admin's catalog: agencies, services with their full standard, the CSV import, the mobile
 * service, facilities and the data export. The JSON routes and the admin pages both call these, so a rule
 * holds the same in both; refusals are ApiErrors (4xx) with details naming the field.
 */

/** What `createAgency` takes: the id may be left out (made from the name), the order too (placed last). */
export const agencyInput = agencySchema
  .omit({ id: true, order: true })
  .extend({ id: entityId.optional(), order: agencySchema.shape.order.optional() })
  .strict()
export type AgencyInput = z.infer<typeof agencyInput>

/** What `updateAgency` takes: everything but the id; without an order it keeps its place. */
export const agencyUpdate = agencySchema
  .omit({ id: true, order: true })
  .extend({ order: agencySchema.shape.order.optional() })
  .strict()
export type AgencyUpdate = z.infer<typeof agencyUpdate>

/** An issue with one field, in the shape of validation details. */
export const fieldError = (path: string, message: string) =>
  new ApiError(400, 'invalid_request', [{ path, message }])

/** The id an admin typed, else one made from the name (400 on `id` when the name makes none). */
export const idOrFromName = (id: string | undefined, name: string, m: Messages) => {
  const chosen = id ?? idFromName(name)
  const parsed = entityId.safeParse(chosen)
  if (!parsed.success) throw fieldError('id', m.catalogAdmin.noIdFromName)
  return parsed.data
}

export const createAgency = async (db: Db, tenant: Tenant, input: AgencyInput, m: Messages) => {
  const id = idOrFromName(input.id, input.name, m)
  const order =
    input.order ??
    Math.min(10_000, Math.max(0, ...(await getCatalog(db, tenant.id)).agencies.map((a) => a.order + 10)))
  const agency: Agency = agencySchema.parse({ ...input, id, order })
  if (!(await insertAgency(db, tenant.id, agency)))
    throw new ApiError(409, 'config_conflict', { field: 'id', id, message: m.catalogAdmin.idTaken(id) })
  return agency
}

export const updateAgency = async (
  db: Db,
  tenant: Tenant,
  agencyId: string,
  input: AgencyUpdate,
): Promise<Agency> => {
  const stored = await getAgency(db, tenant.id, agencyId)
  if (!stored) throw new ApiError(404, 'not_found')
  const agency = agencySchema.parse({ ...input, id: agencyId, order: input.order ?? stored.order })
  if (!(await replaceAgency(db, tenant.id, agency))) throw new ApiError(404, 'not_found')
  return agency
}

/** Removes an agency that has no services left (409 naming them otherwise). */
export const deleteAgency = async (db: Db, tenant: Tenant, agencyId: string, m: Messages) => {
  const catalog = await getCatalog(db, tenant.id)
  if (!catalog.agencies.some((a) => a.id === agencyId)) throw new ApiError(404, 'not_found')
  const serviceIds = catalog.services.filter((s) => s.agencyId === agencyId).map((s) => s.id)
  if (serviceIds.length > 0)
    throw new ApiError(409, 'config_conflict', {
      field: 'services',
      serviceIds,
      message: m.catalogAdmin.agencyHasServices(serviceIds.length),
    })
  if (!(await removeAgency(db, tenant.id, agencyId))) throw new ApiError(404, 'not_found')
}

export type ServiceInput = Omit<Service, 'id'> & { id?: string }

export const createService = async (db: Db, tenant: Tenant, input: ServiceInput, m: Messages) => {
  const service: Service = { ...input, id: idOrFromName(input.id, input.name, m) }
  const outcome = await writeService(db, tenant.id, service, 'create')
  if (outcome === 'no_agency') throw fieldError('agencyId', m.catalogAdmin.unknownAgency)
  if (outcome === 'exists')
    throw new ApiError(409, 'config_conflict', {
      field: 'id',
      id: service.id,
      message: m.catalogAdmin.idTaken(service.id),
    })
  return service
}

export const updateService = async (
  db: Db,
  tenant: Tenant,
  serviceId: string,
  input: Omit<Service, 'id'>,
  m: Messages,
) => {
  const service: Service = { ...input, id: serviceId }
  const outcome = await writeService(db, tenant.id, service, 'update')
  if (outcome === 'missing') throw new ApiError(404, 'not_found')
  if (outcome === 'no_agency') throw fieldError('agencyId', m.catalogAdmin.unknownAgency)
  return service
}

/** Removes a service no queue covers (409 naming the queues otherwise: a queue must not point at nothing). */
export const deleteService = async (db: Db, tenant: Tenant, serviceId: string, m: Messages) => {
  const config = await getQueueConfig(db, tenant.id)
  const queues = config.queues.filter((q) => q.serviceIds.includes(serviceId))
  if (queues.length > 0)
    throw new ApiError(409, 'config_conflict', {
      field: 'queues',
      queueIds: queues.map((q) => q.id),
      message: m.catalogAdmin.serviceInQueues(queues.map((q) => `${q.prefix} (${q.name})`).join(', ')),
    })
  if (!(await removeService(db, tenant.id, serviceId))) throw new ApiError(404, 'not_found')
}

/** Today as the tenant's own clock says it. */
export const tenantToday = (tenant: Tenant, now: Date) => businessDay(now, tenant.timeZone)

export const createMobileVisit = async (
  db: Db,
  tenant: Tenant,
  input: MobileVisitInput,
  now: Date,
  m: Messages,
): Promise<MobileVisit> => {
  if (input.date < tenantToday(tenant, now)) throw fieldError('date', m.mobileAdmin.pastDate)
  const { services } = await getCatalog(db, tenant.id)
  const unknown = input.serviceIds.filter((id) => !services.some((s) => s.id === id))
  if (unknown.length > 0)
    throw fieldError('serviceIds', `${m.mobileAdmin.unknownServices} ${unknown.join(', ')}`)
  const visit: MobileVisit = { ...input, id: randomBytes(6).toString('hex') }
  await putMobileVisit(db, tenant.id, visit)
  return visit
}

export const removeMobileVisit = async (db: Db, tenant: Tenant, visitId: string) => {
  if (!(await deleteMobileVisit(db, tenant.id, visitId))) throw new ApiError(404, 'not_found')
}

/** The standard facilities (DOMAIN.md) and free text for the rest. */
export const facilitiesInput = tenantSchema
  .pick({ facilities: true })
  .extend({
    // Trimmed before the length check: what is stored must read back under the tenant schema (min 2), or every
    // later read of the tenant fails.
    otherFacilities: z.array(z.string().trim().min(2).max(80)).max(20),
  })
  .strict()
export type FacilitiesInput = z.infer<typeof facilitiesInput>

/** Saves the facilities shown on the home page; the tenant cache forgets the tenant so they show at once. */
export const updateFacilities = async (
  db: Db,
  tenants: TenantCache,
  tenant: Tenant,
  input: FacilitiesInput,
) => {
  const facilities = [...new Set(input.facilities)]
  const otherFacilities = [...new Set(input.otherFacilities)]
  await updateTenantSettings(db, tenant.id, { facilities, otherFacilities })
  tenants.forget(tenant.slug)
  return { facilities, otherFacilities }
}

/** Everything of the tenant's own partitions (Query only), without secrets, as one JSON document. */
export const exportTenantData = async (db: Db, tenant: Tenant, now: Date) => ({
  format: 'mpp-cloud-tenant-export',
  version: 1,
  exportedAt: now.toISOString(),
  tenantId: tenant.id,
  slug: tenant.slug,
  partitions: await exportTenantItems(db, tenant.id, tenantToday(tenant, now)),
})

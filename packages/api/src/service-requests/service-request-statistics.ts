import { businessDay } from '@mpp/core/business-day'
import { addRollups, type Rollup } from '@mpp/core/rollup'
import type { ServiceRequest } from '@mpp/core/service-request'
import { type ServiceRequestFigures, serviceRequestFigures } from '@mpp/core/stats-summary'
import type { Tenant } from '@mpp/core/tenant'
import type { Catalog } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { type DayRollup, rollupWrites } from '@mpp/db/rollup-repository'
import type { TransactItem } from '@mpp/db/transactions'

/**
 * The roll-up writes of an application's event (its first submission, its result ready, its rejection), for the
 * transaction that records the event: the tenant's business day of `at`, with the request's service and agency
 * (as they were when it was started) beside the totals. Three UpdateItems.
 */
export const serviceRequestRollup = (
  db: Db,
  tenant: Tenant,
  request: Pick<ServiceRequest, 'serviceId' | 'agencyId'>,
  at: Date,
  counters: Partial<Rollup>,
): TransactItem[] =>
  rollupWrites(db, tenant.id, businessDay(at, tenant.timeZone), counters, {
    svc: { [request.serviceId]: counters },
    ag: { [request.agencyId]: counters },
  })

export interface ServiceRequestScope extends ServiceRequestFigures {
  id: string
  name: string
}

const anyApplication = (f: ServiceRequestFigures) =>
  f.serviceRequests + f.serviceRequestsDone + f.serviceRequestsRejected > 0

/**
 * The online applications of a tenant's days (its report): the whole MPP, each agency and each service that had
 * any, by name. An agency or service no longer in the catalog keeps its numbers, under its id.
 */
export const serviceRequestReport = (
  days: readonly DayRollup[],
  catalog: Pick<Catalog, 'agencies' | 'services'>,
) => {
  const scopes = (dimension: 'agencies' | 'services', names: Map<string, string>): ServiceRequestScope[] =>
    [...new Set(days.flatMap((d) => Object.keys(d[dimension])))]
      .map((id) => ({
        id,
        name: names.get(id) ?? id,
        ...serviceRequestFigures(addRollups(...days.map((d) => d[dimension][id] ?? {}))),
      }))
      .filter(anyApplication)
      .sort((a, b) => a.name.localeCompare(b.name, 'id'))
  return {
    overall: serviceRequestFigures(addRollups(...days.map((d) => d.totals))),
    agencies: scopes('agencies', new Map(catalog.agencies.map((a) => [a.id, a.name]))),
    services: scopes('services', new Map(catalog.services.map((s) => [s.id, s.name]))),
  }
}
export type ServiceRequestReport = ReturnType<typeof serviceRequestReport>

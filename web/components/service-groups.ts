import type { Agency, Service } from '@mpp/core/catalog'

/** The services of one agency; pages that list services group them so. */
export interface ServiceGroup {
  agency: Agency
  services: Service[]
}

/** The services of each agency, in catalog order, leaving out agencies with none. */
export const groupByAgency = (agencies: Agency[], services: Service[]): ServiceGroup[] =>
  agencies
    .map((agency) => ({ agency, services: services.filter((s) => s.agencyId === agency.id) }))
    .filter((g) => g.services.length > 0)

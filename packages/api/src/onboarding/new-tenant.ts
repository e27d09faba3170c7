import type { Application } from '@mpp/core/application'
import type { WeeklyHours } from '@mpp/core/opening-hours'
import { defaultQueueSettings } from '@mpp/core/queue'
import { findRegency } from '@mpp/core/regions'
import type { Tenant } from '@mpp/core/tenant'

const office = [{ open: '08:00', close: '15:00' }]

/** Monday to Thursday 08:00-15:00, Friday with the prayer break: the admin changes them on day one. */
export const defaultOpeningHours: WeeklyHours = {
  mon: office,
  tue: office,
  wed: office,
  thu: office,
  fri: [
    { open: '08:00', close: '11:30' },
    { open: '13:00', close: '15:00' },
  ],
  sat: [],
  sun: [],
}

/** The address a new MPP starts with until its admin writes the street: only the regency and province. */
export const placeholderAddress = (t: { regencyName: string; provinceName: string }) =>
  `${t.regencyName}, ${t.provinceName}`

/**
 * The tenant an approved application becomes: in trial, named after its regency, set up with defaults. The
 * applicant's own email stays private: the admin publishes the MPP's contact in its profile.
 */
export const newTenantFromApplication = (a: Application): Tenant => {
  const regency = findRegency(a.regencyCode)
  if (!regency) throw new Error(`approved application for unknown regency ${a.regencyCode}`)
  return {
    id: a.regencyCode,
    slug: a.subdomain,
    name: `Mal Pelayanan Publik ${regency.name}`,
    regencyName: regency.name,
    provinceName: regency.provinceName,
    timeZone: regency.timeZone,
    stage: 'trial',
    address: placeholderAddress({ regencyName: regency.name, provinceName: regency.provinceName }),
    branding: { primary: '#0b4f8a', accent: '#b07d00' },
    facilities: [],
    otherFacilities: [],
    openingHours: defaultOpeningHours,
    holidays: [],
    queueSettings: defaultQueueSettings,
  }
}

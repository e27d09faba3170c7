import { z } from 'zod'
import { emailAddress } from './account'
import { timeZones } from './business-day'
import { rule } from './issue-rules'
import { weeklyHours } from './opening-hours'
import { holiday, isoDate, queueSettings } from './queue'
import { subdomain } from './subdomain'

/** Kemendagri regency code, e.g. `16.73` for Kota Lubuklinggau: the tenant's permanent id. */
export const tenantId = z.string().regex(/^\d{2}\.\d{2}$/, rule('regionCode'))
export type TenantId = z.infer<typeof tenantId>

/** Where a tenant stands in its life on the platform; applications before approval are not tenants yet. */
export const tenantStage = z.enum(['trial', 'live', 'suspended', 'closed'])
export type TenantStage = z.infer<typeof tenantStage>

export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, rule('colour'))

export const facilityKinds = [
  'service_counters',
  'play_area',
  'reading_corner',
  'atm_center',
  'meeting_room',
  'lactation_room',
  'disability_access',
  'cctv',
  'parking',
  'cafeteria',
  'prayer_room',
] as const
export const facilityKind = z.enum(facilityKinds)
export type FacilityKind = z.infer<typeof facilityKind>

export const tenant = z
  .object({
    id: tenantId,
    slug: subdomain,
    /** Official name of the MPP, e.g. "Mal Pelayanan Publik Kota Lubuklinggau". */
    name: z.string().min(3).max(120),
    regencyName: z.string().min(3).max(80),
    provinceName: z.string().min(3).max(80),
    timeZone: z.enum(timeZones),
    stage: tenantStage,
    tagline: z.string().max(160).optional(),
    address: z.string().min(5).max(240),
    mapUrl: z.url().optional(),
    phone: z.string().max(40).optional(),
    email: emailAddress.optional(),
    branding: z.object({ primary: hexColour, accent: hexColour }).strict(),
    facilities: z.array(facilityKind).max(facilityKinds.length),
    otherFacilities: z.array(z.string().min(2).max(80)).max(20),
    openingHours: weeklyHours,
    holidays: z.array(holiday).max(100).default([]),
    /** The peresmian date, once the ministry inaugurated it. */
    inauguratedOn: isoDate.optional(),
    /** Why the ministry suspended it, shown to citizens while it lasts. */
    suspendedReason: z.string().max(500).optional(),
    queueSettings: queueSettings.prefault({}),
    /** Changes with every new logo; the logo's URL carries it, so browsers show a new logo at once. */
    logoVersion: z
      .string()
      .regex(/^[0-9a-z]{1,20}$/)
      .optional(),
  })
  .strict()
export type Tenant = z.infer<typeof tenant>

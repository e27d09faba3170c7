import { z } from 'zod'
import { email } from './account'
import { subdomain } from './subdomain'
import { tenantId } from './tenant'
import { applicationStatus } from './tenant-lifecycle'

/** What a regency sends to join (DOMAIN.md: the proposal to the Minister with its urgency study). */
export const applicationInput = z
  .object({
    regencyCode: tenantId,
    subdomain,
    applicant: z
      .object({
        name: z.string().trim().min(3).max(120),
        position: z.string().trim().min(2).max(120),
        email,
        phone: z.string().trim().min(6).max(40),
      })
      .strict(),
    plannedAgencies: z.string().trim().min(3).max(4000),
    plannedServices: z.string().trim().min(3).max(8000),
    urgencyStudy: z.string().trim().min(50).max(20_000),
    /** The regent's or mayor's commitment statement; must be given. */
    commitment: z.literal(true),
  })
  .strict()
export type ApplicationInput = z.infer<typeof applicationInput>

export const application = applicationInput
  .extend({
    id: z.string(),
    regencyName: z.string(),
    provinceName: z.string(),
    status: applicationStatus,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    verifiedAt: z.iso.datetime().optional(),
    decidedAt: z.iso.datetime().optional(),
    /** The ministry's reason for a rejection or what to revise. */
    decisionNote: z.string().optional(),
    /** The attached PDF of the urgency study, when one was uploaded. */
    urgencyStudyFile: z.object({ key: z.string(), name: z.string(), bytes: z.number() }).strict().optional(),
  })
  .strict()
export type Application = z.infer<typeof application>

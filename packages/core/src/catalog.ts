import { z } from 'zod'

/** A short id made of lowercase letters, digits and hyphens, used in keys and URLs. */
export const entityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and hyphens')

/** The kinds of service providers an MPP hosts (DOMAIN.md, "What an MPP is"). */
export const agencyKind = z.enum(['kementerian_lembaga', 'pemprov', 'opd', 'bumn', 'bumd', 'swasta'])
export type AgencyKind = z.infer<typeof agencyKind>

export const agency = z
  .object({
    id: entityId,
    name: z.string().min(2).max(160),
    shortName: z.string().min(2).max(40).optional(),
    kind: agencyKind,
    /** Position in the catalog, lowest first. */
    order: z.number().int().min(0).max(10_000),
  })
  .strict()
export type Agency = z.infer<typeof agency>

/** A service with the six citizen-facing components of its standard (PermenPANRB 15/2014). */
export const service = z
  .object({
    id: entityId,
    agencyId: entityId,
    name: z.string().min(2).max(160),
    requirements: z.array(z.string().min(1).max(300)).max(40),
    procedure: z.array(z.string().min(1).max(300)).max(30),
    completionTime: z.string().min(1).max(80),
    fee: z.string().min(1).max(120),
    product: z.string().min(1).max(160),
    complaintChannel: z.string().min(1).max(200).optional(),
  })
  .strict()
export type Service = z.infer<typeof service>

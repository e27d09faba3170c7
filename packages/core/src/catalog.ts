import { z } from 'zod'
import { rule } from './issue-rules'

/** A short id made of lowercase letters, digits and hyphens, used in keys and URLs. */
export const entityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, rule('slug'))

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
    /** The counters it serves at, as the MPP writes them: `1-3`, `7`, `4, 6`. */
    counterNumbers: z.string().min(1).max(40).optional(),
    /** A sentence or two for citizens about what it does here. */
    description: z.string().min(1).max(500).optional(),
  })
  .strict()
export type Agency = z.infer<typeof agency>

/**
 * The eight internal components of a service standard (PermenPANRB 15/2014), kept for the ministry's
 * evaluation and never published: the repository stores them apart from the service, so no citizen read
 * path (catalog Query, service page, public API) ever fetches them.
 */
export const internalComponents = [
  'legalBasis',
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'staffCount',
  'serviceGuarantee',
  'safetyGuarantee',
  'staffEvaluation',
] as const
export type InternalComponent = (typeof internalComponents)[number]

const component = (max: number) => z.string().trim().min(1).max(max).optional()

export const serviceInternal = z
  .object({
    /** Dasar hukum: the laws and regulations the service rests on. */
    legalBasis: component(2000),
    /** Sarana, prasarana dan/atau fasilitas, including those for vulnerable groups. */
    facilities: component(1000),
    /** Kompetensi pelaksana. */
    staffCompetence: component(1000),
    /** Pengawasan internal. */
    internalSupervision: component(1000),
    /** Jumlah pelaksana, e.g. "3 orang". */
    staffCount: component(200),
    /** Jaminan pelayanan. */
    serviceGuarantee: component(1000),
    /** Jaminan keamanan dan keselamatan pelayanan. */
    safetyGuarantee: component(1000),
    /** Evaluasi kinerja pelaksana. */
    staffEvaluation: component(1000),
  })
  .strict()
export type ServiceInternal = z.infer<typeof serviceInternal>

/**
 * A service with its standard (PermenPANRB 15/2014): the six citizen-facing components, published, and the
 * eight internal ones in `internal`, never shown to citizens.
 */
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
    /**
     * Other words citizens search it by, as the MPP knows them ("izin usaha", "OSS"): catalog search matches
     * them as it matches the name. Common ones come from a starter list (search-synonyms.ts) without this.
     */
    keywords: z.array(z.string().trim().min(2).max(60)).max(20).optional(),
    internal: serviceInternal.optional(),
  })
  .strict()
export type Service = z.infer<typeof service>

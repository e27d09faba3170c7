import { z } from 'zod'
import { emailAddress } from './account'
import type { IsoDate } from './business-day'
import { entityId } from './catalog'
import { rule } from './issue-rules'
import { indonesianMobile } from './phone'
import { isoDate } from './queue'
import { addWorkingDays } from './working-days'

/**
 * Complaints (pengaduan) as SP4N-LAPOR! handles them (DOMAIN.md, "Complaints"): a tracking code for the
 * citizen; verified within 3 working days; followed up within 5 more; closed 10 working days after the
 * follow-up when the citizen says nothing. The MPP keeps its own intake and records the LAPOR! reference.
 */

/** What a complaint is about. */
export const complaintCategories = ['pelayanan', 'petugas', 'fasilitas', 'biaya', 'waktu', 'lainnya'] as const
export const complaintCategory = z.enum(complaintCategories)
export type ComplaintCategory = z.infer<typeof complaintCategory>

/**
 * `received` -> `verified` (staff checked it is a complaint and forwarded it) -> `responded` (the follow-up)
 * -> `closed` (by staff, or by the job once the citizen stayed quiet). A citizen's reply to a response sends
 * it back to `verified`, awaiting another response. Staff may close it at any step, with a note before a
 * response (for instance "not a complaint").
 */
export const complaintStatuses = ['received', 'verified', 'responded', 'closed'] as const
export const complaintStatus = z.enum(complaintStatuses)
export type ComplaintStatus = z.infer<typeof complaintStatus>

/** Working days for each step, counted from the day after the one the step starts on. */
export const verifyWorkingDays = 3
export const followUpWorkingDays = 5
export const quietWorkingDays = 10

/** The national complaint system the MPP links to. */
export const laporUrl = 'https://www.lapor.go.id'

/**
 * Tracking codes: 10 symbols of an alphabet without the look-alikes 0/O, 1/I/L and U, about 49 bits, so the
 * code alone can be the key to read a complaint. Shown grouped as `KX7P-M2QD-9R`.
 */
export const trackingAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
export const trackingCodeLength = 10
export const trackingCode = z
  .string()
  .regex(/^[2-9A-HJKMNP-TV-Z]{10}$/, rule('trackingCode'))
  .meta({ example: 'KX7PM2QD9R' })

/** A code as people type it (lowercase, with dashes or spaces) in the stored form, or undefined. */
export const normaliseTrackingCode = (input: string): string | undefined => {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  return trackingCode.safeParse(code).success ? code : undefined
}

/** `KX7PM2QD9R` -> `KX7P-M2QD-9R`, easier to copy by hand. */
export const formatTrackingCode = (code: string) =>
  [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-')

/** A tracking code from random bytes (rejection sampling keeps every symbol equally likely). */
export const trackingCodeFrom = (random: (n: number) => Uint8Array): string => {
  const limit = 256 - (256 % trackingAlphabet.length)
  let code = ''
  while (code.length < trackingCodeLength) {
    for (const byte of random(16)) {
      if (byte < limit && code.length < trackingCodeLength)
        code += trackingAlphabet[byte % trackingAlphabet.length]
    }
  }
  return code
}

/** The reference LAPOR! gave the complaint, when staff forwarded it there. */
export const laporReference = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]{0,29}$/, rule('laporReference'))

export const complaintText = z.string().trim().min(20).max(4000)
export const responseText = z.string().trim().min(10).max(4000)
export const closeNote = z.string().trim().min(5).max(1000)

export const complaintContact = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    phone: indonesianMobile.optional(),
    email: emailAddress.max(254).optional(),
  })
  .strict()
export type ComplaintContact = z.infer<typeof complaintContact>

/**
 * What a citizen files. Anonymous means no contact at all (the staff cannot know who it was); otherwise a
 * name is needed, a phone number or email address optional.
 */
export const complaintInput = z
  .object({
    serviceId: entityId.optional(),
    category: complaintCategory,
    text: complaintText,
    anonymous: z.boolean().default(false),
    contact: complaintContact.optional(),
  })
  .strict()
  .superRefine(
    (input, ctx) => {
      // Runs even when other fields failed, so every problem is reported at once: check the types here.
      const anonymous = input.anonymous as unknown
      const contact = (typeof input.contact === 'object' && input.contact) || {}
      const given = Object.values(contact).some((v) => v !== undefined && v !== '')
      if (anonymous === true && given)
        ctx.addIssue({ code: 'custom', path: ['contact'], message: rule('anonymousNoContact') })
      if (anonymous === false && !('name' in contact && contact.name))
        ctx.addIssue({
          code: 'custom',
          path: ['contact', 'name'],
          message: rule('nameUnlessAnonymous'),
        })
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
export type ComplaintInput = z.output<typeof complaintInput>

/** One message of the conversation: staff responses and the citizen's replies, oldest first. */
export const complaintMessage = z
  .object({
    from: z.enum(['staff', 'citizen']),
    text: z.string().min(1).max(4000),
    at: z.string(),
    /** The staff account that wrote it; never shown to the citizen. */
    by: z.string().optional(),
  })
  .strict()
export type ComplaintMessage = z.infer<typeof complaintMessage>

/** At most this many responses and replies on one complaint, so the item stays well under 400 KB. */
export const maxComplaintMessages = 20

export const complaint = z
  .object({
    code: trackingCode,
    status: complaintStatus,
    category: complaintCategory,
    text: complaintText,
    serviceId: entityId.optional(),
    /** The service's name when it was filed, so the list needs no catalog read. */
    serviceName: z.string().optional(),
    anonymous: z.boolean(),
    contact: complaintContact.optional(),
    filedAt: z.string(),
    /** The tenant-local day it was filed: deadlines count from here. */
    filedOn: isoDate,
    verifyBy: isoDate,
    /** The follow-up deadline; after a citizen's reply, 5 working days from the reply. */
    respondBy: isoDate,
    verifiedAt: z.string().optional(),
    verifiedBy: z.string().optional(),
    /** The day of the first response, which the statistics count (on time or not). */
    firstRespondedOn: isoDate.optional(),
    respondedAt: z.string().optional(),
    /** While responded: the last day the citizen can reply; the day after, the job closes it. */
    replyBy: isoDate.optional(),
    closedAt: z.string().optional(),
    /** A staff account, or `system` for the quiet-period close. */
    closedBy: z.string().optional(),
    closeNote: z.string().optional(),
    laporRef: z.string().optional(),
    messages: z.array(complaintMessage).max(maxComplaintMessages),
    /** Bumped by every change; a write expects the version it read. */
    version: z.number().int().min(1),
  })
  .strict()
export type Complaint = z.infer<typeof complaint>

/** Deadlines of a complaint filed on `filedOn`: verify within 3 working days, follow up within 5 more. */
export const complaintDeadlines = (filedOn: IsoDate, holidays: ReadonlySet<IsoDate>) => ({
  verifyBy: addWorkingDays(filedOn, verifyWorkingDays, holidays),
  respondBy: addWorkingDays(filedOn, verifyWorkingDays + followUpWorkingDays, holidays),
})

/** The follow-up deadline after a citizen's reply on `repliedOn`. */
export const respondAgainBy = (repliedOn: IsoDate, holidays: ReadonlySet<IsoDate>) =>
  addWorkingDays(repliedOn, followUpWorkingDays, holidays)

/** The last day a citizen can reply to a response given on `respondedOn`; it closes the day after. */
export const replyDeadline = (respondedOn: IsoDate, holidays: ReadonlySet<IsoDate>) =>
  addWorkingDays(respondedOn, quietWorkingDays, holidays)

/** Which step is late on `today`: verification, the response, or none. A deadline day itself is on time. */
export const overdueStep = (
  c: Pick<Complaint, 'status' | 'verifyBy' | 'respondBy'>,
  today: IsoDate,
): 'verify' | 'respond' | undefined => {
  if (c.status === 'received') return today > c.verifyBy ? 'verify' : undefined
  if (c.status === 'verified') return today > c.respondBy ? 'respond' : undefined
  return undefined
}

export const isOverdue = (c: Pick<Complaint, 'status' | 'verifyBy' | 'respondBy'>, today: IsoDate) =>
  overdueStep(c, today) !== undefined

/** Whether a response on `respondedOn` meets the follow-up deadline (for the ministry's statistics). */
export const respondedOnTime = (c: Pick<Complaint, 'respondBy'>, respondedOn: IsoDate) =>
  respondedOn <= c.respondBy

/** Whether a responded complaint has stayed quiet long enough to close on `today`. */
export const isQuietSinceResponse = (c: Pick<Complaint, 'status' | 'replyBy'>, today: IsoDate) =>
  c.status === 'responded' && c.replyBy !== undefined && today > c.replyBy

/** The moves staff make, and from where. */
export type ComplaintAction = 'verify' | 'respond' | 'close'
const allowedFrom: Record<ComplaintAction, readonly ComplaintStatus[]> = {
  verify: ['received'],
  respond: ['verified', 'responded'],
  close: ['received', 'verified', 'responded'],
}
export const canDo = (action: ComplaintAction, status: ComplaintStatus) =>
  allowedFrom[action].includes(status)

import { z } from 'zod'
import { entityId } from './catalog'
import { bilingualName } from './document-kind'
import { rule } from './issue-rules'

/** What a citizen types in one field of an online service's form; `nik` is checked as nik.ts says. */
export const formFieldType = z.enum(['text', 'number', 'date', 'choice', 'nik'])
export type FormFieldType = z.infer<typeof formFieldType>

/** One choice of a `choice` field, in both languages: a single letter may do ("A", "B"). */
const choiceOption = z
  .object({ id: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) })
  .strict()

const fieldShape = z
  .object({
    /** The field's key in a submitted service request; made from the Indonesian label when left out. */
    id: entityId,
    type: formFieldType,
    label: bilingualName,
    required: z.boolean(),
    /** The choices of a `choice` field (two at least), each in both languages; no other type has any. */
    options: z.array(choiceOption).max(30).optional(),
  })
  .strict()

const checkOptions = (
  field: { type: FormFieldType; options?: unknown[] | undefined },
  ctx: z.RefinementCtx,
) => {
  const count = field.options?.length ?? 0
  if (field.type === 'choice' ? count < 2 : count > 0)
    ctx.addIssue({ code: 'custom', path: ['options'], message: rule('choiceOptions') })
}

export const formField = fieldShape.superRefine(checkOptions)
export type FormField = z.infer<typeof formField>

export const requiredDocument = z
  .object({
    /** A document kind of the tenant's list. */
    kindId: entityId,
    /** What the citizen should know about it ("asli, berwarna", "yang masih berlaku"). */
    note: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
export type RequiredDocument = z.infer<typeof requiredDocument>

/** Flags each entry after the first whose key repeats one before it. */
const unique =
  <T>(key: (item: T) => string, field: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>()
    items.forEach((item, i) => {
      const k = key(item)
      if (k && seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, field], message: rule('duplicate') })
      seen.add(k)
    })
  }

/**
 * A service open for online application (issue 14): the fields of its form, the documents it asks for, and
 * the service standard's completion time in working days, which the deadline clock of each service request
 * counts (service-request-deadline.ts); the standard's own `completionTime` stays the text citizens read.
 * `online: false` keeps the form but takes applications no more.
 */
const formOf = <F extends z.ZodType<{ id?: string | undefined }>>(field: F) =>
  z
    .object({
      online: z.boolean(),
      completionDays: z.int().min(1).max(365),
      fields: z
        .array(field)
        .max(30)
        .superRefine(unique((f) => f.id ?? '', 'id')),
      documents: z
        .array(requiredDocument)
        .max(20)
        .superRefine(unique((d) => d.kindId, 'kindId')),
    })
    .strict()
    .superRefine((form, ctx) => {
      if (form.online && form.fields.length === 0 && form.documents.length === 0)
        ctx.addIssue({ code: 'custom', path: ['documents'], message: rule('formEmpty') })
    })

export const serviceOnlineForm = formOf(formField)
/** What an admin sends: a field's id may be left out, to be made from its label (and kept after). */
export const serviceOnlineFormInput = formOf(
  fieldShape.extend({ id: entityId.optional() }).superRefine(checkOptions),
)
export type ServiceOnlineFormInput = z.infer<typeof serviceOnlineFormInput>
export type ServiceOnlineForm = z.infer<typeof serviceOnlineForm>

/**
 * The working days a standard's free text states, when it states one number of them ("14 hari kerja",
 * "Paling lama 3 (tiga) hari kerja"): a first value for the form's number, which the admin confirms.
 * Undefined for anything else ("1 jam", "Selesai hari itu", "3-5 hari kerja", "7 hari").
 */
export const workingDaysIn = (completionTime: string): number | undefined => {
  if ((completionTime.match(/\d+/g) ?? []).length !== 1) return undefined
  const found = /(\d{1,3})\s*(?:\([^)]*\)\s*)?hari\s+kerja\b/i.exec(completionTime)
  const days = found ? Number(found[1]) : Number.NaN
  return days >= 1 && days <= 365 ? days : undefined
}

import { z } from 'zod'
import { entityId } from './catalog'
import { trackingCode } from './complaint'
import { rule } from './issue-rules'
import { nik } from './nik'
import { isoDate } from './queue'
import type { FormField, ServiceOnlineForm } from './service-online-form'
import type { DeadlineClockEvent } from './service-request-deadline'

/**
 * A service request (permohonan daring, issue 14): a citizen's online application for one service, its
 * answers to the service's online form and one document per required kind, and every step taken on it.
 *
 * `draft` (the citizen's alone; no officer sees it) -> `submitted` (waiting for review) -> `needs_fix` (an
 * officer flagged documents; waiting for the citizen, the deadline paused) -> `submitted` again when the
 * citizen hands the flagged ones back -> `in_process` (every document accepted) -> `ready` (the result to
 * collect at the counter or to download) -> `completed`. An officer may reject it with a reason from
 * `submitted`, `needs_fix` or `in_process`.
 */
export const serviceRequestStatuses = [
  'draft',
  'submitted',
  'needs_fix',
  'in_process',
  'ready',
  'completed',
  'rejected',
] as const
export const serviceRequestStatus = z.enum(serviceRequestStatuses)
export type ServiceRequestStatus = z.infer<typeof serviceRequestStatus>

/** Statuses an officer's list shows as open work; the rest are either the citizen's or finished. */
export const openServiceRequestStatuses: readonly ServiceRequestStatus[] = [
  'submitted',
  'needs_fix',
  'in_process',
  'ready',
]
export const isOpenServiceRequest = (status: ServiceRequestStatus) =>
  openServiceRequestStatuses.includes(status)

/** A document as handed in: `handed_in` until an officer accepts it or asks for a fix (with a reason). */
export const requestDocumentStatus = z.enum(['handed_in', 'accepted', 'fix'])
export type RequestDocumentStatus = z.infer<typeof requestDocumentStatus>

/** A file in the store, with what its content was checked to be (never what the browser claimed). */
export const storedFile = z
  .object({
    key: z.string().min(1).max(512),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    bytes: z.int().min(1),
    /** The name to download it under. */
    name: z.string().min(1).max(200),
  })
  .strict()
export type StoredFileRecord = z.infer<typeof storedFile>

export const fixReason = z.string().trim().min(5).max(500)
export const rejectReason = z.string().trim().min(5).max(1000)

export const requestDocument = z
  .object({
    kindId: entityId,
    file: storedFile,
    status: requestDocumentStatus,
    /** Why an officer asked for a fix; kept after the fix so the history reads whole. */
    reason: z.string().max(500).optional(),
    /** 1 for the first file handed in for this kind, +1 for each replacement. */
    version: z.int().min(1),
    handedInAt: z.string(),
  })
  .strict()
export type RequestDocument = z.infer<typeof requestDocument>

/** What each step did; `by` is `citizen` or the staff account that acted. */
export const serviceRequestAction = z.enum([
  'start',
  'submit',
  'review',
  'resubmit',
  'ready',
  'book',
  'complete',
  'reject',
])
export type ServiceRequestAction = z.infer<typeof serviceRequestAction>

export const serviceRequestStep = z
  .object({
    at: z.string(),
    action: serviceRequestAction,
    /** The status the step left the request in. */
    status: serviceRequestStatus,
    by: z.string(),
    /** The documents a review flagged, a rejection's reason, a booking's slot: what the step said. */
    note: z.string().max(1000).optional(),
    kinds: z.array(entityId).max(20).optional(),
  })
  .strict()
export type ServiceRequestStep = z.infer<typeof serviceRequestStep>

/** How the result reaches the citizen once `ready`. */
export const serviceRequestResult = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('collect'),
      /** The collection slot the citizen booked from the request (an appointment's booking code). */
      bookingCode: z.string().optional(),
      slotDate: isoDate.optional(),
      slotTime: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('file'), file: storedFile }).strict(),
])
export type ServiceRequestResult = z.infer<typeof serviceRequestResult>

/** At most this many steps, so one request stays one small item (a fix round costs two). */
export const maxServiceRequestSteps = 60

export const serviceRequest = z
  .object({
    /** Its tracking code (complaints' alphabet), given at the start: the key and the public page's address. */
    code: trackingCode,
    status: serviceRequestStatus,
    serviceId: entityId,
    /** The service's and its agency's names when it was started, so lists need no catalog read. */
    serviceName: z.string(),
    agencyId: entityId,
    /** The citizen's sign-in address: whose it is. Never shown on the public tracking page. */
    citizen: z.string(),
    /** The form's answers by field id, as typed (strings); checked against the form at submission. */
    answers: z.record(z.string(), z.string()),
    documents: z.array(requestDocument).max(20),
    /** The standard's working days, fixed at the first submission (the form may change later). */
    completionDays: z.int().min(1).max(365).optional(),
    result: serviceRequestResult.optional(),
    rejectReason: z.string().optional(),
    startedAt: z.string(),
    submittedAt: z.string().optional(),
    updatedAt: z.string(),
    steps: z.array(serviceRequestStep).max(maxServiceRequestSteps),
    /** Bumped by every change; a write expects the version it read. */
    version: z.int().min(1),
  })
  .strict()
export type ServiceRequest = z.infer<typeof serviceRequest>

/** The moves, who makes them, and from where. */
const allowedFrom: Record<Exclude<ServiceRequestAction, 'start'>, readonly ServiceRequestStatus[]> = {
  submit: ['draft'],
  resubmit: ['needs_fix'],
  review: ['submitted'],
  ready: ['in_process'],
  book: ['ready'],
  complete: ['ready'],
  reject: ['submitted', 'needs_fix', 'in_process'],
}
export const canDo = (action: Exclude<ServiceRequestAction, 'start'>, status: ServiceRequestStatus) =>
  allowedFrom[action].includes(status)

/** Whether the citizen may change answers and documents: only before an officer has it, or to fix. */
export const citizenCanEdit = (status: ServiceRequestStatus) => status === 'draft' || status === 'needs_fix'

/**
 * The service standard's clock from a request's steps: it runs from the submission (the file is then whole:
 * every required answer and document handed in), pauses when a review asks for fixes, runs again at the
 * resubmission, and stops at the result (ready) or a rejection.
 */
export const deadlineEventsOf = (steps: readonly ServiceRequestStep[]): DeadlineClockEvent[] =>
  steps.flatMap((step): DeadlineClockEvent[] => {
    const at = new Date(step.at)
    if (step.action === 'submit' || step.action === 'resubmit') return [{ at, clock: 'run' }]
    if (step.action === 'review' && step.status === 'needs_fix') return [{ at, clock: 'pause' }]
    if (step.action === 'ready' || step.action === 'reject') return [{ at, clock: 'stop' }]
    return []
  })

const answerOf = (field: FormField): z.ZodType<string> => {
  if (field.type === 'nik') return nik
  if (field.type === 'number')
    return z
      .string()
      .trim()
      .regex(/^-?\d+([.,]\d+)?$/, rule('number'))
  if (field.type === 'date') return isoDate
  if (field.type === 'choice') {
    const ids = (field.options ?? []).map((o) => o.id)
    return z.enum(ids as [string, ...string[]])
  }
  return z.string().trim().max(2000)
}

/**
 * The schema of a form's answers, so that every wrong answer is reported at once with its field's id as the
 * path. A required field needs a non-blank answer; an optional one may be left empty.
 */
export const answersSchemaOf = (form: Pick<ServiceOnlineForm, 'fields'>) =>
  z
    .object(
      Object.fromEntries(
        form.fields.map((field) => {
          const answer = answerOf(field)
          const blankIsNone = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
          return [field.id, field.required ? answer : z.preprocess(blankIsNone, answer.optional())]
        }),
      ),
    )
    .strip()

/** The required documents still missing from a request (their kind ids, in the form's order). */
export const missingDocuments = (
  form: Pick<ServiceOnlineForm, 'documents'>,
  documents: readonly Pick<RequestDocument, 'kindId'>[],
) => form.documents.map((d) => d.kindId).filter((kindId) => !documents.some((d) => d.kindId === kindId))

/** What anyone with the code may see (`/permohonan/{code}`): no answers, documents, names or addresses. */
export const publicViewOf = (request: ServiceRequest) => ({
  code: request.code,
  status: request.status,
  serviceName: request.serviceName,
  submittedAt: request.submittedAt,
  steps: request.steps.map((s) => ({ at: s.at, action: s.action, status: s.status })),
})

import { formatTrackingCode, normaliseTrackingCode } from '@mpp/core/complaint'
import { serviceRequestDoneCounters } from '@mpp/core/rollup'
import {
  canDo,
  fixReason,
  rejectReason,
  type ServiceRequest,
  type ServiceRequestAction,
  type ServiceRequestStatus,
} from '@mpp/core/service-request'
import type { Deadline } from '@mpp/core/service-request-deadline'
import type { Tenant } from '@mpp/core/tenant'
import { getAccount } from '@mpp/db/account-repository'
import { listAgencies } from '@mpp/db/catalog-repository'
import {
  agencyServiceRequests,
  documentViews,
  getServiceRequest,
  recordDocumentView,
  saveServiceRequest,
} from '@mpp/db/service-request-repository'
import { loadMessages } from '@mpp/web/i18n/server-messages'
import { z } from 'zod'
import type { AppDeps, Session } from '../app-env'
import { citizenNotice } from '../citizen/citizen-notice'
import { ApiError } from '../errors'
import { deadlineOf } from './citizen-service-requests'
import { serviceRequestRollup } from './service-request-statistics'

type Deps = Pick<AppDeps, 'db' | 'now' | 'mailer'>

/**
 * The agencies whose service requests this staff member sees and decides: an admin all of the MPP's, an
 * officer those on their account (none until the admin sets them). The account is read on each call, so a
 * change of agencies applies at once.
 */
export const agenciesOf = async (deps: Pick<AppDeps, 'db'>, tenant: Tenant, staff: Session) => {
  if (staff.role === 'admin') return (await listAgencies(deps.db, tenant.id)).map((a) => a.id)
  const account = await getAccount(deps.db, { kind: 'tenant', tenantId: tenant.id }, staff.email)
  return account?.active === false ? [] : (account?.agencyIds ?? [])
}

export const serviceRequestFilters = ['open', 'overdue', 'done'] as const
export type ServiceRequestFilter = (typeof serviceRequestFilters)[number]

/** A request as staff read it, with its deadline. */
export const staffServiceRequestView = (deps: Pick<AppDeps, 'now'>, tenant: Tenant, r: ServiceRequest) => {
  const { version: _, ...rest } = r
  const deadline: Deadline = deadlineOf(deps, tenant, r) ?? { used: 0, state: 'not_started', overdue: false }
  return { ...rest, display: formatTrackingCode(r.code), deadline }
}
export type StaffServiceRequest = ReturnType<typeof staffServiceRequestView>

/**
 * The requests of the staff member's agencies (listServiceRequests): open ones with the overdue first, then
 * by submission; `overdue` only those; `done` the latest finished. `agencyId` narrows to one of their agencies.
 */
export const listServiceRequests = async (
  deps: Deps,
  tenant: Tenant,
  staff: Session,
  filter: ServiceRequestFilter,
  agencyId?: string,
) => {
  const mine = await agenciesOf(deps, tenant, staff)
  const agencies = agencyId ? mine.filter((a) => a === agencyId) : mine
  const found = await Promise.all(
    agencies.map((a) => agencyServiceRequests(deps.db, tenant.id, a, filter !== 'done')),
  )
  const views = found.flat().map((r) => staffServiceRequestView(deps, tenant, r))
  const bySubmission = (a: StaffServiceRequest, b: StaffServiceRequest) =>
    (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '')
  if (filter === 'done')
    return { agencies: mine, requests: views.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) }
  const open = views.sort(
    (a, b) => Number(b.deadline.overdue) - Number(a.deadline.overdue) || bySubmission(a, b),
  )
  return { agencies: mine, requests: filter === 'overdue' ? open.filter((r) => r.deadline.overdue) : open }
}

/**
 * A request the staff member may see: submitted (drafts are the citizen's alone) and of one of their
 * agencies. Anything else is 404, so its existence is not told either.
 */
export const staffServiceRequestOr404 = async (deps: Deps, tenant: Tenant, staff: Session, typed: string) => {
  const code = normaliseTrackingCode(typed)
  const found = code ? await getServiceRequest(deps.db, tenant.id, code) : undefined
  if (!found || found.status === 'draft' || !(await agenciesOf(deps, tenant, staff)).includes(found.agencyId))
    throw new ApiError(404, 'service_request_not_found')
  return found
}

/** What an officer decides on a request (reviewServiceRequest), one action at a time. */
export const reviewInput = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('review'),
      /** A verdict for every document waiting for one; a fix needs its reason, which the citizen reads. */
      documents: z
        .array(
          z.union([
            z.object({ kindId: z.string(), verdict: z.literal('accept') }).strict(),
            z.object({ kindId: z.string(), verdict: z.literal('fix'), reason: fixReason }).strict(),
          ]),
        )
        .min(1)
        .max(20),
    })
    .strict(),
  z.object({ action: z.literal('ready') }).strict(),
  z.object({ action: z.literal('complete') }).strict(),
  z.object({ action: z.literal('reject'), reason: rejectReason }).strict(),
])
export type ReviewInput = z.infer<typeof reviewInput>

const mustBeAble = (action: Exclude<ServiceRequestAction, 'start'>, status: ServiceRequestStatus) => {
  if (!canDo(action, status)) throw new ApiError(409, 'service_request_step_invalid', { status })
}

/** The request after the review's verdicts: needs_fix when any document must be fixed, else in process. */
const reviewed = (r: ServiceRequest, verdicts: Extract<ReviewInput, { action: 'review' }>['documents']) => {
  const waiting = r.documents.filter((d) => d.status === 'handed_in').map((d) => d.kindId)
  const given = verdicts.map((v) => v.kindId)
  const unknown = given.filter((k) => !waiting.includes(k))
  const missing = waiting.filter((k) => !given.includes(k))
  if (unknown.length > 0 || missing.length > 0 || new Set(given).size !== given.length)
    throw new ApiError(400, 'review_documents_mismatch', { waiting, unknown, missing })
  const documents = r.documents.map((d) => {
    const verdict = verdicts.find((v) => v.kindId === d.kindId)
    if (!verdict) return d
    return verdict.verdict === 'fix'
      ? { ...d, status: 'fix' as const, reason: verdict.reason }
      : { ...d, status: 'accepted' as const }
  })
  const fixes = verdicts.filter((v) => v.verdict === 'fix').map((v) => v.kindId)
  return { documents, fixes, status: fixes.length > 0 ? ('needs_fix' as const) : ('in_process' as const) }
}

/** The citizen hears of every status an officer sets, at the address they signed in with. */
const noticeOf = async (deps: Deps, tenant: Tenant, r: ServiceRequest, site: string) => {
  // English loaded on first use (README "Cold start").
  const id = (await loadMessages('id')).serviceRequestNotice
  const en = (await loadMessages('en')).serviceRequestNotice
  const link = `${site.replace(/\/?$/, '/')}permohonan/${formatTrackingCode(r.code)}`
  const say = { mpp: tenant.name, service: r.serviceName, code: formatTrackingCode(r.code), link }
  const status = r.status as Exclude<ServiceRequestStatus, 'draft' | 'submitted'>
  return citizenNotice(deps, tenant, r.citizen, {
    kind: 'service_request',
    subject: id.subject(say),
    text: `${id.status[status]}\n${id.text(say)}\n\n${en.status[status]}\n${en.text(say)}`,
    phoneText: `${id.status[status]} ${id.phoneText(say)}`,
  })
}

/**
 * The roll-up writes of a decision that ends the service standard's clock: a result ready (`srDone`, on time or
 * not, with the working days used) or a rejection (`srRejected`); nothing for the other steps.
 */
const resultRollup = (deps: Deps, tenant: Tenant, next: ServiceRequest) => {
  const at = new Date(next.updatedAt)
  const action = next.steps.at(-1)?.action
  if (action === 'ready') {
    // The clock as it stopped now; a request always has its completion days once submitted.
    const deadline = deadlineOf({ now: () => at }, tenant, next) ?? { used: 0, overdue: false }
    return serviceRequestRollup(deps.db, tenant, next, at, serviceRequestDoneCounters(deadline))
  }
  if (action === 'reject') return serviceRequestRollup(deps.db, tenant, next, at, { srRejected: 1 })
  return []
}

/**
 * Applies an officer's decision to the request as it is now (reviewServiceRequest): a review of the
 * documents waiting for one (any fix sends it back to the citizen and pauses the deadline), ready (the result
 * waits at the counter; the clock stops), completed, or rejected with a reason. Each is a dated step with who
 * took it, and a notice to the citizen (and a result's roll-up counters) in the same transaction. When
 * somebody changed the request in between, it is read again and decided again.
 */
export const reviewServiceRequest = async (
  deps: Deps,
  tenant: Tenant,
  staff: Session,
  typedCode: string,
  input: ReviewInput,
  site: string,
) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await staffServiceRequestOr404(deps, tenant, staff, typedCode)
    mustBeAble(input.action, r.status)
    const at = deps.now().toISOString()
    const step = (status: ServiceRequestStatus, extra: { note?: string; kinds?: string[] } = {}) => ({
      at,
      action: input.action,
      status,
      by: staff.email,
      ...extra,
    })
    let next: ServiceRequest
    if (input.action === 'review') {
      const { documents, fixes, status } = reviewed(r, input.documents)
      next = {
        ...r,
        documents,
        status,
        steps: [...r.steps, step(status, fixes.length ? { kinds: fixes } : {})],
      }
    } else if (input.action === 'reject') {
      next = {
        ...r,
        status: 'rejected',
        rejectReason: input.reason,
        steps: [...r.steps, step('rejected', { note: input.reason })],
      }
    } else {
      const status = input.action === 'ready' ? 'ready' : 'completed'
      next = {
        ...r,
        status,
        ...(input.action === 'ready' && !r.result ? { result: { kind: 'collect' as const } } : {}),
        steps: [...r.steps, step(status)],
      }
    }
    next = { ...next, updatedAt: at, version: r.version + 1 }
    const notice = await noticeOf(deps, tenant, next, site)
    if (
      await saveServiceRequest(deps.db, tenant.id, next, [notice.write, ...resultRollup(deps, tenant, next)])
    ) {
      notice.committed()
      return next
    }
  }
  throw new ApiError(503, 'busy')
}

/**
 * Records that the staff member opens one of the request's documents and returns where to fetch it: a
 * short-lived link, made only after the view is written, so no look goes unrecorded.
 */
export const openRequestDocument = async (
  deps: Deps & Pick<AppDeps, 'files'>,
  tenant: Tenant,
  staff: Session,
  typedCode: string,
  kindId: string,
) => {
  const r = await staffServiceRequestOr404(deps, tenant, staff, typedCode)
  const doc = r.documents.find((d) => d.kindId === kindId)
  if (!doc) throw new ApiError(404, 'request_document_not_found')
  const at = deps.now().toISOString()
  await recordDocumentView(deps.db, tenant.id, r.code, { at, by: staff.email, kindId, version: doc.version })
  return deps.files.downloadUrl(doc.file.key, { fileName: doc.file.name, contentType: doc.file.contentType })
}

/** Who opened which document of the request, and when, oldest first. */
export const requestDocumentViews = async (deps: Deps, tenant: Tenant, staff: Session, typedCode: string) => {
  const r = await staffServiceRequestOr404(deps, tenant, staff, typedCode)
  return documentViews(deps.db, tenant.id, r.code)
}

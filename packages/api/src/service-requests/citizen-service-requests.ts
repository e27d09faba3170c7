import { randomBytes } from 'node:crypto'
import type { Service } from '@mpp/core/catalog'
import { formatTrackingCode, normaliseTrackingCode, trackingCodeFrom } from '@mpp/core/complaint'
import type { DocumentKind } from '@mpp/core/document-kind'
import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import {
  answersSchemaOf,
  citizenCanEdit,
  deadlineEventsOf,
  missingDocuments,
  publicViewOf,
  type ServiceRequest,
} from '@mpp/core/service-request'
import { type Deadline, serviceRequestDeadline } from '@mpp/core/service-request-deadline'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { getService } from '@mpp/db/catalog-repository'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import { getServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import {
  type CitizenServiceRequestLine,
  citizenServiceRequests,
  getServiceRequest,
  saveServiceRequest,
  startServiceRequest as startDraft,
} from '@mpp/db/service-request-repository'
import type { TransactItem } from '@mpp/db/transactions'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { type RuleIssue, rulesOfIssue } from '../issue-messages'
import { serviceRequestRollup } from './service-request-statistics'

/**
 * A citizen's online applications (issue 14, points 3 and 6): starting one for a service open online, its
 * answers, its submission, and what the citizen and the public tracking page see. Documents are in
 * request-documents.ts, the citizen's kept documents in kept-documents.ts. The JSON routes
 * (routes/service-request-api.ts) and the pages (pages/service-request-pages.tsx) both call these.
 */

/** The signed-in citizen's own page of a request. */
export const serviceRequestLink = (code: string) => `/warga/permohonan/${formatTrackingCode(code)}`
/** The public tracking page of a request: status and dated steps for anyone with the code. */
export const trackingLink = (code: string) => `/permohonan/${formatTrackingCode(code)}`

/** A service that takes online applications now, with its form; 404 / 409 `service_not_online` otherwise. */
export const onlineServiceOf = async (
  deps: AppDeps,
  tenant: Tenant,
  serviceId: string,
): Promise<{ service: Service; form: ServiceOnlineForm }> => {
  const [service, form] = await Promise.all([
    getService(deps.db, tenant.id, serviceId),
    getServiceOnlineForm(deps.db, tenant.id, serviceId),
  ])
  if (!service) throw new ApiError(404, 'service_not_found')
  if (!form?.online) throw new ApiError(409, 'service_not_online')
  return { service, form }
}

/** A request of this citizen by its code as typed; another citizen's is as unknown as none (404). */
export const ownServiceRequest = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  typedCode: string,
): Promise<ServiceRequest> => {
  const code = normaliseTrackingCode(typedCode)
  const found = code ? await getServiceRequest(deps.db, tenant.id, code) : undefined
  if (!found || found.citizen !== citizen) throw new ApiError(404, 'service_request_not_found')
  return found
}

/**
 * Starts a draft for a service open online, or answers with the citizen's draft for it if there is one (a
 * form posted twice makes one draft): `created` tells which. A tracking code already taken is drawn again.
 */
export const startServiceRequest = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  serviceId: string,
): Promise<{ request: ServiceRequest; created: boolean }> => {
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  const { service } = await onlineServiceOf(deps, tenant, serviceId)
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = deps.now().toISOString()
    const draft: ServiceRequest = {
      code: trackingCodeFrom((n) => randomBytes(n)),
      status: 'draft',
      serviceId: service.id,
      serviceName: service.name,
      agencyId: service.agencyId,
      citizen,
      answers: {},
      documents: [],
      startedAt: at,
      updatedAt: at,
      steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
      version: 1,
    }
    const result = await startDraft(deps.db, tenant.id, draft)
    if (result.kind === 'started') return { request: draft, created: true }
    if (result.kind === 'draft_exists') {
      const existing = await getServiceRequest(deps.db, tenant.id, result.code)
      if (existing) return { request: existing, created: false }
    }
    // The code was taken (or a start raced this one): draw another and look again.
  }
  throw new ApiError(503, 'busy')
}

/**
 * Reads the citizen's request, lets `decide` make its next state (undefined: nothing to change; an ApiError:
 * refused) and saves it with `also`, deciding again on a fresh read when someone changed it meanwhile. The
 * change from draft to submitted (the first submission) adds `srReceived` to the roll-ups in the same
 * transaction; a resubmission or a repeated submit does not.
 */
export const changeServiceRequest = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  code: string,
  decide: (
    read: ServiceRequest,
    at: string,
  ) => Promise<ServiceRequest | undefined> | ServiceRequest | undefined,
  also: (next: ServiceRequest) => TransactItem[] = () => [],
): Promise<ServiceRequest> => {
  for (let attempt = 0; attempt < 4; attempt++) {
    const read = await ownServiceRequest(deps, tenant, citizen, code)
    const changed = await decide(read, deps.now().toISOString())
    if (!changed) return read
    const next = { ...changed, version: read.version + 1 }
    const received =
      read.status === 'draft' && next.status === 'submitted'
        ? serviceRequestRollup(deps.db, tenant, next, new Date(next.updatedAt), { srReceived: 1 })
        : []
    if (await saveServiceRequest(deps.db, tenant.id, next, [...also(next), ...received])) return next
  }
  throw new ApiError(503, 'busy')
}

/** 409 unless the citizen may still change the request (a draft, or documents to fix). */
export const editable = (request: ServiceRequest) => {
  if (!citizenCanEdit(request.status))
    throw new ApiError(409, 'service_request_locked', { status: request.status })
}

/** The longest answer kept: a form's text field takes 2000 characters, so anything past that is refused anyway. */
const maxAnswerLength = 2000

/** Answers as typed, for the form's fields only (nothing else is kept), each at most 2000 characters. */
const answersFor = (form: ServiceOnlineForm | undefined, typed: Record<string, string>) =>
  Object.fromEntries(
    (form?.fields ?? []).flatMap((f) => {
      const value = typed[f.id]
      return value === undefined ? [] : [[f.id, value.slice(0, maxAnswerLength)]]
    }),
  )

/**
 * Keeps what the citizen typed into the form, checked only at submission: a draft can be left half filled
 * and finished later. Unchanged answers write nothing.
 */
export const saveAnswers = (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
  code: string,
  typed: Record<string, string>,
) =>
  changeServiceRequest(deps, tenant, citizen, code, async (read, at) => {
    editable(read)
    const form = await getServiceOnlineForm(deps.db, tenant.id, read.serviceId)
    const answers = { ...read.answers, ...answersFor(form, typed) }
    if (JSON.stringify(answers) === JSON.stringify(read.answers)) return undefined
    return { ...read, answers, updatedAt: at }
  })

/** Per-field refusals of the answers (paths are the fields' ids), or none. */
export const answerIssues = (form: Pick<ServiceOnlineForm, 'fields'>, answers: Record<string, string>) => {
  const parsed = answersSchemaOf(form).safeParse(answers)
  return parsed.success ? [] : parsed.error.issues.flatMap((issue) => rulesOfIssue(issue, answers))
}

/**
 * Submits the request: every answer right (400 `invalid_request`, each field's issue by its id), every
 * required document handed in (400 `documents_missing`, path `documents.{kind}`), and after a review every
 * flagged document replaced (400 `documents_to_fix`). A draft becomes `submitted` (its completion days fixed
 * from the form now), a request with fixes `submitted` again by `resubmit`. Already submitted: answered as
 * it is, no second step.
 */
export const submitServiceRequest = (deps: AppDeps, tenant: Tenant, citizen: string, code: string) =>
  changeServiceRequest(deps, tenant, citizen, code, async (read, at) => {
    if (!citizenCanEdit(read.status)) return undefined
    const form = await getServiceOnlineForm(deps.db, tenant.id, read.serviceId)
    // A draft needs the service still open online; a request already received may be fixed regardless.
    if (!form || (read.status === 'draft' && !form.online)) throw new ApiError(409, 'service_not_online')
    const answers = answerIssues(form, read.answers)
    if (answers.length > 0) throw new ApiError(400, 'invalid_request', answers)
    const missing = missingDocuments(form, read.documents)
    if (missing.length > 0)
      throw new ApiError(
        400,
        'documents_missing',
        missing.map((kind): RuleIssue => ({ path: `documents.${kind}`, word: 'documentMissing' })),
      )
    const toFix = read.documents.filter((d) => d.status === 'fix')
    if (toFix.length > 0)
      throw new ApiError(
        400,
        'documents_to_fix',
        toFix.map((d): RuleIssue => ({ path: `documents.${d.kindId}`, word: 'documentToFix' })),
      )
    const first = read.status === 'draft'
    return {
      ...read,
      status: 'submitted',
      submittedAt: read.submittedAt ?? at,
      completionDays: read.completionDays ?? form.completionDays,
      updatedAt: at,
      steps: [
        ...read.steps,
        { at, action: first ? 'submit' : 'resubmit', status: 'submitted', by: 'citizen' },
      ],
    }
  })

/** The citizen's requests, newest first. */
export const listMyServiceRequests = async (
  deps: AppDeps,
  tenant: Tenant,
  citizen: string,
): Promise<CitizenServiceRequestLine[]> =>
  (await citizenServiceRequests(deps.db, tenant.id, citizen)).sort((a, b) =>
    b.startedAt.localeCompare(a.startedAt),
  )

const holidaysOf = (tenant: Tenant) => new Set(tenant.holidays.map((h) => h.date))

/** The service standard's clock of a submitted request, in the tenant's working days; none before. */
export const deadlineOf = (
  deps: Pick<AppDeps, 'now'>,
  tenant: Tenant,
  request: ServiceRequest,
): Deadline | undefined =>
  request.completionDays === undefined
    ? undefined
    : serviceRequestDeadline({
        workingDays: request.completionDays,
        events: deadlineEventsOf(request.steps),
        now: deps.now(),
        timeZone: tenant.timeZone,
        holidays: holidaysOf(tenant),
      })

/** What the owner sees of a request: everything but the store's keys and the version. */
export const citizenViewOf = (deps: AppDeps, tenant: Tenant, request: ServiceRequest) => {
  const { version: _version, documents, ...rest } = request
  const deadline = deadlineOf(deps, tenant, request)
  return {
    ...rest,
    display: formatTrackingCode(request.code),
    link: serviceRequestLink(request.code),
    trackingLink: trackingLink(request.code),
    documents: documents.map(({ file, ...d }) => ({
      ...d,
      fileName: file.name,
      contentType: file.contentType,
      bytes: file.bytes,
    })),
    ...(deadline ? { deadline } : {}),
  }
}
export type CitizenServiceRequestView = ReturnType<typeof citizenViewOf>

/** What anyone with the code sees: status, service, dated steps and the deadline; nothing personal. */
export const publicTrackingOf = (deps: AppDeps, tenant: Tenant, request: ServiceRequest) => {
  const deadline = deadlineOf(deps, tenant, request)
  return {
    ...publicViewOf(request),
    display: formatTrackingCode(request.code),
    ...(request.completionDays ? { completionDays: request.completionDays } : {}),
    ...(deadline ? { deadline } : {}),
  }
}
export type PublicTrackingView = ReturnType<typeof publicTrackingOf>

/** A request by its code for the public page; drafts are the citizen's alone, so they are not found either. */
export const trackedServiceRequest = async (deps: AppDeps, tenant: Tenant, typedCode: string) => {
  const code = normaliseTrackingCode(typedCode)
  const found = code ? await getServiceRequest(deps.db, tenant.id, code) : undefined
  if (!found || found.status === 'draft') throw new ApiError(404, 'service_request_not_found')
  return found
}

/** The tenant's document kinds by id, to name what a form asks for. */
export const documentKindsById = async (deps: AppDeps, tenant: Tenant) =>
  new Map<string, DocumentKind>((await listDocumentKinds(deps.db, tenant.id)).map((k) => [k.id, k]))

import { createRoute, z } from '@hono/zod-openapi'
import { entityId } from '@mpp/core/catalog'
import {
  requestDocumentStatus,
  serviceRequestAction,
  serviceRequestStatus,
  storedFile,
} from '@mpp/core/service-request'
import { citizenServiceRequestLine } from '@mpp/db/service-request-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv, CitizenSession } from '../app-env'
import { requireCitizen } from '../auth/citizen-session'
import { errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { originOf } from '../onboarding/origin'
import {
  citizenViewOf,
  listMyServiceRequests,
  ownServiceRequest,
  publicTrackingOf,
  saveAnswers,
  startServiceRequest,
  submitServiceRequest,
  trackedServiceRequest,
} from '../service-requests/citizen-service-requests'
import { deleteMyDocument, listMyDocuments } from '../service-requests/kept-documents'
import {
  acceptDocumentUpload,
  createDocumentUpload,
  uploadIdPattern,
  useKeptDocument,
} from '../service-requests/request-documents'
import { createRouter } from '../validation'

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})

const codeParam = z.object({
  code: z.string().min(1).max(20).meta({ description: 'The tracking code, with or without dashes' }),
})

const deadline = z
  .object({
    used: z.int().meta({ description: 'Working days counted so far' }),
    dueOn: z.string().optional().meta({ description: 'The last working day, while the clock runs' }),
    state: z.enum(['not_started', 'running', 'paused', 'stopped']),
    overdue: z.boolean(),
  })
  .meta({ id: 'ServiceRequestDeadline' })

const step = z.object({
  at: z.string(),
  action: serviceRequestAction,
  status: serviceRequestStatus,
})

export const citizenServiceRequest = z
  .object({
    code: z.string(),
    display: z.string().meta({ description: 'The code grouped for writing down: `KX7P-M2QD-9R`' }),
    link: z.string().meta({ description: "The citizen's page of the request" }),
    trackingLink: z.string().meta({ description: 'The public tracking page' }),
    status: serviceRequestStatus,
    serviceId: z.string(),
    serviceName: z.string(),
    agencyId: z.string(),
    citizen: z.string(),
    answers: z.record(z.string(), z.string()),
    documents: z.array(
      z.object({
        kindId: z.string(),
        status: requestDocumentStatus,
        reason: z.string().optional().meta({ description: 'Why an officer asked for a fix' }),
        version: z.int(),
        handedInAt: z.string(),
        fileName: z.string(),
        contentType: storedFile.shape.contentType,
        bytes: z.int(),
      }),
    ),
    completionDays: z.int().optional(),
    result: z.unknown().optional(),
    rejectReason: z.string().optional(),
    startedAt: z.string(),
    submittedAt: z.string().optional(),
    updatedAt: z.string(),
    steps: z.array(
      step.extend({ by: z.string(), note: z.string().optional(), kinds: z.array(z.string()).optional() }),
    ),
    deadline: deadline.optional(),
  })
  .meta({
    id: 'CitizenServiceRequest',
    description: "The citizen's own request, everything but the store's keys",
  })

const publicServiceRequest = z
  .object({
    code: z.string(),
    display: z.string(),
    status: serviceRequestStatus,
    serviceName: z.string(),
    submittedAt: z.string().optional(),
    steps: z.array(step),
    completionDays: z.int().optional(),
    deadline: deadline.optional(),
  })
  .meta({ id: 'ServiceRequestTracking', description: 'What anyone with the code sees: no personal data' })

const line = citizenServiceRequestLine.meta({ id: 'ServiceRequestLine' })

const notFound = errorResponse('No request of this citizen with that code (`service_request_not_found`)')

const startRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests',
    operationId: 'startServiceRequest',
    summary:
      "Start an online application (a draft with its tracking code) for a service open online; the citizen's draft for that service when there is one already",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { body: body(z.object({ serviceId: entityId }).strict().meta({ id: 'StartServiceRequest' })) },
    responses: {
      201: json(citizenServiceRequest, 'Started'),
      200: json(citizenServiceRequest, "The citizen's draft for this service, started before"),
      404: errorResponse('No such service (`service_not_found`)'),
      409: errorResponse(
        'The service takes no online applications (`service_not_online`), or the MPP is not serving citizens online (`tenant_unavailable`)',
      ),
    },
  })

const listRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'get',
    path: '/api/citizen/service-requests',
    operationId: 'listMyServiceRequests',
    summary: "The citizen's requests on this MPP, drafts included, newest first",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    responses: { 200: json(z.object({ requests: z.array(line) }), 'Their requests') },
  })

const getRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'get',
    path: '/api/citizen/service-requests/{code}',
    operationId: 'getServiceRequest',
    summary:
      "The citizen's own request: answers, documents (which need a fix and why), dated steps and the deadline",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: codeParam },
    responses: { 200: json(citizenServiceRequest, 'The request'), 404: notFound },
  })

const answersRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'put',
    path: '/api/citizen/service-requests/{code}/answers',
    operationId: 'updateServiceRequest',
    summary:
      "Keep the answers typed so far (by the form's field ids; others are ignored). Checked at submission, not here",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: {
      params: codeParam,
      body: body(
        z
          .object({ answers: z.record(z.string().max(64), z.string().max(2000)) })
          .strict()
          .meta({ id: 'ServiceRequestAnswers' }),
      ),
    },
    responses: {
      200: json(citizenServiceRequest, 'Kept'),
      404: notFound,
      409: errorResponse('Not a draft, nor waiting for fixes (`service_request_locked`)'),
    },
  })

const submitRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests/{code}/submit',
    operationId: 'submitServiceRequest',
    summary:
      'Submit the request (or hand it back after fixes): answers checked, every required document present. Submitting again answers with it unchanged',
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: codeParam },
    responses: {
      200: json(citizenServiceRequest, 'Submitted (now or before)'),
      400: errorResponse(
        'An answer is wrong (`invalid_request`, details by field id), a required document is missing (`documents_missing`, details `documents.{kind}`), or a flagged one was not replaced (`documents_to_fix`)',
      ),
      404: notFound,
      409: errorResponse('The service takes no online applications any more (`service_not_online`)'),
    },
  })

const trackRoute = createRoute({
  method: 'get',
  path: '/api/service-requests/{code}',
  operationId: 'trackServiceRequest',
  summary: 'A submitted request by its tracking code: status, dated steps and the deadline, no personal data',
  tags: ['service requests'],
  middleware: requireSite('tenant'),
  request: { params: codeParam },
  responses: {
    200: json(publicServiceRequest, 'The request'),
    404: errorResponse('No submitted request with that code (`service_request_not_found`)'),
    429: tooManyResponse,
  },
})

const documentParams = codeParam.extend({
  kindId: entityId.meta({ description: "A document kind the service's online form asks for" }),
})

const documentRefusals = {
  404: errorResponse(
    'No request of this citizen with that code (`service_request_not_found`), or the form does not ask for that kind (`document_not_asked`)',
  ),
  409: errorResponse(
    'Not a draft nor waiting for fixes, or (waiting for fixes) a document an officer did not flag (`service_request_locked`)',
  ),
}

const uploadRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests/{code}/documents/{kindId}/upload',
    operationId: 'createDocumentUpload',
    summary:
      'The form that sends one document (PDF, JPEG or PNG, at most 5 MB) straight to the file store, good for 30 minutes; post `fields` then the file as `file` to `url`. The store then sends the browser to `redirect`, the accept step (or call acceptDocumentUpload with `uploadId`)',
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: documentParams },
    responses: {
      201: json(
        z
          .object({
            url: z.string(),
            fields: z.record(z.string(), z.string()),
            uploadId: z.string(),
            redirect: z.string(),
          })
          .meta({ id: 'DocumentUpload' }),
        'The upload form',
      ),
      ...documentRefusals,
    },
  })

const acceptRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests/{code}/documents/{kindId}/accept',
    operationId: 'acceptDocumentUpload',
    summary:
      "Check the uploaded document by its content, record it on the request (a replacement: version + 1, back to `handed_in`) and keep a copy in the citizen's documents. Accepting the same upload again changes nothing",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: {
      params: documentParams,
      body: body(
        z
          .object({ uploadId: z.string().regex(uploadIdPattern) })
          .strict()
          .meta({ id: 'AcceptDocumentUpload' }),
      ),
    },
    responses: {
      200: json(citizenServiceRequest, 'Recorded (now or before)'),
      400: errorResponse(
        'Nothing uploaded (`file_missing`), not a PDF, JPEG or PNG (`file_type_not_accepted`), or over 5 MB (`file_too_large`, details: bytes, maxBytes)',
      ),
      ...documentRefusals,
    },
  })

const useKeptRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'post',
    path: '/api/citizen/service-requests/{code}/documents/{kindId}/kept',
    operationId: 'useKeptDocument',
    summary:
      "Hand in the citizen's kept document of this kind without uploading it again: the request gets its own copy. Again changes nothing",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: documentParams },
    responses: {
      200: json(citizenServiceRequest, 'Recorded (now or before)'),
      404: errorResponse(
        'No such request of this citizen (`service_request_not_found`), the form does not ask for that kind (`document_not_asked`), or no kept document of it (`kept_document_not_found`)',
      ),
      409: documentRefusals[409],
    },
  })

const keptDocument = z
  .object({
    kindId: z.string(),
    name: z.object({ id: z.string(), en: z.string() }),
    fileName: z.string(),
    contentType: storedFile.shape.contentType,
    bytes: z.int(),
    keptAt: z.string(),
  })
  .meta({ id: 'KeptDocument' })

const listDocumentsRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'get',
    path: '/api/citizen/documents',
    operationId: 'listMyDocuments',
    summary: "The citizen's kept documents, one per kind: offered to their next request that asks for it",
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    responses: { 200: json(z.object({ documents: z.array(keptDocument) }), 'Their documents') },
  })

const deleteDocumentRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'delete',
    path: '/api/citizen/documents/{kindId}',
    operationId: 'deleteMyDocument',
    summary:
      'Delete a kept document: gone from the file store and the list. Requests that used it keep their own copies',
    tags: ['service requests'],
    middleware: [requireSite('tenant'), guard] as const,
    request: { params: z.object({ kindId: entityId }) },
    responses: {
      204: { description: 'Deleted' },
      404: errorResponse('No kept document of that kind (`kept_document_not_found`)'),
    },
  })

const citizenOf = (c: Context<AppEnv>) => (c.var.citizen as CitizenSession).address

/** The citizen's online applications as JSON; the pages are service-request-pages.tsx. */
export const serviceRequestApi = (deps: AppDeps) => {
  const guard = requireCitizen(deps)
  return createRouter()
    .openapi(startRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const { request, created } = await startServiceRequest(
        deps,
        tenant,
        citizenOf(c),
        c.req.valid('json').serviceId,
      )
      c.header('Cache-Control', 'no-store')
      return c.json(citizenViewOf(deps, tenant, request), created ? 201 : 200)
    })
    .openapi(listRoute(guard), async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({ requests: await listMyServiceRequests(deps, tenantOf(c.var.site), citizenOf(c)) }, 200)
    })
    .openapi(getRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      c.header('Cache-Control', 'no-store')
      const found = await ownServiceRequest(deps, tenant, citizenOf(c), c.req.valid('param').code)
      return c.json(citizenViewOf(deps, tenant, found), 200)
    })
    .openapi(answersRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const saved = await saveAnswers(
        deps,
        tenant,
        citizenOf(c),
        c.req.valid('param').code,
        c.req.valid('json').answers,
      )
      return c.json(citizenViewOf(deps, tenant, saved), 200)
    })
    .openapi(submitRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const submitted = await submitServiceRequest(deps, tenant, citizenOf(c), c.req.valid('param').code)
      return c.json(citizenViewOf(deps, tenant, submitted), 200)
    })
    .openapi(uploadRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const { code, kindId } = c.req.valid('param')
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      const form = await createDocumentUpload(deps, tenant, citizenOf(c), code, kindId, site)
      c.header('Cache-Control', 'no-store')
      return c.json(form, 201)
    })
    .openapi(acceptRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const { code, kindId } = c.req.valid('param')
      const { uploadId } = c.req.valid('json')
      const saved = await acceptDocumentUpload(deps, tenant, citizenOf(c), code, kindId, uploadId)
      return c.json(citizenViewOf(deps, tenant, saved), 200)
    })
    .openapi(useKeptRoute(guard), async (c) => {
      const tenant = tenantOf(c.var.site)
      const { code, kindId } = c.req.valid('param')
      const saved = await useKeptDocument(deps, tenant, citizenOf(c), code, kindId)
      return c.json(citizenViewOf(deps, tenant, saved), 200)
    })
    .openapi(listDocumentsRoute(guard), async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({ documents: await listMyDocuments(deps, tenantOf(c.var.site), citizenOf(c)) }, 200)
    })
    .openapi(deleteDocumentRoute(guard), async (c) => {
      await deleteMyDocument(deps, tenantOf(c.var.site), citizenOf(c), c.req.valid('param').kindId)
      return c.body(null, 204)
    })
    .openapi(trackRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      await countPublicWrite(deps, c, 'trackingLookup')
      c.header('Cache-Control', 'no-store')
      const found = await trackedServiceRequest(deps, tenant, c.req.valid('param').code)
      return c.json(publicTrackingOf(deps, tenant, found), 200)
    })
}

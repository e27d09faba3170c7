import { createRoute, z } from '@hono/zod-openapi'
import { serviceRequest } from '@mpp/core/service-request'
import type { AppDeps, Session } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { originOf } from '../onboarding/origin'
import {
  listServiceRequests,
  openRequestDocument,
  requestDocumentViews,
  reviewInput,
  reviewServiceRequest,
  serviceRequestFilters,
  staffServiceRequestOr404,
  staffServiceRequestView,
} from '../service-requests/staff-service-requests'
import { createRouter } from '../validation'

/** Officers decide their agencies' requests; admins see and may decide every agency's. */
const staffOnly = [requireSite('tenant'), requireRole('admin', 'officer')]
const staffErrors = {
  401: errorResponse('No session'),
  403: errorResponse('Not staff of this MPP'),
  404: errorResponse("No such request among the staff member's agencies"),
}

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const codeParam = z.object({
  code: z.string().min(1).max(20).meta({ description: 'The tracking code, with or without dashes' }),
})

const deadline = z.object({
  used: z.int(),
  dueOn: z.string().optional(),
  state: z.enum(['not_started', 'running', 'paused', 'stopped']),
  overdue: z.boolean(),
})

const staffServiceRequest = serviceRequest
  .omit({ version: true })
  .extend({ display: z.string(), deadline })
  .meta({ id: 'StaffServiceRequest', description: 'A service request with its deadline, as staff read it' })

const documentView = z.object({ at: z.string(), by: z.string(), kindId: z.string(), version: z.int() })

const listRoute = createRoute({
  method: 'get',
  path: '/api/staff/service-requests',
  operationId: 'listServiceRequests',
  summary:
    "The service requests of the staff member's agencies: open ones (overdue first, then by submission), only the overdue, or the latest finished",
  tags: ['service requests'],
  middleware: staffOnly,
  request: {
    query: z
      .object({
        status: z.enum(serviceRequestFilters).default('open'),
        agency: z.string().max(64).optional().meta({ description: 'One of the staff member’s agencies' }),
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ agencies: z.array(z.string()), requests: z.array(staffServiceRequest) }),
      'Requests; `agencies` are those the staff member decides',
    ),
    400: errorResponse('Unknown filter'),
    ...staffErrors,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/staff/service-requests/{code}',
  operationId: 'getServiceRequestForStaff',
  summary: 'A request with its answers, documents, steps, deadline and who opened its documents',
  tags: ['service requests'],
  middleware: staffOnly,
  request: { params: codeParam },
  responses: {
    200: json(staffServiceRequest.extend({ documentViews: z.array(documentView) }), 'The request'),
    ...staffErrors,
  },
})

const reviewRoute = createRoute({
  method: 'post',
  path: '/api/staff/service-requests/{code}/review',
  operationId: 'reviewServiceRequest',
  summary:
    'Decide a step: `review` (a verdict for every document waiting: accept, or fix with a reason), `ready`, `complete`, or `reject` with a reason',
  tags: ['service requests'],
  middleware: staffOnly,
  request: {
    params: codeParam,
    body: { required: true, content: { 'application/json': { schema: reviewInput } } },
  },
  responses: {
    200: json(staffServiceRequest, 'Changed; the citizen is notified'),
    400: errorResponse('Invalid body, or verdicts that do not match the documents waiting'),
    ...staffErrors,
    409: errorResponse('Not possible at the current status'),
  },
})

const documentRoute = createRoute({
  method: 'get',
  path: '/api/staff/service-requests/{code}/documents/{kindId}',
  operationId: 'openServiceRequestDocument',
  summary: 'Open a document: the view is recorded with who and when, then a short-lived link is given',
  tags: ['service requests'],
  middleware: staffOnly,
  request: { params: codeParam.extend({ kindId: z.string().min(1).max(64) }) },
  responses: {
    302: { description: 'To a short-lived link to the file' },
    ...staffErrors,
  },
})

export const serviceRequestStaffApi = (deps: AppDeps) =>
  createRouter()
    .openapi(listRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const { status, agency } = c.req.valid('query')
      c.header('Cache-Control', 'no-store')
      return c.json(await listServiceRequests(deps, tenant, c.var.session as Session, status, agency), 200)
    })
    .openapi(getRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const staff = c.var.session as Session
      const { code } = c.req.valid('param')
      const found = await staffServiceRequestOr404(deps, tenant, staff, code)
      c.header('Cache-Control', 'no-store')
      return c.json(
        {
          ...staffServiceRequestView(deps, tenant, found),
          documentViews: await requestDocumentViews(deps, tenant, staff, code),
        },
        200,
      )
    })
    .openapi(reviewRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      const staff = c.var.session as Session
      const { code } = c.req.valid('param')
      const changed = await reviewServiceRequest(deps, tenant, staff, code, c.req.valid('json'), site)
      return c.json(staffServiceRequestView(deps, tenant, changed), 200)
    })
    .openapi(documentRoute, async (c) => {
      const { code, kindId } = c.req.valid('param')
      const url = await openRequestDocument(
        deps,
        tenantOf(c.var.site),
        c.var.session as Session,
        code,
        kindId,
      )
      c.header('Cache-Control', 'no-store')
      return c.redirect(url, 302)
    })

import { createRoute, z } from '@hono/zod-openapi'
import {
  closeNote,
  complaint,
  complaintCategory,
  complaintInput,
  complaintStatus,
  formatTrackingCode,
  laporReference,
  laporUrl,
  responseText,
} from '@mpp/core/complaint'
import type { AppDeps, Session } from '../app-env'
import {
  citizenView,
  closeComplaint,
  complaintOr404,
  complaintToday,
  listComplaints,
  replyToComplaint,
  respondComplaint,
  setLaporReference,
  staffView,
  submitComplaint,
  verifyComplaint,
} from '../complaints/complaints'
import { errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { originOf } from '../onboarding/origin'
import { createRouter } from '../validation'

/** Officers and admins both handle complaints: whoever is on duty verifies, responds and closes. */
const staffOnly = [requireSite('tenant'), requireRole('admin', 'officer')]
const staffErrors = {
  401: errorResponse('No session'),
  403: errorResponse('Not staff of this MPP'),
  404: errorResponse('No such complaint'),
}

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <S extends z.ZodType>(schema: S, required = true) => ({
  required,
  content: { 'application/json': { schema } },
})

/** The page a citizen follows a complaint on. */
export const complaintLink = (code: string) => `/pengaduan/${formatTrackingCode(code)}`

const codeParam = z.object({
  code: z.string().min(1).max(20).meta({ description: 'The tracking code, with or without dashes' }),
})

const message = z.object({ from: z.enum(['staff', 'citizen']), text: z.string(), at: z.string() })

export const citizenComplaint = z
  .object({
    code: z.string(),
    status: complaintStatus,
    category: complaintCategory,
    service: z.object({ id: z.string(), name: z.string() }).optional(),
    text: z.string(),
    anonymous: z.boolean(),
    filedAt: z.string(),
    filedOn: z.string(),
    verifyBy: z.string(),
    respondBy: z.string(),
    verifiedAt: z.string().optional(),
    replyBy: z.string().optional().meta({ description: 'While responded: the last day to reply' }),
    closedAt: z.string().optional(),
    closedBySystem: z.boolean().optional(),
    closeNote: z.string().optional(),
    laporRef: z.string().optional(),
    messages: z.array(message),
  })
  .meta({ id: 'Complaint', description: "The citizen's view: no contact details, no staff identity" })

const filed = z
  .object({
    code: z.string(),
    /** The code grouped for writing down: `KX7P-M2QD-9R`. */
    display: z.string(),
    link: z.string(),
    laporUrl: z.string(),
    complaint: citizenComplaint,
  })
  .meta({ id: 'FiledComplaint' })

const staffComplaint = complaint
  .omit({ version: true })
  .extend({ overdue: z.enum(['verify', 'respond']).nullable() })
  .meta({ id: 'StaffComplaint' })

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[\w-]+$/)
    .optional()
    .meta({
      description:
        'The same key with the same body returns the same complaint: a retried submission never files two. The same key with another body is refused (422).',
    }),
})

export const complaintFilters = ['open', 'overdue', ...complaintStatus.options] as const

const submitRoute = createRoute({
  method: 'post',
  path: '/api/complaints',
  operationId: 'submitComplaint',
  summary: 'File a complaint (pengaduan); anonymous allowed. The answer carries the tracking code',
  tags: ['complaints'],
  middleware: requireSite('tenant'),
  request: {
    headers: idempotencyHeader,
    body: body(
      complaintInput.meta({
        id: 'ComplaintInput',
        description:
          'Anonymous (`anonymous: true`) means no contact at all; otherwise `contact.name` is required, a phone number or email address optional.',
      }),
    ),
  },
  responses: {
    201: json(filed, 'Filed'),
    200: json(filed, 'Filed before with this Idempotency-Key'),
    400: errorResponse('Invalid body'),
    404: errorResponse('Unknown service'),
    409: errorResponse('The MPP is not serving citizens online'),
    422: errorResponse('The Idempotency-Key came before with another body (idempotency_key_reused)'),
    429: tooManyResponse,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/complaints/{code}',
  operationId: 'getComplaint',
  summary: "A complaint's status, deadlines and responses, by its tracking code",
  tags: ['complaints'],
  middleware: requireSite('tenant'),
  request: { params: codeParam },
  responses: { 200: json(citizenComplaint, 'The complaint'), 404: errorResponse('No such complaint') },
})

const replyRoute = createRoute({
  method: 'post',
  path: '/api/complaints/{code}/reply',
  operationId: 'replyToComplaint',
  summary: "The citizen's reply to a response, within 10 working days: it awaits another response",
  tags: ['complaints'],
  middleware: requireSite('tenant'),
  request: { params: codeParam, body: body(z.object({ text: complaintInput.shape.text }).strict()) },
  responses: {
    200: json(citizenComplaint, 'Open again'),
    400: errorResponse('Invalid body'),
    404: errorResponse('No such complaint'),
    409: errorResponse('Not awaiting a reply, or the 10 working days are over'),
    429: tooManyResponse,
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/staff/complaints',
  operationId: 'listComplaints',
  summary: "This MPP's complaints: open ones (late first), one status, the late ones, or the latest closed",
  tags: ['complaints'],
  middleware: staffOnly,
  request: { query: z.object({ status: z.enum(complaintFilters).default('open') }).strict() },
  responses: {
    200: json(
      z.object({ today: z.string(), complaints: z.array(staffComplaint) }),
      'Complaints; `overdue` names the late step',
    ),
    400: errorResponse('Unknown filter'),
    ...staffErrors,
  },
})

const staffGetRoute = createRoute({
  method: 'get',
  path: '/api/staff/complaints/{code}',
  operationId: 'getComplaintForStaff',
  summary: 'A complaint with its contact details and who handled it',
  tags: ['complaints'],
  middleware: staffOnly,
  request: { params: codeParam },
  responses: { 200: json(staffComplaint, 'The complaint'), ...staffErrors },
})

const actionRoute = <S extends z.ZodType>(
  action: string,
  operationId: string,
  summary: string,
  schema: S,
  required = true,
) =>
  createRoute({
    method: 'post',
    path: `/api/staff/complaints/{code}/${action}`,
    operationId,
    summary,
    tags: ['complaints'],
    middleware: staffOnly,
    request: { params: codeParam, body: body(schema, required) },
    responses: {
      200: json(staffComplaint, 'Changed'),
      400: errorResponse('Invalid body'),
      ...staffErrors,
      409: errorResponse('Not possible at the current status'),
    },
  })

const verifyRoute = actionRoute(
  'verify',
  'verifyComplaint',
  'Verified (and forwarded): optionally with the LAPOR! reference',
  z.object({ laporRef: laporReference.optional() }).strict(),
  false,
)
const respondRoute = actionRoute(
  'respond',
  'respondComplaint',
  'The follow-up: the response the citizen reads; it closes 10 working days later unless they reply',
  z.object({ text: responseText }).strict(),
)
const closeRoute = actionRoute(
  'close',
  'closeComplaint',
  'Close it; before a response a note saying why is required',
  z.object({ note: closeNote.optional() }).strict(),
  false,
)

const laporRoute = createRoute({
  method: 'put',
  path: '/api/staff/complaints/{code}/lapor-ref',
  operationId: 'setComplaintLaporRef',
  summary: 'Record the reference LAPOR! gave the complaint (null removes it)',
  tags: ['complaints'],
  middleware: staffOnly,
  request: { params: codeParam, body: body(z.object({ laporRef: laporReference.nullable() }).strict()) },
  responses: { 200: json(staffComplaint, 'Recorded'), 400: errorResponse('Invalid body'), ...staffErrors },
})

export const complaintApi = (deps: AppDeps) =>
  createRouter()
    .openapi(submitRoute, async (c) => {
      await countPublicWrite(deps, c, 'complaint')
      const key = c.req.valid('header')['idempotency-key']
      const tenant = tenantOf(c.var.site)
      const { complaint: filedComplaint, replayed } = await submitComplaint(
        deps,
        tenant,
        c.req.valid('json'),
        { site: originOf(c, deps.config.rootDomain).tenant(tenant.slug), lang: c.var.lang },
        key ? `CP#${key}` : undefined,
      )
      c.header('Cache-Control', 'no-store')
      return c.json(
        {
          code: filedComplaint.code,
          display: formatTrackingCode(filedComplaint.code),
          link: complaintLink(filedComplaint.code),
          laporUrl,
          complaint: citizenView(filedComplaint),
        },
        replayed ? 200 : 201,
      )
    })
    .openapi(getRoute, async (c) => {
      c.header('Cache-Control', 'no-store')
      const found = await complaintOr404(deps, tenantOf(c.var.site), c.req.valid('param').code)
      return c.json(citizenView(found), 200)
    })
    .openapi(replyRoute, async (c) => {
      await countPublicWrite(deps, c, 'complaintReply')
      const changed = await replyToComplaint(
        deps,
        tenantOf(c.var.site),
        c.req.valid('param').code,
        c.req.valid('json').text,
      )
      return c.json(citizenView(changed), 200)
    })
    .openapi(listRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      c.header('Cache-Control', 'no-store')
      const { today, complaints } = await listComplaints(deps, tenant, c.req.valid('query').status)
      return c.json({ today, complaints: complaints.map((x) => staffView(x, today)) }, 200)
    })
    .openapi(staffGetRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      c.header('Cache-Control', 'no-store')
      const found = await complaintOr404(deps, tenant, c.req.valid('param').code)
      return c.json(staffView(found, complaintToday(tenant, deps.now())), 200)
    })
    .openapi(verifyRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const { laporRef } = (c.req.valid('json') ?? {}) as { laporRef?: string }
      const by = (c.var.session as Session).email
      const changed = await verifyComplaint(deps, tenant, c.req.valid('param').code, by, laporRef)
      return c.json(staffView(changed, complaintToday(tenant, deps.now())), 200)
    })
    .openapi(respondRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const by = (c.var.session as Session).email
      const { text } = c.req.valid('json') as { text: string }
      const changed = await respondComplaint(deps, tenant, c.req.valid('param').code, by, text)
      return c.json(staffView(changed, complaintToday(tenant, deps.now())), 200)
    })
    .openapi(closeRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const by = (c.var.session as Session).email
      const { note } = (c.req.valid('json') ?? {}) as { note?: string }
      const changed = await closeComplaint(deps, tenant, c.req.valid('param').code, by, note)
      return c.json(staffView(changed, complaintToday(tenant, deps.now())), 200)
    })
    .openapi(laporRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const { laporRef } = c.req.valid('json')
      const changed = await setLaporReference(deps, tenant, c.req.valid('param').code, laporRef ?? undefined)
      return c.json(staffView(changed, complaintToday(tenant, deps.now())), 200)
    })

import { createRoute, z } from '@hono/zod-openapi'
import { applicationInput, application as applicationSchema } from '@mpp/core/application'
import { regencies } from '@mpp/core/regions'
import { normaliseForSearch } from '@mpp/core/search'
import { reservedSubdomains, subdomain } from '@mpp/core/subdomain'
import { applicationStatus } from '@mpp/core/tenant-lifecycle'
import { listApplicationsByStatus, subdomainTaken } from '@mpp/db/application-repository'
import { auditEntry, listAudit } from '@mpp/db/audit-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite, perApplicantEmail } from '../limits/public-writes'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import {
  type ApplicationDecision,
  applicationSubject,
  createApplication,
  decideApplication,
  getApplication,
  resubmitApplication,
  verifyApplicationEmail,
} from '../onboarding/applications'
import { originOf } from '../onboarding/origin'
import { createRouter } from '../validation'

const ministryOnly = [requireSite('platform'), requireRole('ministry')]
const ministryErrors = { 401: errorResponse('No session'), 403: errorResponse('Not the ministry') }
const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})
const idParam = z.object({ id: z.string().max(64) })
const statusBody = z.object({ id: z.string(), status: applicationStatus }).meta({ id: 'ApplicationStatus' })
const applicationBody = applicationSchema.meta({ id: 'Application' })

const createApplicationRoute = createRoute({
  method: 'post',
  path: '/api/applications',
  operationId: 'createApplication',
  summary: "File a regency's application to join; a mail asks to confirm the applicant's address",
  tags: ['onboarding'],
  middleware: requireSite('platform'),
  request: { body: body(applicationInput.meta({ id: 'ApplicationInput' })) },
  responses: {
    201: ok(statusBody, 'Filed; waiting for the email confirmation'),
    400: errorResponse('Invalid, or not one of the 514 regencies'),
    409: errorResponse(
      'The regency is held by a confirmed application (when, in details) or a tenant, or the subdomain is taken',
    ),
    429: tooManyResponse,
  },
})

const checkSubdomainRoute = createRoute({
  method: 'get',
  path: '/api/subdomains/{name}',
  operationId: 'checkSubdomain',
  summary: 'Whether a subdomain can be chosen: valid, not reserved, not taken',
  tags: ['onboarding'],
  middleware: requireSite('platform'),
  request: { params: z.object({ name: z.string().max(80) }) },
  responses: {
    200: ok(
      z.object({
        name: z.string(),
        available: z.boolean(),
        reason: z.enum(['invalid', 'reserved', 'taken']).optional(),
      }),
      'Availability',
    ),
    429: tooManyResponse,
  },
})

const searchRegenciesRoute = createRoute({
  method: 'get',
  path: '/api/regencies',
  operationId: 'searchRegencies',
  summary: 'The official kabupaten/kota whose name, province or code matches (up to 20)',
  tags: ['onboarding'],
  middleware: requireSite('platform'),
  request: { query: z.object({ q: z.string().max(80).default('') }).strict() },
  responses: {
    200: ok(
      z.object({
        regencies: z.array(z.object({ code: z.string(), name: z.string(), provinceName: z.string() })),
      }),
      'Matches',
    ),
    400: errorResponse('Invalid query'),
  },
})

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/verify',
  operationId: 'verifyApplicationEmail',
  summary: "Confirm the applicant's email address with the mailed token",
  tags: ['onboarding'],
  middleware: requireSite('platform'),
  request: { params: idParam, body: body(z.object({ token: z.string().max(100) }).strict()) },
  responses: {
    200: ok(statusBody, 'Verified'),
    404: errorResponse('Invalid or expired link'),
    409: errorResponse('Already verified'),
  },
})

const resubmitRoute = createRoute({
  method: 'put',
  path: '/api/applications/{id}/revision',
  operationId: 'resubmitApplication',
  summary: 'Resubmit a revised application with the mailed revision token',
  tags: ['onboarding'],
  middleware: requireSite('platform'),
  request: { params: idParam, body: body(applicationInput.extend({ token: z.string().max(100) })) },
  responses: {
    200: ok(statusBody, 'Resubmitted'),
    400: errorResponse('Invalid'),
    404: errorResponse('Invalid or expired link'),
    409: errorResponse('Not awaiting a revision, or the new subdomain is taken'),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/applications',
  operationId: 'listApplications',
  summary:
    'Applications of a status (verified by default), newest first, searched by regency, province or applicant',
  tags: ['ministry'],
  middleware: ministryOnly,
  request: {
    query: z
      .object({ status: applicationStatus.default('verified'), q: z.string().max(80).optional() })
      .strict(),
  },
  responses: {
    200: ok(z.object({ applications: z.array(applicationBody) }), 'Applications'),
    400: errorResponse('Invalid query'),
    ...ministryErrors,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}',
  operationId: 'getApplication',
  summary: "An application's full record and its audit log",
  tags: ['ministry'],
  middleware: ministryOnly,
  request: { params: idParam },
  responses: {
    200: ok(
      z.object({ application: applicationBody, audit: z.array(auditEntry.meta({ id: 'AuditEntry' })) }),
      'The record',
    ),
    ...ministryErrors,
    404: errorResponse('No such application'),
  },
})

const decisionRoute = (operationId: string, path: string, summary: string, note: z.ZodType) =>
  createRoute({
    method: 'post',
    path: `/api/applications/{id}/${path}`,
    operationId,
    summary,
    tags: ['ministry'],
    middleware: ministryOnly,
    request: { params: idParam, body: body(z.object({ note }).strict()) },
    responses: {
      200: ok(statusBody, 'Decided'),
      400: errorResponse('Invalid (a reason is required)'),
      ...ministryErrors,
      404: errorResponse('No such application'),
      409: errorResponse('Not in a status that allows this'),
    },
  })

const reason = z.string().trim().min(5).max(2000)
const approveRoute = decisionRoute(
  'approveApplication',
  'approve',
  'Approve: the tenant starts in trial and its first admin is invited',
  reason.optional(),
)
const rejectRoute = decisionRoute('rejectApplication', 'reject', 'Reject, with the reason', reason)
const revisionRoute = decisionRoute(
  'requestRevision',
  'request-revision',
  'Ask for a revision, saying what',
  reason,
)
const withdrawRoute = decisionRoute(
  'withdrawApplication',
  'withdraw',
  'Withdraw an application not yet decided (confirmed or not), with the reason; its regency and subdomain become free',
  reason,
)

/** A search that ignores case and accents, on a regency's name, province or code. */
const regencyMatches = (q: string) => {
  const query = normaliseForSearch(q)
  return regencies
    .filter((r) => !query || normaliseForSearch(`${r.name} ${r.provinceName} ${r.code}`).includes(query))
    .slice(0, 20)
    .map(({ code, name, provinceName }) => ({ code, name, provinceName }))
}

const applicationSearch = (q: string | undefined) => {
  const query = q ? normaliseForSearch(q) : ''
  return (a: z.output<typeof applicationSchema>) =>
    !query ||
    normaliseForSearch(`${a.regencyName} ${a.provinceName} ${a.applicant.name} ${a.subdomain}`).includes(
      query,
    )
}

export const applicationApi = (deps: AppDeps) => {
  const decide = async (
    c: Context<AppEnv>,
    id: string,
    action: ApplicationDecision,
    note: string | undefined,
  ) => {
    const by = (c.var.session as Session).email
    const a = await decideApplication(
      deps,
      { id, action, by, ...(note ? { note } : {}) },
      originOf(c, deps.config.rootDomain),
    )
    return { id: a.id, status: a.status }
  }
  return createRouter()
    .openapi(createApplicationRoute, async (c) => {
      await countPublicWrite(deps, c, 'application', perApplicantEmail(c.req.valid('json').applicant.email))
      const { application: a } = await createApplication(
        deps,
        c.req.valid('json'),
        originOf(c, deps.config.rootDomain),
      )
      return c.json({ id: a.id, status: a.status }, 201)
    })
    .openapi(checkSubdomainRoute, async (c) => {
      await countPublicWrite(deps, c, 'subdomainCheck')
      const { name } = c.req.valid('param')
      const reasonOf = async () => {
        if (reservedSubdomains.has(name)) return 'reserved' as const
        if (!subdomain.safeParse(name).success) return 'invalid' as const
        return (await subdomainTaken(deps.db, name)) ? ('taken' as const) : undefined
      }
      const why = await reasonOf()
      c.header('Cache-Control', 'no-store')
      return c.json({ name, available: !why, ...(why ? { reason: why } : {}) }, 200)
    })
    .openapi(searchRegenciesRoute, (c) => {
      c.header('Cache-Control', 'public, max-age=3600')
      return c.json({ regencies: regencyMatches(c.req.valid('query').q) }, 200)
    })
    .openapi(verifyRoute, async (c) => {
      const a = await verifyApplicationEmail(deps, c.req.valid('param').id, c.req.valid('json').token)
      return c.json({ id: a.id, status: a.status }, 200)
    })
    .openapi(resubmitRoute, async (c) => {
      const { token, ...input } = c.req.valid('json')
      const a = await resubmitApplication(deps, c.req.valid('param').id, token, input)
      return c.json({ id: a.id, status: a.status }, 200)
    })
    .openapi(listRoute, async (c) => {
      const { status, q } = c.req.valid('query')
      const applications = (await listApplicationsByStatus(deps.db, status, deps.now())).filter(
        applicationSearch(q),
      )
      return c.json({ applications }, 200)
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param')
      const [application, audit] = await Promise.all([
        getApplication(deps, id),
        listAudit(deps.db, applicationSubject(id)),
      ])
      return c.json({ application, audit }, 200)
    })
    .openapi(approveRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, 'approve', c.req.valid('json').note as string | undefined),
        200,
      ),
    )
    .openapi(rejectRoute, async (c) =>
      c.json(await decide(c, c.req.valid('param').id, 'reject', c.req.valid('json').note as string), 200),
    )
    .openapi(revisionRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, 'request_revision', c.req.valid('json').note as string),
        200,
      ),
    )
    .openapi(withdrawRoute, async (c) =>
      c.json(await decide(c, c.req.valid('param').id, 'withdraw', c.req.valid('json').note as string), 200),
    )
}

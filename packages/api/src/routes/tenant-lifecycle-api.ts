import { createRoute, z } from '@hono/zod-openapi'
import { isoDate } from '@mpp/core/queue'
import { tenantId, tenant as tenantSchema } from '@mpp/core/tenant'
import { auditEntry, listAudit } from '@mpp/db/audit-repository'
import { listMail, mailDelivery, mailMessage } from '@mpp/db/mail-repository'
import { getTenant, listDirectory } from '@mpp/db/tenant-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { ApiError, errorResponse } from '../errors'
import { mailRef, resendFailedMail } from '../mail/resend'
import { hideSecretLinks } from '../mail/secret-links'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { tenantSubject } from '../onboarding/applications'
import { decideTenant, type TenantDecision } from '../onboarding/tenant-lifecycle'
import type { TenantCache } from '../tenant-cache'
import { createRouter } from '../validation'

const ministryOnly = [requireSite('platform'), requireRole('ministry')]
const ministryErrors = { 401: errorResponse('No session'), 403: errorResponse('Not the ministry') }
const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const idParam = z.object({ id: tenantId })
const tenantBody = tenantSchema.meta({ id: 'TenantRecord' })

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/api/tenants',
  operationId: 'listTenants',
  summary: 'Every tenant of the platform with its lifecycle stage',
  tags: ['ministry'],
  middleware: ministryOnly,
  responses: {
    200: ok(
      z.object({
        tenants: z.array(
          z.object({
            id: z.string(),
            slug: z.string(),
            name: z.string(),
            regencyName: z.string(),
            provinceName: z.string(),
            stage: z.string(),
          }),
        ),
      }),
      'Tenants',
    ),
    ...ministryErrors,
  },
})

const getTenantRecordRoute = createRoute({
  method: 'get',
  path: '/api/tenants/{id}',
  operationId: 'getTenantRecord',
  summary: "A tenant's record and audit log",
  tags: ['ministry'],
  middleware: ministryOnly,
  request: { params: idParam },
  responses: {
    200: ok(z.object({ tenant: tenantBody, audit: z.array(auditEntry) }), 'The record'),
    ...ministryErrors,
    404: errorResponse('No such tenant'),
  },
})

const decisionRoute = <B extends z.ZodType>(operationId: string, path: string, summary: string, schema: B) =>
  createRoute({
    method: 'post',
    path: `/api/tenants/{id}/${path}`,
    operationId,
    summary,
    tags: ['ministry'],
    middleware: ministryOnly,
    request: { params: idParam, body: { required: true, content: { 'application/json': { schema } } } },
    responses: {
      200: ok(tenantBody, 'The tenant after the decision'),
      400: errorResponse('Invalid'),
      ...ministryErrors,
      404: errorResponse('No such tenant'),
      409: errorResponse('Not allowed from its current stage'),
    },
  })

const note = z.string().trim().max(2000).optional()
const inaugurateRoute = decisionRoute(
  'inaugurateTenant',
  'inaugurate',
  'Peresmian: the tenant goes live on the given date',
  z.object({ date: isoDate }).strict(),
)
const suspendRoute = decisionRoute(
  'suspendTenant',
  'suspend',
  'Suspend with a reason: the citizen site says so and takes no tickets',
  z.object({ reason: z.string().trim().min(5).max(500) }).strict(),
)
const reactivateRoute = decisionRoute(
  'reactivateTenant',
  'reactivate',
  'Lift a suspension',
  z.object({ note }).strict(),
)
const closeRoute = decisionRoute(
  'closeTenant',
  'close',
  'Close a suspended tenant for good',
  z.object({ note }).strict(),
)

const listMailRoute = createRoute({
  method: 'get',
  path: '/api/mail',
  operationId: 'listMail',
  summary:
    "The mail outbox, newest first, each mail with its delivery state (`failed` ones with the server's reason); links carrying a secret are hidden",
  tags: ['ministry'],
  middleware: ministryOnly,
  request: { query: z.object({ delivery: mailDelivery.optional() }) },
  responses: {
    200: ok(z.object({ mail: z.array(mailMessage.meta({ id: 'Mail' })) }), 'Mails'),
    ...ministryErrors,
  },
})

const resendMailRoute = createRoute({
  method: 'post',
  path: '/api/mail/resend',
  operationId: 'resendMail',
  summary: 'Send a failed mail again: it goes back to `pending` with its attempts counted afresh',
  tags: ['ministry'],
  middleware: ministryOnly,
  request: { body: { required: true, content: { 'application/json': { schema: mailRef } } } },
  responses: {
    202: ok(z.object({ delivery: z.literal('pending') }), 'Queued for sending'),
    400: errorResponse('Invalid'),
    ...ministryErrors,
    404: errorResponse('No such mail (it may have expired)'),
    409: errorResponse('The mail is not failed'),
  },
})

/** The ministry's hold on tenants: the list, a record with its audit log, and the lifecycle decisions. */
export const tenantLifecycleApi = (deps: AppDeps, tenants: TenantCache) => {
  const decide = async (c: Context<AppEnv>, id: string, decision: TenantDecision) => {
    const next = await decideTenant(deps, id, decision, (c.var.session as Session).email)
    // This process serves the tenant's host too: its citizens see the new stage at once.
    tenants.forget(next.slug)
    return next
  }
  return createRouter()
    .openapi(listTenantsRoute, async (c) => c.json({ tenants: await listDirectory(deps.db) }, 200))
    .openapi(getTenantRecordRoute, async (c) => {
      const { id } = c.req.valid('param')
      const [tenant, audit] = await Promise.all([
        getTenant(deps.db, id),
        listAudit(deps.db, tenantSubject(id)),
      ])
      if (!tenant) throw new ApiError(404, 'not_found')
      return c.json({ tenant, audit }, 200)
    })
    .openapi(inaugurateRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, { action: 'inaugurate', date: c.req.valid('json').date }),
        200,
      ),
    )
    .openapi(suspendRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, { action: 'suspend', reason: c.req.valid('json').reason }),
        200,
      ),
    )
    .openapi(reactivateRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, { action: 'reactivate', note: c.req.valid('json').note }),
        200,
      ),
    )
    .openapi(closeRoute, async (c) =>
      c.json(
        await decide(c, c.req.valid('param').id, { action: 'close', note: c.req.valid('json').note }),
        200,
      ),
    )
    .openapi(listMailRoute, async (c) => {
      const hidden = c.var.m.ministryConsole.secretLinkHidden
      const { delivery } = c.req.valid('query')
      const mail = (await listMail(deps.db, { delivery })).map((m) => ({
        ...m,
        text: hideSecretLinks(m.text, hidden),
      }))
      return c.json({ mail }, 200)
    })
    .openapi(resendMailRoute, async (c) => {
      await resendFailedMail(deps, c.req.valid('json'))
      return c.json({ delivery: 'pending' as const }, 202)
    })
}

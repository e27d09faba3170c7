import { createRoute, z } from '@hono/zod-openapi'
import { email } from '@mpp/core/account'
import { listMinistryAccounts, ministryAccount, setMinistryAccountActive } from '../admin/staff'
import type { AppDeps, Session } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { createRouter } from '../validation'

const ministryOnly = [requireSite('platform'), requireRole('ministry')]
const ministryErrors = { 401: errorResponse('No session'), 403: errorResponse('Not the ministry') }
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/ministry/accounts',
  operationId: 'listMinistryAccounts',
  summary: "The ministry's accounts",
  tags: ['ministry'],
  middleware: ministryOnly,
  responses: {
    200: json(z.object({ accounts: z.array(ministryAccount) }), 'Accounts, active first'),
    ...ministryErrors,
  },
})

const activeRoute = createRoute({
  method: 'put',
  path: '/api/ministry/accounts/{email}/active',
  operationId: 'setMinistryAccountActive',
  summary: 'Deactivate or reactivate a ministry account; deactivation ends its sessions at once',
  tags: ['ministry'],
  middleware: ministryOnly,
  request: {
    params: z.object({ email }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ active: z.boolean() }).strict().meta({ id: 'MinistryAccountActive' }),
        },
      },
    },
  },
  responses: {
    200: json(ministryAccount, 'Saved'),
    400: errorResponse('Invalid'),
    ...ministryErrors,
    404: errorResponse('No such account'),
    409: errorResponse('Your own account (own_account) or the last active one (last_ministry_account)'),
  },
})

/** The ministry's own accounts, as JSON. */
export const ministryAccountApi = (deps: AppDeps) =>
  createRouter()
    .openapi(listRoute, async (c) => c.json({ accounts: await listMinistryAccounts(deps) }, 200))
    .openapi(activeRoute, async (c) =>
      c.json(
        await setMinistryAccountActive(
          deps,
          c.req.valid('param').email,
          c.req.valid('json').active,
          c.var.session as Session,
        ),
        200,
      ),
    )

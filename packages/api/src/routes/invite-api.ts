import { createRoute, z } from '@hono/zod-openapi'
import { newPassword } from '@mpp/core/account'
import type { AppDeps } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { acceptInvite } from '../onboarding/accept-invite'
import { createRouter } from '../validation'
import { sessionBody, startSessionWith } from './auth-api'

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/invites/{token}/accept',
  operationId: 'acceptInvite',
  summary: 'Use an invite: choose a name and password, and be logged in (the link works once, for 72 hours)',
  tags: ['auth'],
  middleware: requireSite('tenant'),
  request: {
    params: z.object({ token: z.string().max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ name: z.string().trim().min(2).max(120), password: newPassword }).strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Account created; the session cookie is set',
      content: { 'application/json': { schema: sessionBody } },
    },
    400: errorResponse('Invalid (a password has at least 10 characters)'),
    404: errorResponse('The link was used already or has expired'),
  },
})

export const inviteApi = (deps: AppDeps) =>
  createRouter().openapi(acceptRoute, async (c) => {
    const account = await acceptInvite(
      deps,
      tenantOf(c.var.site),
      c.req.valid('param').token,
      c.req.valid('json'),
    )
    return c.json(await startSessionWith(deps, c, account), 200)
  })

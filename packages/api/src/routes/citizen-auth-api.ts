import { createRoute, z } from '@hono/zod-openapi'
import { signInAddress, signInCode } from '@mpp/core/citizen'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { endCitizenSession, getCitizenEndedSessions } from '@mpp/db/citizen-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv, CitizenSession } from '../app-env'
import {
  citizenSessionFor,
  clearCitizenCookie,
  issueCitizenToken,
  requireCitizen,
  setCitizenCookie,
} from '../auth/citizen-session'
import { proveSignInCode, sendSignInCode } from '../citizen/sign-in-code'
import { ApiError, errorResponse, tooManyResponse } from '../errors'
import { countPublicWrite, perAddress } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { createRouter } from '../validation'

export const citizenSessionBody = z
  .object({ address: z.string(), tenantId: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'CitizenSession' })

const toBody = (s: CitizenSession) => ({
  address: s.address,
  tenantId: s.tenantId,
  expiresAt: new Date(s.expiresAt * 1000).toISOString(),
})

export const signInCodeRequest = z
  .object({ address: signInAddress })
  .strict()
  .meta({ id: 'SignInCodeRequest' })
export const signInWithCodeBody = z
  .object({
    address: signInAddress,
    code: signInCode.meta({ description: 'The code sent to `address` by requestSignInCode' }),
  })
  .strict()
  .meta({ id: 'SignInWithCode' })

const requestCodeRoute = createRoute({
  method: 'post',
  path: '/api/citizen/sign-in-codes',
  operationId: 'requestSignInCode',
  summary:
    "Send a citizen's email address or mobile number a one-time sign-in code (valid 10 minutes, 5 tries); the answer is the same whether or not the citizen signed in before",
  tags: ['auth'],
  middleware: requireSite('tenant'),
  request: {
    body: { required: true, content: { 'application/json': { schema: signInCodeRequest } } },
  },
  responses: {
    202: {
      description: 'Sent, to the address shown masked',
      content: {
        'application/json': { schema: z.object({ sentTo: z.string(), expiresAt: z.iso.datetime() }) },
      },
    },
    400: errorResponse('Invalid body'),
    409: errorResponse('The MPP is not serving citizens online'),
    429: tooManyResponse,
  },
})

const signInRoute = createRoute({
  method: 'post',
  path: '/api/citizen/session',
  operationId: 'signInWithCode',
  summary: "Sign a citizen in on this MPP's host with the code sent to them; sets the citizen session cookie",
  tags: ['auth'],
  middleware: requireSite('tenant'),
  request: {
    body: { required: true, content: { 'application/json': { schema: signInWithCodeBody } } },
  },
  responses: {
    200: {
      description: 'Signed in; the citizen session cookie is set',
      content: { 'application/json': { schema: citizenSessionBody } },
    },
    400: errorResponse('Invalid body'),
    401: errorResponse(
      'A wrong code (`sign_in_code_invalid`, the tries left in details), or none that works (`sign_in_code_expired`: never sent, expired, used, or 5 wrong tries)',
    ),
    429: tooManyResponse,
  },
})

const sessionRoute = (guard: ReturnType<typeof requireCitizen>) =>
  createRoute({
    method: 'get',
    path: '/api/citizen/session',
    operationId: 'getCitizenSession',
    summary: "The citizen signed in on this MPP's host",
    tags: ['auth'],
    middleware: [requireSite('tenant'), guard] as const,
    responses: {
      200: {
        description: 'The citizen session',
        content: { 'application/json': { schema: citizenSessionBody } },
      },
      401: errorResponse('No citizen session on this host'),
    },
  })

const signOutRoute = createRoute({
  method: 'post',
  path: '/api/citizen/sign-out',
  operationId: 'signOutCitizen',
  summary: "End the citizen's session on this host",
  tags: ['auth'],
  middleware: requireSite('tenant'),
  responses: { 204: { description: 'Signed out; the cookie is cleared' } },
})

/** Counts the request (client, MPP, and 3 an hour per address) and sends the code; shared with the page. */
export const requestSignInCode = async (deps: AppDeps, c: Context<AppEnv>, address: string) => {
  const tenant = tenantOf(c.var.site)
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  await countPublicWrite(deps, c, 'signInCode', perAddress(address, 3, 3600))
  return sendSignInCode(deps, tenant, address, c.var.lang)
}

/** Checks the code and sets the citizen's cookie for this host; shared with the page. */
export const signInWithCode = async (deps: AppDeps, c: Context<AppEnv>, address: string, code: string) => {
  const tenant = tenantOf(c.var.site)
  await countPublicWrite(deps, c, 'signIn')
  await proveSignInCode(deps, tenant.id, address, code)
  const session = citizenSessionFor(address, tenant.id, new URL(c.req.url).hostname, deps.now())
  setCitizenCookie(c, issueCitizenToken(session, deps.config.sessionSecret))
  c.set('citizen', session)
  c.var.log.info('citizen signed in')
  return session
}

/** Ends the citizen's session for good (a kept copy of the cookie stops working) and clears the cookie. */
export const signOutCitizen = async (deps: AppDeps, c: Context<AppEnv>) => {
  const current = c.var.citizen
  if (current) {
    const known = (await getCitizenEndedSessions(deps.db, current.tenantId, current.address)) ?? {}
    const now = Math.floor(deps.now().getTime() / 1000)
    const expired = Object.entries(known)
      .filter(([, exp]) => exp <= now)
      .map(([id]) => id)
    await endCitizenSession(deps.db, current.tenantId, current.address, current, expired)
  }
  c.set('citizen', undefined)
  clearCitizenCookie(c)
}

export const citizenAuthApi = (deps: AppDeps) => {
  const guard = requireCitizen(deps)
  return createRouter()
    .openapi(requestCodeRoute, async (c) =>
      c.json(await requestSignInCode(deps, c, c.req.valid('json').address), 202),
    )
    .openapi(signInRoute, async (c) => {
      const { address, code } = c.req.valid('json')
      return c.json(toBody(await signInWithCode(deps, c, address, code)), 200)
    })
    .openapi(sessionRoute(guard), (c) =>
      // requireCitizen guarantees the session.
      c.json(toBody(c.var.citizen as CitizenSession), 200),
    )
    .openapi(signOutRoute, async (c) => {
      await signOutCitizen(deps, c)
      return c.body(null, 204)
    })
}

import { createRoute, z } from '@hono/zod-openapi'
import { type Account, credentials, role } from '@mpp/core/account'
import type { Context } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { login, sessionFor } from '../auth/login'
import { endThisSession } from '../auth/session-revocation'
import { issueSessionToken } from '../auth/session-token'
import { errorResponse } from '../errors'
import { clearSessionCookie, requireRole, setSessionCookie } from '../middleware/session'
import { createRouter } from '../validation'

export const sessionBody = z
  .object({
    email: z.string(),
    name: z.string(),
    role,
    tenantId: z.string().nullable(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' })

export const toBody = (s: Session) => ({
  email: s.email,
  name: s.name,
  role: s.role,
  tenantId: s.tenantId,
  expiresAt: new Date(s.expiresAt * 1000).toISOString(),
})

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  operationId: 'login',
  summary: "Log in on this host's site and receive the session cookie",
  tags: ['auth'],
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: credentials.meta({ id: 'Credentials' }) } },
    },
  },
  responses: {
    200: {
      description: 'Logged in; the session cookie is set',
      content: { 'application/json': { schema: sessionBody } },
    },
    400: errorResponse('Invalid body'),
    401: errorResponse('Wrong email or password'),
    429: errorResponse('Too many attempts; see Retry-After'),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  operationId: 'logout',
  summary: 'End the session on this host',
  tags: ['auth'],
  responses: { 204: { description: 'Logged out; the cookie is cleared' } },
})

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/auth/session',
  operationId: 'getSession',
  summary: 'The session of this request',
  tags: ['auth'],
  middleware: requireRole('admin', 'officer', 'ministry'),
  responses: {
    200: { description: 'The current session', content: { 'application/json': { schema: sessionBody } } },
    401: errorResponse('No session on this host'),
  },
})

/** Logs in on the current site and sets the cookie; shared by the API and the login form. */
export const startSession = async (deps: AppDeps, c: Context<AppEnv>, email: string, password: string) => {
  const session = await login(deps, {
    site: c.var.site,
    hostname: new URL(c.req.url).hostname,
    ip: deps.clientIp(c),
    email,
    password,
  })
  setSessionCookie(c, await issueSessionToken(session, deps.config.sessionSecret))
  c.var.log.info('login', { email: session.email, role: session.role })
  return session
}

/** Logs a just-created account in (after an invite was accepted) and answers with its session. */
export const startSessionWith = async (deps: AppDeps, c: Context<AppEnv>, account: Account) => {
  const session = sessionFor(account, c.var.site, new URL(c.req.url).hostname, deps.now())
  setSessionCookie(c, await issueSessionToken(session, deps.config.sessionSecret))
  c.var.log.info('login after invite', { email: session.email, role: session.role })
  return toBody(session)
}

export const authApi = (deps: AppDeps) =>
  createRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json')
      return c.json(toBody(await startSession(deps, c, email, password)), 200)
    })
    .openapi(logoutRoute, async (c) => {
      if (c.var.session) await endThisSession(deps, c.var.session)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
    .openapi(sessionRoute, (c) => {
      // requireRole guarantees the session.
      return c.json(toBody(c.var.session as Session), 200)
    })

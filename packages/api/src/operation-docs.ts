import type { RouteConfig } from '@hono/zod-openapi'
import type { Role } from '@mpp/core/account'
import type { Site } from './app-env'
import { errorResponse } from './errors'

/** The name of the cookie session's security scheme in the document. */
export const sessionScheme = 'session'

/** What a route's middleware says about it, read here so that the document says it too. */
export interface RouteGuard {
  /** `requireSite`: the operation exists only on this kind of host. */
  site?: Site['kind']
  /** `requireRole`: a session of one of these roles is needed. */
  roles?: readonly Role[]
  /** `requireCitizen`: a citizen's session (signed in with a code) on this MPP is needed. */
  citizen?: boolean
}

const platformServer = {
  url: 'https://{root}',
  description: 'The platform: signup, the ministry',
  variables: {
    root: { default: 'mpp.example.go.id', description: 'The root domain (locally http://localhost:3000)' },
  },
}
const tenantServer = {
  url: 'https://{tenant}.{root}',
  description: "An MPP's own site",
  variables: {
    tenant: { default: 'lubuklinggau', description: "The MPP's subdomain" },
    root: platformServer.variables.root,
  },
}

/** The servers of the document: the platform host and every MPP's subdomain. */
export const servers = [platformServer, tenantServer]

/** The cookie session as a security scheme; an operation's requirement lists the roles it lets in. */
export const sessionSecurityScheme = {
  type: 'apiKey',
  in: 'cookie',
  name: 'mpp_session',
  description:
    'The session cookie set by `login`: `mpp_session` over plain HTTP (localhost), `__Host-mpp_session` over HTTPS. ' +
    'It is bound to the host that issued it: a session of one MPP is no session on another MPP or on the ' +
    "platform. Each operation's requirement lists the roles it lets in (admin, officer, ministry).",
} as const

/** The name of the citizen session's security scheme: a cookie of its own, never a staff session. */
export const citizenSessionScheme = 'citizenSession'

export const citizenSessionSecurityScheme = {
  type: 'apiKey',
  in: 'cookie',
  name: 'mpp_citizen',
  description:
    'The citizen session cookie set by `signInWithCode`: `mpp_citizen` over plain HTTP (localhost), `__Host-mpp_citizen` ' +
    "over HTTPS. Bound to the MPP's host that issued it, like the staff session, and no staff session at all.",
} as const

/** The tags of the document, in the order a reader meets them. */
export const tags = [
  { name: 'platform', description: 'The service itself: whether it and its table answer.' },
  { name: 'auth', description: 'Signing in and out, the current session, accepting a staff invite.' },
  { name: 'catalog', description: "An MPP's public profile, agencies and services (on the MPP's host)." },
  {
    name: 'queue',
    description: 'Taking a ticket, following it and the display board: what a citizen and a board see.',
  },
  {
    name: 'counter',
    description: "The officer's counter console: call the next ticket, recall, serve, hold, transfer.",
  },
  {
    name: 'appointments',
    description: 'Booking a visit for a day and time, proven by a code sent to the phone; checking in.',
  },
  { name: 'survey', description: 'The satisfaction survey (SKM) after a visit and its index (IKM).' },
  {
    name: 'complaints',
    description: 'Complaints from citizens, followed by a tracking code; their handling.',
  },
  {
    name: 'service requests',
    description: 'Applying online (e-service): forms, documents handed in once, their review and tracking.',
  },
  { name: 'statistics', description: "Service figures of an MPP, and the nation's for the ministry." },
  {
    name: 'admin',
    description: "An MPP admin's settings: profile, catalog, queues and counters, schedule, staff.",
  },
  { name: 'onboarding', description: 'A regency applies for its MPP: subdomain, application, email proof.' },
  { name: 'ministry', description: "The ministry's console: applications, tenants, their lifecycle, mail." },
]

type Responses = RouteConfig['responses']

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
} as const

const hasBody = (route: RouteConfig) => Boolean(route.request?.body)
const hasInput = (route: RouteConfig) => {
  const r = route.request
  return Boolean(r?.body || r?.params || r?.query || r?.headers || r?.cookies)
}

/**
 * Documents an error status with a reason; where the route documents the status already, the reason is
 * appended when it is another one (`append`), else the route's own words stay.
 */
const withReason = (responses: Responses, status: number, reason: string, append = false): Responses => {
  const existing = responses[status]
  if (!existing) return { ...responses, [status]: errorResponse(reason) }
  if (!append || '$ref' in existing || existing.description?.includes(reason)) return responses
  return { ...responses, [status]: { ...existing, description: `${existing.description}; or ${reason}` } }
}

const roleNames: Record<Role, string> = {
  admin: "an admin of this host's MPP",
  officer: "an officer of this host's MPP",
  ministry: 'the ministry (on the platform host)',
}

/**
 * A route as the document shows it: its security (the cookie session and the roles that pass, or none), the
 * hosts it answers on, a description of who may call it and how, and every status the middleware before it
 * can answer (404 on an unknown host, 400 on bad input, 401/403 without the right session, 403 on a foreign
 * origin, 413 on a large body, 503 when the table is unavailable). What a route documents itself stays.
 */
export const documentedRoute = <R extends RouteConfig>(
  route: R,
  guard: RouteGuard,
  options: { anyHost?: boolean } = {},
): R => {
  let responses: Responses = { ...route.responses }
  if (hasInput(route))
    responses = withReason(responses, 400, 'the parameters or the body do not match this document')
  if (guard.citizen) responses = withReason(responses, 401, 'no citizen session on this host')
  if (guard.roles) {
    responses = withReason(responses, 401, 'no session on this host')
    responses = withReason(responses, 403, 'a session of another role')
  }
  const write = route.method !== 'get' && route.method !== 'head'
  if (write)
    responses = withReason(
      responses,
      403,
      'a browser request from another origin (`origin_mismatch`): send `Origin` of this host',
      true,
    )
  if (!options.anyHost) {
    responses = withReason(
      responses,
      404,
      guard.site === 'tenant'
        ? 'no MPP on this host (`tenant_not_found`), or the platform host (`not_found`)'
        : guard.site === 'platform'
          ? "an MPP's host (`not_found`), or an unknown one (`tenant_not_found`)"
          : 'no MPP on this host (`tenant_not_found`)',
      true,
    )
  }
  if (hasBody(route)) responses = withReason(responses, 413, 'a body over 1 MB (`payload_too_large`)')
  responses = withReason(responses, 503, 'the table is unavailable (`unavailable`); retry after Retry-After')
  const unavailable = responses[503]
  if (unavailable && !('$ref' in unavailable))
    responses = {
      ...responses,
      503: { ...unavailable, headers: { ...unavailable.headers, ...retryAfterHeader } },
    }

  const security = guard.roles
    ? [{ [sessionScheme]: [...guard.roles] }]
    : guard.citizen
      ? [{ [citizenSessionScheme]: [] }]
      : (route.security ?? []) // an operation that reads an optional session documents it itself
  const where =
    guard.site === 'tenant'
      ? "Answers on an MPP's own host (`{tenant}.{root}`)."
      : guard.site === 'platform'
        ? 'Answers on the platform host (`{root}`).'
        : options.anyHost
          ? 'Answers on every host.'
          : "Answers on the platform host and on every MPP's host."
  const who = guard.roles
    ? `Needs the session cookie of ${guard.roles.map((r) => roleNames[r]).join(' or ')}.`
    : guard.citizen
      ? "Needs the citizen session cookie of this host's MPP."
      : security.length
        ? 'A session is optional; see the security requirements.'
        : 'Needs no session.'
  const how = write ? 'A browser must send it from the same origin (`Origin` of this host).' : ''
  const limited = responses[429]
    ? 'Limited per client and per MPP: past the limit, 429 with `Retry-After`.'
    : ''
  const description = [route.description, where, who, how, limited].filter(Boolean).join(' ')
  return {
    ...route,
    description,
    security,
    ...(guard.site && !route.servers
      ? { servers: [guard.site === 'tenant' ? tenantServer : platformServer] }
      : {}),
    responses,
  }
}

/** Reads the guards of a route's middleware (`requireSite`, `requireRole`). */
export const guardOf = (middleware: unknown): RouteGuard => {
  const guard: RouteGuard = {}
  for (const m of [middleware].flat()) {
    if (typeof m !== 'function') continue
    const marked = m as { site?: Site['kind']; roles?: readonly Role[]; citizen?: boolean }
    if (marked.site) guard.site = marked.site
    if (marked.roles) guard.roles = marked.roles
    if (marked.citizen) guard.citizen = true
  }
  return guard
}

import { randomBytes } from 'node:crypto'
import { type TenantId, tenantId } from '@mpp/core/tenant'
import { getCitizenEndedSessions } from '@mpp/db/citizen-repository'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import type { AppConfig, AppDeps, AppEnv, CitizenSession } from '../app-env'
import { ApiError } from '../errors'
import { purposeSigner } from './purpose-key'
import { sessionTtlSeconds } from './session-token'

/**
 * A citizen's session is not a staff session in another role: it has its own cookie, its own claims and its
 * own key (derived for the purpose `citizen-session`), so a citizen token is no staff token in any cookie, and a
 * staff token is no citizen token. Bound to its host and tenant exactly as staff sessions are.
 */
const signerFor = (secret: string) => purposeSigner(secret, 'mpp-cloud', 'citizen-session')

const payload = z
  .object({
    v: z.literal(1),
    sid: z.string().min(16).max(64),
    sub: z.string().min(3).max(254),
    tid: tenantId,
    host: z.string(),
    exp: z.number().int(),
  })
  .strict()

/** The session a citizen gets on this tenant's host, from now for as long as a staff session lasts. */
export const citizenSessionFor = (
  address: string,
  tenant: TenantId,
  host: string,
  now: Date,
): CitizenSession => ({
  id: randomBytes(16).toString('base64url'),
  address,
  tenantId: tenant,
  host,
  expiresAt: Math.floor(now.getTime() / 1000) + sessionTtlSeconds,
})

/** `base64url(claims).base64url(HMAC-SHA256)`, with the citizen-session key. */
export const issueCitizenToken = (s: CitizenSession, secret: string) => {
  const body = Buffer.from(
    JSON.stringify({ v: 1, sid: s.id, sub: s.address, tid: s.tenantId, host: s.host, exp: s.expiresAt }),
  ).toString('base64url')
  return `${body}.${signerFor(secret).sign(body)}`
}

/** The session a token carries, or undefined when forged, expired or malformed; the previous key still counts. */
export const readCitizenToken = (token: string, config: AppConfig, now: Date): CitizenSession | undefined => {
  if (token.length > 2048) return undefined
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return undefined
  const secrets = [config.sessionSecret, config.previousSessionSecret].filter((s): s is string => !!s)
  if (!secrets.some((secret) => signerFor(secret).valid(body, signature))) return undefined
  const parsed = payload.safeParse(
    (() => {
      try {
        return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      } catch {
        return undefined
      }
    })(),
  )
  if (!parsed.success || parsed.data.exp <= Math.floor(now.getTime() / 1000)) return undefined
  const { sid, sub, tid, host, exp } = parsed.data
  return { id: sid, address: sub, tenantId: tid, host, expiresAt: exp }
}

/** Host-only, as the staff cookie; its own name, so signing in as a citizen never signs staff out or in. */
const cookieFor = (c: Context) => {
  const secure = new URL(c.req.url).protocol === 'https:'
  return { name: secure ? '__Host-mpp_citizen' : 'mpp_citizen', secure }
}

export const setCitizenCookie = (c: Context, token: string) => {
  const { name, secure } = cookieFor(c)
  setCookie(c, name, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: sessionTtlSeconds })
}

export const clearCitizenCookie = (c: Context) => {
  const { name, secure } = cookieFor(c)
  deleteCookie(c, name, { path: '/', secure })
}

/**
 * Reads the citizen's session: only a token issued for exactly this host and this tenant counts. Signing (no
 * I/O) only; whether it was signed out of is `requireCitizen`'s to check, on the routes that need a citizen.
 */
export const citizenSession = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, cookieFor(c).name)
    const found = token ? readCitizenToken(token, deps.config, deps.now()) : undefined
    const site = c.var.site
    const here =
      found !== undefined &&
      site.kind === 'tenant' &&
      found.tenantId === site.tenant.id &&
      found.host === new URL(c.req.url).hostname
    c.set('citizen', here ? found : undefined)
    await next()
  })

/**
 * Only a signed-in citizen of this MPP passes (401 otherwise), and only while their session was not signed
 * out of: one consistent read of the citizen, so a sign-out counts at once on every instance.
 */
export const requireCitizen = (deps: AppDeps) =>
  Object.assign(
    createMiddleware<AppEnv>(async (c, next) => {
      const current = c.var.citizen
      if (!current) throw new ApiError(401, 'unauthorized')
      const ended = await getCitizenEndedSessions(deps.db, current.tenantId, current.address)
      if (!ended || ended[current.id] !== undefined) {
        c.set('citizen', undefined)
        clearCitizenCookie(c)
        throw new ApiError(401, 'unauthorized')
      }
      await next()
    }),
    // Read by the OpenAPI document (operation-docs.ts): the operation needs the citizen session.
    { citizen: true as const },
  )

import type { Role } from '@mpp/core/account'
import type { Clock } from '@mpp/core/clock'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Session } from '../app-env'
import { readSessionToken, sessionTtlSeconds } from '../auth/session-token'
import { ApiError } from '../errors'

/**
 * Host-only cookie (no Domain attribute), so a browser never sends one MPP's session to another's subdomain.
 * Over HTTPS it takes the `__Host-` prefix, which makes the browser enforce exactly that.
 */
const cookieFor = (c: Context) => {
  const secure = new URL(c.req.url).protocol === 'https:'
  return { name: secure ? '__Host-mpp_session' : 'mpp_session', secure }
}

export const setSessionCookie = (c: Context, token: string) => {
  const { name, secure } = cookieFor(c)
  setCookie(c, name, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: sessionTtlSeconds })
}

export const clearSessionCookie = (c: Context) => {
  const { name, secure } = cookieFor(c)
  deleteCookie(c, name, { path: '/', secure })
}

/** True when the session was issued for exactly this host and site. */
export const belongsHere = (session: Session, c: Context<AppEnv>): boolean => {
  const site = c.var.site
  const tenantId = site.kind === 'tenant' ? site.tenant.id : null
  return session.host === new URL(c.req.url).hostname && session.tenantId === tenantId
}

/**
 * Reads the session; a token from another host or tenant counts as no session at all. A token signed with
 * the key before the last rotation (`previous`) still counts.
 */
export const session = (secret: string, now: Clock, previous?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, cookieFor(c).name)
    const read = (key: string) => (token ? readSessionToken(token, key, now()) : undefined)
    const found = (await read(secret)) ?? (previous ? await read(previous) : undefined)
    c.set('session', found && belongsHere(found, c) ? found : undefined)
    await next()
  })

/** Only these roles pass: 401 without a session, 403 with one of another role. */
export const requireRole = (...roles: Role[]) =>
  Object.assign(
    createMiddleware<AppEnv>(async (c, next) => {
      const current = c.var.session
      if (!current) throw new ApiError(401, 'unauthorized')
      if (!roles.includes(current.role)) throw new ApiError(403, 'forbidden')
      await next()
    }),
    // Read by the OpenAPI document (operation-docs.ts): the operation's security requirement.
    { roles },
  )

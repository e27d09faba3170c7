import { getSessionsValidAfter } from '@mpp/db/staff-repository'
import { Hono } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { clearSessionCookie } from '../middleware/session'
import { createTtlCache, type TtlCache } from '../ttl-cache'
import { sessionTtlSeconds } from './session-token'

/**
 * Deactivating an account (or changing its role) writes the time its sessions stop counting. Session tokens
 * are signed and carry no state, so every request with a tenant session looks that time up: through a cache of
 * 30 seconds per process, which the process that made the change forgets at once. So a deactivated officer's
 * open session stops working at once on that process and within 30 seconds on every other Lambda instance,
 * for one read per staff member per 30 seconds.
 */
const caches = new WeakMap<AppDeps, TtlCache<number | undefined>>()

const keyOf = (tenantId: string, email: string) => `${tenantId}|${email}`

/** The revocation times of one app (one `deps`): the guard reads them, the staff service forgets on change. */
export const revocationCache = (deps: AppDeps) => {
  const cache =
    caches.get(deps) ??
    createTtlCache((key) => {
      // The tenant id (like 16.73) never holds a `|`; the email may.
      const at = key.indexOf('|')
      return getSessionsValidAfter(deps.db, key.slice(0, at), key.slice(at + 1))
    }, deps.now)
  caches.set(deps, cache)
  return {
    validAfter: (tenantId: string, email: string) => cache.get(keyOf(tenantId, email)),
    forget: (tenantId: string, email: string) => cache.forget(keyOf(tenantId, email)),
  }
}

/** When the token was issued: it carries its expiry, issued a session's lifetime before. */
export const issuedAt = (session: Session) => session.expiresAt - sessionTtlSeconds

/**
 * Drops a tenant session issued at or before its account's revocation (the same second counts as before, so
 * nothing issued just before a deactivation slips through) and clears its cookie. Mounted right after the
 * session middleware, before any route.
 */
export const sessionRevocation = (deps: AppDeps) => {
  const guard = new Hono<AppEnv>()
  const revocations = revocationCache(deps)
  guard.use('*', async (c, next) => {
    const session = c.var.session
    if (session?.tenantId && c.var.site.kind === 'tenant') {
      const validAfter = await revocations.validAfter(session.tenantId, session.email)
      if (validAfter !== undefined && issuedAt(session) <= validAfter) {
        c.set('session', undefined)
        clearSessionCookie(c)
      }
    }
    await next()
  })
  return guard
}

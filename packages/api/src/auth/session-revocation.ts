import type { Scope } from '@mpp/db/keys'
import { endSession, getSessionRevocation, type SessionRevocation } from '@mpp/db/staff-repository'
import { Hono } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { clearSessionCookie } from '../middleware/session'
import { createTtlCache, type TtlCache } from '../ttl-cache'
import { sessionTtlSeconds } from './session-token'

/**
 * Session tokens are signed and carry no state, so what ends them early is kept beside the account: the time
 * before which all its sessions are void (written when it is deactivated or its role changes) and the ids of
 * sessions logged out. Every request with a session looks them up through a cache of 30 seconds per process,
 * which the process that made the change forgets at once: a logout or a deactivation takes effect at once on
 * that process and within 30 seconds on every other Lambda instance, for one read per account per 30 seconds.
 */
const caches = new WeakMap<AppDeps, TtlCache<SessionRevocation | undefined>>()

/** The scope an account lives in; a tenant id (like 16.73) never holds a `|`, an email may. */
const keyOf = (scope: Scope, email: string) => `${scope.kind === 'tenant' ? scope.tenantId : ''}|${email}`
const scopeOfKey = (key: string): { scope: Scope; email: string } => {
  const at = key.indexOf('|')
  const tenantId = key.slice(0, at)
  return { scope: tenantId ? { kind: 'tenant', tenantId } : { kind: 'platform' }, email: key.slice(at + 1) }
}

export const sessionScope = (session: Session): Scope =>
  session.tenantId ? { kind: 'tenant', tenantId: session.tenantId } : { kind: 'platform' }

/** The revocations of one app (one `deps`): the guard reads them, logout and account changes forget. */
export const revocationCache = (deps: AppDeps) => {
  const cache =
    caches.get(deps) ??
    createTtlCache((key) => {
      const { scope, email } = scopeOfKey(key)
      return getSessionRevocation(deps.db, scope, email)
    }, deps.now)
  caches.set(deps, cache)
  return {
    of: (scope: Scope, email: string) => cache.get(keyOf(scope, email)),
    forget: (scope: Scope, email: string) => cache.forget(keyOf(scope, email)),
  }
}

/** When the token was issued: it carries its expiry, issued a session's lifetime before. */
export const issuedAt = (session: Session) => session.expiresAt - sessionTtlSeconds

/** Whether a session was ended: issued at or before its account's revocation (the same second counts), or logged out. */
const isEnded = (session: Session, revocation: SessionRevocation | undefined) =>
  revocation !== undefined &&
  ((revocation.validAfter !== undefined && issuedAt(session) <= revocation.validAfter) ||
    revocation.ended[session.id] !== undefined)

/**
 * Drops a session that was ended and clears its cookie. Mounted right after the session middleware, before any
 * route.
 */
export const sessionRevocation = (deps: AppDeps) => {
  const guard = new Hono<AppEnv>()
  const revocations = revocationCache(deps)
  guard.use('*', async (c, next) => {
    const session = c.var.session
    if (session && isEnded(session, await revocations.of(sessionScope(session), session.email))) {
      c.set('session', undefined)
      clearSessionCookie(c)
    }
    await next()
  })
  return guard
}

/** Logs a session out for good: its token stops working even where a copy of the cookie survives. */
export const endThisSession = async (deps: AppDeps, session: Session) => {
  const scope = sessionScope(session)
  const revocations = revocationCache(deps)
  const known = await revocations.of(scope, session.email)
  const now = Math.floor(deps.now().getTime() / 1000)
  const expired = Object.entries(known?.ended ?? {})
    .filter(([, exp]) => exp <= now)
    .map(([id]) => id)
  await endSession(deps.db, scope, session.email, { id: session.id, expiresAt: session.expiresAt }, expired)
  revocations.forget(scope, session.email)
}

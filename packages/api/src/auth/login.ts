import { randomBytes } from 'node:crypto'
import type { Account } from '@mpp/core/account'
import { getAccount } from '@mpp/db/account-repository'
import type { Scope } from '@mpp/db/keys'
import { clearLoginFailures, readLoginFailures, recordLoginFailure } from '@mpp/db/login-failure-repository'
import type { AppDeps, Session, Site } from '../app-env'
import { ApiError } from '../errors'
import { clientKey } from '../limits/public-writes'
import { decoyHash, verifyPassword } from './password'
import { sessionTtlSeconds } from './session-token'

/**
 * Guessing is slowed, never stopped for good, so nobody can lock an account out by failing on purpose. After
 * `free` failures of a subject, each further attempt waits twice as long as the last (1 s, 2 s, 4 s, ... at
 * most 15 minutes) after that subject's latest failure. The subjects: the account from this address (a guesser
 * slows only themselves), any account from this address (one guesser against many accounts), and the account
 * from any address (a botnet against one account; high enough that failures from elsewhere, a mistyped or
 * a hostile one, never keep the owner out on an ordinary day). A success clears its address's count.
 */
export const loginThrottle = { pairFree: 5, addressFree: 30, accountFree: 100, maxDelaySeconds: 900 } as const

const delayAfter = (failures: number, free: number) =>
  failures < free ? 0 : Math.min(2 ** (failures - free), loginThrottle.maxDelaySeconds)

interface LoginRequest {
  site: Site
  hostname: string
  ip: string | undefined
  email: string
  password: string
}

/**
 * Checks credentials on one site and returns the session to issue. Tenant accounts exist only on their
 * tenant's host and ministry accounts only on the platform host, because each site looks in its own scope.
 * Throws 429 (with Retry-After) while a failure's delay lasts, and 401 for any wrong email or password alike.
 */
export const login = async (deps: AppDeps, request: LoginRequest): Promise<Session> => {
  const { site, email } = request
  const scope: Scope =
    site.kind === 'tenant' ? { kind: 'tenant', tenantId: site.tenant.id } : { kind: 'platform' }
  const now = deps.now()
  const address = clientKey(request.ip)
  const subjects = [
    { name: `P#${email}#${address}`, free: loginThrottle.pairFree },
    { name: `A#${address}`, free: loginThrottle.addressFree },
    { name: `E#${email}`, free: loginThrottle.accountFree },
  ]
  const failures = await readLoginFailures(
    deps.db,
    scope,
    subjects.map((s) => s.name),
    now,
  )
  const nowSeconds = Math.floor(now.getTime() / 1000)
  const wait = Math.max(
    0,
    ...subjects.map((s, i) => {
      const f = failures[i] ?? { failures: 0, lastAt: 0 }
      // A failure stamped ahead of this clock (another instance's skew) counts as just now.
      return delayAfter(f.failures, s.free) - Math.max(0, nowSeconds - f.lastAt)
    }),
  )
  if (wait > 0) {
    throw new ApiError(429, 'too_many_requests', { retryAfterSeconds: wait }, { 'Retry-After': String(wait) })
  }

  const account = await getAccount(deps.db, scope, email)
  const matches = await verifyPassword(request.password, account?.passwordHash ?? (await decoyHash))
  const roleFitsSite = site.kind === 'tenant' ? account?.role !== 'ministry' : account?.role === 'ministry'
  if (!account || !matches || !account.active || !roleFitsSite) {
    await Promise.all(subjects.map((s) => recordLoginFailure(deps.db, scope, s.name, now)))
    throw new ApiError(401, 'invalid_credentials')
  }
  if ((failures[0]?.failures ?? 0) > 0) await clearLoginFailures(deps.db, scope, subjects[0]?.name ?? '')
  return sessionFor(account, site, request.hostname, now)
}

/** The session an account gets on this site and host, from now for a working day. */
export const sessionFor = (account: Account, site: Site, hostname: string, now: Date): Session => ({
  id: randomBytes(16).toString('base64url'),
  email: account.email,
  name: account.name,
  role: account.role,
  tenantId: site.kind === 'tenant' ? site.tenant.id : null,
  host: hostname,
  expiresAt: Math.floor(now.getTime() / 1000) + sessionTtlSeconds,
})

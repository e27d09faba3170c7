import type { Account } from '@mpp/core/account'
import { getAccount } from '@mpp/db/account-repository'
import type { Scope } from '@mpp/db/keys'
import { countHit } from '@mpp/db/rate-limit-repository'
import type { AppDeps, Session, Site } from '../app-env'
import { ApiError } from '../errors'
import { decoyHash, verifyPassword } from './password'
import { sessionTtlSeconds } from './session-token'

/** At most this many attempts per account, and per address, in each window. */
export const loginLimits = { perAccount: 10, perAddress: 50, windowSeconds: 15 * 60 } as const

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
 * Throws 429 past the rate limits and 401 for any wrong email or password alike.
 */
export const login = async (deps: AppDeps, request: LoginRequest): Promise<Session> => {
  const { site, email } = request
  const scope: Scope =
    site.kind === 'tenant' ? { kind: 'tenant', tenantId: site.tenant.id } : { kind: 'platform' }
  const now = deps.now()
  const { perAccount, perAddress, windowSeconds } = loginLimits
  const [accountHits, addressHits] = await Promise.all([
    countHit(deps.db, scope, `LOGIN#${email}`, windowSeconds, now),
    request.ip ? countHit(deps.db, scope, `IP#${request.ip}`, windowSeconds, now) : 0,
  ])
  if (accountHits > perAccount || addressHits > perAddress) {
    const retryAfter = windowSeconds - (Math.floor(now.getTime() / 1000) % windowSeconds)
    throw new ApiError(
      429,
      'too_many_requests',
      { retryAfterSeconds: retryAfter },
      { 'Retry-After': String(retryAfter) },
    )
  }

  const account = await getAccount(deps.db, scope, email)
  const matches = await verifyPassword(request.password, account?.passwordHash ?? (await decoyHash))
  const roleFitsSite = site.kind === 'tenant' ? account?.role !== 'ministry' : account?.role === 'ministry'
  if (!account || !matches || !account.active || !roleFitsSite) throw new ApiError(401, 'invalid_credentials')

  return sessionFor(account, site, request.hostname, now)
}

/** The session an account gets on this site and host, from now for a working day. */
export const sessionFor = (account: Account, site: Site, hostname: string, now: Date): Session => ({
  email: account.email,
  name: account.name,
  role: account.role,
  tenantId: site.kind === 'tenant' ? site.tenant.id : null,
  host: hostname,
  expiresAt: Math.floor(now.getTime() / 1000) + sessionTtlSeconds,
})

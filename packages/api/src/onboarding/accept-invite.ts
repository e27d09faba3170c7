import type { Account } from '@mpp/core/account'
import type { Tenant } from '@mpp/core/tenant'
import { getInvite, useInvite } from '@mpp/db/invite-repository'
import type { AppDeps } from '../app-env'
import { hashPassword } from '../auth/password'
import { ApiError } from '../errors'
import { hashToken } from './tokens'

/** The invite a link carries, when it is unused and still valid; otherwise the link is invalid (404). */
export const validInvite = async (deps: AppDeps, tenant: Tenant, token: string) => {
  const invite = await getInvite(deps.db, tenant.id, hashToken(token))
  if (!invite || invite.usedAt || invite.validUntil * 1000 <= deps.now().getTime())
    throw new ApiError(404, 'link_invalid')
  return invite
}

/**
 * Turns an invite into an account with the password the invitee chose. The invite is spent in the same write,
 * so a link works exactly once; an expired one never.
 */
export const acceptInvite = async (
  deps: AppDeps,
  tenant: Tenant,
  token: string,
  input: { name: string; password: string },
): Promise<Account> => {
  const invite = await validInvite(deps, tenant, token)
  const account: Account = {
    email: invite.email,
    name: input.name,
    role: invite.role,
    passwordHash: await hashPassword(input.password),
    active: true,
  }
  const result = await useInvite(deps.db, tenant.id, hashToken(token), account, deps.now())
  if (result !== 'done') throw new ApiError(404, 'link_invalid')
  return account
}

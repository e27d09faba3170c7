import type { Role } from '@mpp/core/account'
import type { Application } from '@mpp/core/application'
import type { TenantId } from '@mpp/core/tenant'
import { type Invite, invitePut } from '@mpp/db/invite-repository'
import type { AppDeps } from '../app-env'
import { newToken } from './tokens'

/** An invite link works for 72 hours, once. */
export const inviteHours = 72

/** A new invite: its token (for the link) and the write that stores it (by hash only). */
export const newInvite = (
  deps: Pick<AppDeps, 'db'>,
  tenantId: TenantId,
  who: { email: string; name?: string; role: Extract<Role, 'admin' | 'officer'> },
  invitedBy: string,
  now: Date,
) => {
  const { token, hash } = newToken()
  const invite: Invite = {
    email: who.email,
    ...(who.name ? { name: who.name } : {}),
    role: who.role,
    invitedBy,
    createdAt: now.toISOString(),
    validUntil: Math.floor(now.getTime() / 1000) + inviteHours * 3600,
  }
  return { token, invite, writes: [invitePut(deps.db, tenantId, hash, invite)] }
}

/** The first admin of a new tenant is the person who applied. */
export const inviteFirstAdmin = (
  deps: Pick<AppDeps, 'db'>,
  tenantId: TenantId,
  a: Application,
  by: string,
  now: Date,
) => newInvite(deps, tenantId, { email: a.applicant.email, name: a.applicant.name, role: 'admin' }, by, now)

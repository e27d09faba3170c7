import { type Account, account, email as emailSchema, tenantRole } from '@mpp/core/account'
import type { Tenant } from '@mpp/core/tenant'
import { listAgencies } from '@mpp/db/catalog-repository'
import type { Scope } from '@mpp/db/keys'
import {
  changeStaff,
  listAccounts,
  listPendingInvites,
  type StaffChange,
  storeInvite,
} from '@mpp/db/staff-repository'
import { id as indonesian } from '@mpp/web/i18n/id'
import { z } from 'zod'
import type { AppDeps, Session } from '../app-env'
import { revocationCache } from '../auth/session-revocation'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'
import { outboxMail } from '../mail/outbox'
import { inviteHours, newInvite } from '../onboarding/invites'

/**
 * A tenant's staff, and the ministry's accounts: the accounts (never their password hashes), pending invites,
 * invitations by mail, deactivation and role changes. Deactivating an account or changing its role ends its
 * sessions (see auth/session-revocation.ts). The JSON routes and the pages call these.
 */

export const staffMember = z
  .object({
    email: z.string(),
    name: z.string(),
    role: tenantRole,
    active: z.boolean(),
    agencyIds: z.array(z.string()).meta({ description: 'The agencies they work for' }),
  })
  .meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof staffMember>

export const pendingInvite = z
  .object({
    email: z.string(),
    name: z.string().optional(),
    role: tenantRole,
    invitedBy: z.string(),
    createdAt: z.string(),
    validUntil: z.string(),
  })
  .meta({ id: 'PendingInvite' })
export type PendingInvite = z.infer<typeof pendingInvite>

export const inviteInput = z
  .object({ email: emailSchema, name: z.string().trim().min(2).max(120), role: tenantRole })
  .strict()
export type InviteInput = z.infer<typeof inviteInput>

const toMember = (a: Account): StaffMember => ({
  email: a.email,
  name: a.name,
  role: a.role === 'admin' ? 'admin' : 'officer',
  active: a.active,
  agencyIds: a.agencyIds ?? [],
})

const byName = (a: StaffMember, b: StaffMember) =>
  Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id') || a.email.localeCompare(b.email)

/** The tenant's accounts (active first, by name) and the invites not yet used or expired. */
export const listStaff = async (deps: Pick<AppDeps, 'db' | 'now'>, tenant: Tenant) => {
  const [accounts, invites] = await Promise.all([
    listAccounts(deps.db, tenantScope(tenant)),
    listPendingInvites(deps.db, tenant.id, deps.now()),
  ])
  return {
    staff: accounts
      .filter((a) => a.role !== 'ministry')
      .map(toMember)
      .sort(byName),
    invites: invites.map(
      (i): PendingInvite => ({
        email: i.email,
        ...(i.name ? { name: i.name } : {}),
        role: i.role,
        invitedBy: i.invitedBy,
        createdAt: i.createdAt,
        validUntil: new Date(i.validUntil * 1000).toISOString(),
      }),
    ),
  }
}

/**
 * Invites someone to join as officer or admin: stores the invite (a new one replaces the person's older
 * pending ones) and mails the link to the tenant's site. 409 when an active account has that email.
 */
export const inviteStaff = async (
  deps: AppDeps,
  tenant: Tenant,
  input: InviteInput,
  by: Session,
  tenantSite: string,
): Promise<PendingInvite> => {
  const now = deps.now()
  const email = input.email
  const exists = () => new ApiError(409, 'staff_exists', { field: 'email', email })
  for (let attempt = 0; attempt < 3; attempt++) {
    const [accounts, pending] = await Promise.all([
      listAccounts(deps.db, tenantScope(tenant)),
      listPendingInvites(deps.db, tenant.id, now),
    ])
    if (accounts.some((a) => a.email === email && a.active)) throw exists()
    const { token, invite, writes } = newInvite(deps, tenant.id, { ...input, email }, by.email, now)
    const superseded = pending.filter((i) => i.email === email).map((i) => i.tokenHash)
    // The invitee reads it in Indonesian, like every mail of the platform; it is written with the invite.
    const words = indonesian.staffAdmin
    const link = `${tenantSite.replace(/\/?$/, '/')}undangan/${token}`
    const mail = outboxMail(deps, tenantScope(tenant), {
      to: email,
      subject: words.mailSubject(tenant.name),
      text: words.mailText(input.name, tenant.name, indonesian.roles[input.role], link, inviteHours),
    })
    const outcome = await storeInvite(deps.db, tenant.id, email, [...writes, mail.write], superseded)
    if (outcome === 'exists') throw exists()
    if (outcome === 'conflict') continue
    mail.committed()
    return {
      email,
      name: input.name,
      role: input.role,
      invitedBy: by.email,
      createdAt: invite.createdAt,
      validUntil: new Date(invite.validUntil * 1000).toISOString(),
    }
  }
  throw new ApiError(503, 'busy')
}

const tenantScope = (tenant: Tenant): Scope => ({ kind: 'tenant', tenantId: tenant.id })
const platform: Scope = { kind: 'platform' }

export const ministryAccount = z
  .object({ email: z.string(), name: z.string(), active: z.boolean() })
  .meta({ id: 'MinistryAccount' })
export type MinistryAccount = z.infer<typeof ministryAccount>

const toMinistryAccount = (a: Account): MinistryAccount => ({
  email: a.email,
  name: a.name,
  active: a.active,
})

/** The ministry's accounts, active first, by name. */
export const listMinistryAccounts = async (deps: Pick<AppDeps, 'db'>) =>
  (await listAccounts(deps.db, platform))
    .filter((a) => a.role === 'ministry')
    .map(toMinistryAccount)
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.name.localeCompare(b.name, 'id') ||
        a.email.localeCompare(b.email),
    )

/** A ministry account made active or not (see `setAccountActive`): its sessions stop at once. */
export const setMinistryAccountActive = async (deps: AppDeps, email: string, active: boolean, by: Session) =>
  toMinistryAccount(await setAccountActive(deps, platform, email, active, by))

/** The role an account of this scope must keep at least one active holder of: a tenant's admin, the ministry. */
const keeperRole = (scope: Scope) => (scope.kind === 'tenant' ? 'admin' : 'ministry')

/** Reads the accounts, decides, and writes only if nothing moved meanwhile; tries again a few times. */
const change = async (
  deps: AppDeps,
  scope: Scope,
  email: string,
  decide: (
    target: Account,
    accounts: Account[],
  ) => { change: StaffChange; witness?: string; revoke: boolean } | 'same',
): Promise<Account> => {
  const belongs = (a: Account) => (scope.kind === 'tenant') === (a.role !== 'ministry')
  for (let attempt = 0; attempt < 3; attempt++) {
    const accounts = (await listAccounts(deps.db, scope)).filter(belongs)
    const target = accounts.find((a) => a.email === email)
    if (!target) throw new ApiError(404, 'not_found')
    const decision = decide(target, accounts)
    if (decision === 'same') return target
    const now = deps.now()
    const withdraw =
      decision.change.active === false && scope.kind === 'tenant'
        ? (await listPendingInvites(deps.db, scope.tenantId, now))
            .filter((i) => i.email === email)
            .map((i) => i.tokenHash)
        : []
    const outcome = await changeStaff(deps.db, scope, target, decision.change, {
      ...(decision.witness ? { witness: { email: decision.witness, role: keeperRole(scope) } } : {}),
      ...(decision.revoke ? { revokeAt: now } : {}),
      withdraw,
    })
    if (outcome === 'done') {
      revocationCache(deps).forget(scope, email)
      return { ...target, ...decision.change }
    }
  }
  throw new ApiError(503, 'busy')
}

/** Another active holder of the keeper role than `email`, whose staying one the write is made conditional on. */
const otherKeeper = (scope: Scope, accounts: Account[], email: string) =>
  accounts.find((a) => a.active && a.role === keeperRole(scope) && a.email !== email)?.email

/**
 * Deactivates or reactivates an account of a tenant or of the ministry. Deactivation ends its sessions at once
 * and withdraws its pending invites; nobody can deactivate themself, and the last active admin (or ministry
 * account) stays (409).
 */
export const setAccountActive = async (
  deps: AppDeps,
  scope: Scope,
  email: string,
  active: boolean,
  by: Session,
) =>
  change(deps, scope, email, (target, accounts) => {
    if (target.active === active) return 'same'
    if (active) return { change: { active }, revoke: false }
    if (target.email === by.email) throw new ApiError(409, 'own_account', { field: 'email' })
    const keeper = target.role === keeperRole(scope)
    const witness = keeper ? otherKeeper(scope, accounts, email) : undefined
    if (keeper && !witness)
      throw new ApiError(409, scope.kind === 'tenant' ? 'last_admin' : 'last_ministry_account', {
        field: 'email',
      })
    return { change: { active }, ...(witness ? { witness } : {}), revoke: true }
  })

/** A tenant's staff member made active or not (see `setAccountActive`). */
export const setStaffActive = async (
  deps: AppDeps,
  tenant: Tenant,
  email: string,
  active: boolean,
  by: Session,
) => toMember(await setAccountActive(deps, tenantScope(tenant), email, active, by))

/**
 * Makes an account an officer or an admin; its sessions end (they carry the role), so the person logs in again.
 * The last active admin cannot become an officer (409).
 */
export const setStaffRole = async (
  deps: AppDeps,
  tenant: Tenant,
  email: string,
  role: 'admin' | 'officer',
) => {
  const scope = tenantScope(tenant)
  return toMember(
    await change(deps, scope, email, (target, accounts) => {
      if (target.role === role) return 'same'
      const demotesAdmin = target.role === 'admin' && target.active
      const witness = demotesAdmin ? otherKeeper(scope, accounts, email) : undefined
      if (demotesAdmin && !witness) throw new ApiError(409, 'last_admin', { field: 'role' })
      return { change: { role }, ...(witness ? { witness } : {}), revoke: true }
    }),
  )
}

/** What `setStaffAgencies` takes: the agencies of the MPP someone works for, none or many. */
export const staffAgencies = z.object({ agencyIds: account.shape.agencyIds.unwrap() }).strict()

/**
 * Sets the agencies an account works for (each an agency of the MPP, 400 otherwise). Its sessions go on: they
 * carry no agencies, and a later officer's list reads them from the account.
 */
export const setStaffAgencies = async (deps: AppDeps, tenant: Tenant, email: string, agencyIds: string[]) => {
  const known = new Set((await listAgencies(deps.db, tenant.id)).map((a) => a.id))
  const unknown = agencyIds.flatMap((id, i): RuleIssue[] =>
    known.has(id) ? [] : [{ path: `agencyIds.${i}`, word: 'agencyUnknown' }],
  )
  if (unknown.length > 0) throw new ApiError(400, 'invalid_request', unknown)
  const chosen = [...new Set(agencyIds)]
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((id) => b.includes(id))
  return toMember(
    await change(deps, tenantScope(tenant), email, (target) =>
      same(target.agencyIds ?? [], chosen) ? 'same' : { change: { agencyIds: chosen }, revoke: false },
    ),
  )
}

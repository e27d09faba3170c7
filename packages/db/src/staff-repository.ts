import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { type Account, account as accountSchema, type Role } from '@mpp/core/account'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { type Invite, invite as inviteSchema } from './invite-repository'
import { parseItem } from './item'
import { keys, type Scope, skPrefix } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

/**
 * Accounts of a tenant (its staff) or of the platform (the ministry): the accounts, pending invites, and which
 * sessions no longer count (all issued until a deactivation or a role change, and each one logged out).
 */

const tenantScope = (tenantId: TenantId): Scope => ({ kind: 'tenant', tenantId })

/** Sessions ended one by one (logout) are kept as `E#{sid}` attributes holding the token's expiry. */
const endedPrefix = 'E#'

export interface SessionRevocation {
  /** Sessions issued at or before this (epoch seconds) are void. */
  validAfter?: number
  /** Sessions ended by logout: their id and when the token would have expired (epoch seconds). */
  ended: Record<string, number>
}

/** Every account of the scope, password hashes included: callers decide what leaves the server. */
export const listAccounts = async (db: Db, scope: Scope): Promise<Account[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.account(scope, '').pk, ':prefix': skPrefix.accounts },
    ConsistentRead: true,
  })
  return items.map((item) => parseItem(accountSchema, item))
}

export type StoredInvite = Invite & { tokenHash: string }

/** Invites neither used nor expired, oldest first. */
export const listPendingInvites = async (db: Db, tenantId: TenantId, now: Date): Promise<StoredInvite[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.invite(tenantId, '').pk },
    ConsistentRead: true,
  })
  const epoch = Math.floor(now.getTime() / 1000)
  return items
    .map((item) => ({ ...parseItem(inviteSchema, item), tokenHash: String(item.sk) }))
    .filter((i) => !i.usedAt && i.validUntil > epoch)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** Removes an unused invite (it fails the transaction when the invite was used meanwhile). */
const withdrawInvite = (db: Db, tenantId: TenantId, tokenHash: string): TransactItem => ({
  Delete: {
    TableName: db.tableName,
    Key: keys.invite(tenantId, tokenHash),
    ConditionExpression: 'attribute_not_exists(usedAt)',
  },
})

/**
 * Stores a new invite (its write from `newInvite`), withdraws the older pending invites of the same person,
 * and holds only while no active account has that email. `exists` when one has.
 */
export const storeInvite = async (
  db: Db,
  tenantId: TenantId,
  email: string,
  inviteWrites: TransactItem[],
  superseded: string[],
): Promise<'done' | 'exists' | 'conflict'> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: db.tableName,
              Key: keys.account(tenantScope(tenantId), email),
              ConditionExpression: 'attribute_not_exists(pk) OR active = :no',
              ExpressionAttributeValues: { ':no': false },
            },
          },
          ...inviteWrites,
          ...superseded.map((hash) => withdrawInvite(db, tenantId, hash)),
        ],
      }),
    )
    return 'done'
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (reasons[0]?.code === 'ConditionalCheckFailed') return 'exists'
    return 'conflict'
  }
}

export interface StaffChange {
  active?: boolean
  role?: Extract<Role, 'admin' | 'officer'>
  agencyIds?: string[]
}

/**
 * Changes an account, only if it is still as it was read (`current`); with a `witness`, only while that other
 * account is still active with the role given, so two admins removing each other at once cannot leave the
 * tenant (or the ministry) without one. With `revokeAt`, sessions of the account issued until then stop
 * working; pending invites of the account listed in `withdraw` are removed. `conflict` when anything moved
 * meanwhile: read again and decide again.
 */
export const changeStaff = async (
  db: Db,
  scope: Scope,
  current: Account,
  change: StaffChange,
  options: { witness?: { email: string; role: Role }; revokeAt?: Date; withdraw?: string[] },
): Promise<'done' | 'conflict'> => {
  const fields = Object.entries(change).filter(([, v]) => v !== undefined)
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.account(scope, current.email),
        UpdateExpression: `SET ${fields.map(([k]) => `#${k} = :${k}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND active = :wasActive AND #role = :wasRole',
        ExpressionAttributeNames: {
          '#role': 'role',
          ...Object.fromEntries(fields.map(([k]) => [`#${k}`, k])),
        },
        ExpressionAttributeValues: {
          ':wasActive': current.active,
          ':wasRole': current.role,
          ...Object.fromEntries(fields.map(([k, v]) => [`:${k}`, v])),
        },
      },
    },
  ]
  if (options.witness)
    items.push({
      ConditionCheck: {
        TableName: db.tableName,
        Key: keys.account(scope, options.witness.email),
        ConditionExpression: 'active = :yes AND #role = :role',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':yes': true, ':role': options.witness.role },
      },
    })
  if (options.revokeAt) {
    const validAfter = Math.floor(options.revokeAt.getTime() / 1000)
    items.push({
      Update: {
        TableName: db.tableName,
        Key: keys.sessionRevocation(scope, current.email),
        UpdateExpression: 'SET email = :email, validAfter = :after, #at = :at, expiresAt = :expires',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: {
          ':email': current.email,
          ':after': validAfter,
          ':at': options.revokeAt.toISOString(),
          // Sessions last 12 hours: after a day, no token the record could void is still valid.
          ':expires': validAfter + 24 * 3600,
        },
      },
    })
  }
  if (scope.kind === 'tenant')
    for (const hash of options.withdraw ?? []) items.push(withdrawInvite(db, scope.tenantId, hash))
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }))
    return 'done'
  } catch (error) {
    if (cancelReasons(error)) return 'conflict'
    throw error
  }
}

/** Which of the account's sessions are void, or undefined when none are. */
export const getSessionRevocation = async (
  db: Db,
  scope: Scope,
  email: string,
): Promise<SessionRevocation | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.sessionRevocation(scope, email) }),
  )
  if (!result.Item) return undefined
  const ended = Object.fromEntries(
    Object.entries(result.Item)
      .filter(([name]) => name.startsWith(endedPrefix))
      .map(([name, exp]) => [name.slice(endedPrefix.length), Number(exp)]),
  )
  const validAfter = result.Item.validAfter
  return { ...(typeof validAfter === 'number' ? { validAfter } : {}), ended }
}

/**
 * Ends one session (a logout): its id is kept until the token would have expired anyway; ids of sessions
 * expired by now (`expired`, from the last read) are dropped in the same write, so the item stays small.
 */
export const endSession = async (
  db: Db,
  scope: Scope,
  email: string,
  session: { id: string; expiresAt: number },
  expired: string[],
) => {
  const names = {
    '#new': `${endedPrefix}${session.id}`,
    ...Object.fromEntries(expired.map((id, i) => [`#old${i}`, `${endedPrefix}${id}`])),
  }
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.sessionRevocation(scope, email),
      UpdateExpression: `SET email = :email, #new = :exp, expiresAt = :expires${
        expired.length ? ` REMOVE ${expired.map((_, i) => `#old${i}`).join(', ')}` : ''
      }`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: {
        ':email': email,
        ':exp': session.expiresAt,
        ':expires': session.expiresAt + 24 * 3600,
      },
    }),
  )
}

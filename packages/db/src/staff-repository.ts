import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type Account, account as accountSchema, type Role } from '@mpp/core/account'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { type Invite, invite as inviteSchema } from './invite-repository'
import { parseItem } from './item'
import { keys, skPrefix, tenantPk } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

/**
 * A tenant's staff: accounts, pending invites, and the time from which an account's sessions count again
 * (written when it is deactivated or its role changes, so tokens issued before stop working).
 */

const scope = (tenantId: TenantId) => ({ kind: 'tenant' as const, tenantId })

/** Sessions of `email` issued at or before `validAfter` (epoch seconds) are void. */
const revocationKey = (tenantId: TenantId, email: string) => ({
  pk: tenantPk(tenantId),
  sk: `SESSREV#${email}`,
})
const revocationItem = z.object({ email: z.string(), validAfter: z.number(), at: z.string() })

/** Every account of the tenant, password hashes included: callers decide what leaves the server. */
export const listAccounts = async (db: Db, tenantId: TenantId): Promise<Account[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': skPrefix.accounts },
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
              Key: keys.account(scope(tenantId), email),
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
}

/**
 * Changes an account, only if it is still as it was read (`current`); with a `witness`, only while that other
 * account is still an active admin, so two admins removing each other at once cannot leave the tenant without
 * one. With `revokeAt`, sessions of the account issued until then stop working; pending invites of the account
 * listed in `withdraw` are removed. `conflict` when anything moved meanwhile: read again and decide again.
 */
export const changeStaff = async (
  db: Db,
  tenantId: TenantId,
  current: Account,
  change: StaffChange,
  options: { witness?: string; revokeAt?: Date; withdraw?: string[] },
): Promise<'done' | 'conflict'> => {
  const fields = Object.entries(change).filter(([, v]) => v !== undefined)
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.account(scope(tenantId), current.email),
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
        Key: keys.account(scope(tenantId), options.witness),
        ConditionExpression: 'active = :yes AND #role = :admin',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':yes': true, ':admin': 'admin' },
      },
    })
  if (options.revokeAt) {
    const validAfter = Math.floor(options.revokeAt.getTime() / 1000)
    items.push({
      Put: {
        TableName: db.tableName,
        Item: {
          ...revocationKey(tenantId, current.email),
          email: current.email,
          validAfter,
          at: options.revokeAt.toISOString(),
          // Sessions last 12 hours: after a day, no token the record could void is still valid.
          expiresAt: validAfter + 24 * 3600,
        },
      },
    })
  }
  for (const hash of options.withdraw ?? []) items.push(withdrawInvite(db, tenantId, hash))
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }))
    return 'done'
  } catch (error) {
    if (cancelReasons(error)) return 'conflict'
    throw error
  }
}

/** Epoch seconds at or before which the account's sessions are void, or undefined when none are. */
export const getSessionsValidAfter = async (
  db: Db,
  tenantId: TenantId,
  email: string,
): Promise<number | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: revocationKey(tenantId, email) }),
  )
  return result.Item ? parseItem(revocationItem, result.Item).validAfter : undefined
}

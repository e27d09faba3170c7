import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Account } from '@mpp/core/account'
import { tenantRole } from '@mpp/core/account'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { cancelReasons } from './transactions'

/** An invitation to set a password and join a tenant as staff; the link carries the token, we keep its hash. */
export const invite = z
  .object({
    email: z.string(),
    name: z.string().optional(),
    role: tenantRole,
    invitedBy: z.string(),
    createdAt: z.iso.datetime(),
    /** Epoch seconds; also the item's TTL, a little later. */
    validUntil: z.number(),
    usedAt: z.iso.datetime().optional(),
  })
  .strict()
export type Invite = z.infer<typeof invite>

export const putInvite = async (db: Db, tenantId: TenantId, tokenHash: string, i: Invite) => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.invite(tenantId, tokenHash), ...i, expiresAt: i.validUntil + 7 * 24 * 3600 },
    }),
  )
}

/** The write that stores an invite, for the transaction that creates a tenant. */
export const invitePut = (db: Db, tenantId: TenantId, tokenHash: string, i: Invite) => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.invite(tenantId, tokenHash), ...i, expiresAt: i.validUntil + 7 * 24 * 3600 },
  },
})

export const getInvite = async (db: Db, tenantId: TenantId, tokenHash: string) => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.invite(tenantId, tokenHash), ConsistentRead: true }),
  )
  return result.Item && parseItem(invite, result.Item)
}

/**
 * Uses an invite: marks it used and writes the account, in one transaction conditional on the invite being
 * unused and still valid. So a link works once, and never after it expired.
 */
export const useInvite = async (
  db: Db,
  tenantId: TenantId,
  tokenHash: string,
  account: Account,
  now: Date,
): Promise<'done' | 'used_or_expired'> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.invite(tenantId, tokenHash),
              UpdateExpression: 'SET usedAt = :now',
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :epoch',
              ExpressionAttributeValues: {
                ':now': now.toISOString(),
                ':epoch': Math.floor(now.getTime() / 1000),
              },
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.account({ kind: 'tenant', tenantId }, account.email), ...account },
            },
          },
        ],
      }),
    )
    return 'done'
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return 'used_or_expired'
    throw error
  }
}

import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { keys } from './keys'
import { type OutboxMessage, outboxPut } from './outbox-repository'

export interface StoredPhoneCode {
  hash: string
  /** Epoch seconds; also the table's TTL. */
  expiresAt: number
  attempts: number
}

/**
 * Keeps the code a phone number was sent (as a hash; a new code replaces the last) and writes its message to
 * the outbox in the same transaction, so a code exists exactly when its message does.
 */
export const storePhoneCode = async (
  db: Db,
  tenantId: TenantId,
  phone: string,
  code: { hash: string; expiresAt: number },
  message: OutboxMessage,
) => {
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.phoneCode(tenantId, phone), ...code, attempts: 0 },
          },
        },
        outboxPut(db, tenantId, message),
      ],
    }),
  )
}

export const getPhoneCode = async (
  db: Db,
  tenantId: TenantId,
  phone: string,
): Promise<StoredPhoneCode | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.phoneCode(tenantId, phone), ConsistentRead: true }),
  )
  if (!result.Item) return undefined
  return {
    hash: String(result.Item.hash),
    expiresAt: Number(result.Item.expiresAt),
    attempts: Number(result.Item.attempts ?? 0),
  }
}

/** Counts a wrong try against the code that was read (not a newer one sent meanwhile). */
export const countWrongPhoneCode = async (db: Db, tenantId: TenantId, phone: string, hash: string) => {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.phoneCode(tenantId, phone),
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: '#hash = :hash',
        ExpressionAttributeNames: { '#hash': 'hash' },
        ExpressionAttributeValues: { ':one': 1, ':hash': hash },
      }),
    )
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error
  }
}

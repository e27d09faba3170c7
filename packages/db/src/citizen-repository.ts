import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { keys } from './keys'
import { cancelReasons, type TransactItem } from './transactions'

const endedPrefix = 'E#'

const isConditionFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException'

/**
 * Keeps the code last sent to an address (as a hash, with no try used; a new code replaces the last) and
 * writes its message (mail or notification) in the same transaction, so a code exists exactly when its
 * message does.
 */
export const storeSignInCode = async (
  db: Db,
  tenantId: TenantId,
  address: string,
  code: { hash: string; expiresAt: number },
  message: TransactItem,
) => {
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.signInCode(tenantId, address), ...code, tries: 0 },
          },
        },
        message,
      ],
    }),
  )
}

/**
 * Uses one try of the address's code, before the code is compared: so parallel guesses cannot share a try,
 * and after `maxTries` the code is dead. Returns the code's hash and the tries used with this one, or
 * undefined when there is no live code (never sent, expired, used or out of tries).
 */
export const useSignInCodeTry = async (
  db: Db,
  tenantId: TenantId,
  address: string,
  maxTries: number,
  nowSeconds: number,
): Promise<{ hash: string; tries: number } | undefined> => {
  try {
    const result = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.signInCode(tenantId, address),
        UpdateExpression: 'ADD tries :one',
        ConditionExpression: 'attribute_exists(pk) AND tries < :max AND expiresAt > :now',
        ExpressionAttributeValues: { ':one': 1, ':max': maxTries, ':now': nowSeconds },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return { hash: String(result.Attributes?.hash), tries: Number(result.Attributes?.tries) }
  } catch (error) {
    if (isConditionFailure(error)) return undefined
    throw error
  }
}

/**
 * Spends the code that matched (single use: of two sign-ins with it, one wins) and records the citizen,
 * created at their first sign-in. False when the code was spent or replaced meanwhile.
 */
export const spendSignInCode = async (
  db: Db,
  tenantId: TenantId,
  address: string,
  hash: string,
  now: Date,
): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.tableName,
              Key: keys.signInCode(tenantId, address),
              ConditionExpression: '#hash = :hash',
              ExpressionAttributeNames: { '#hash': 'hash' },
              ExpressionAttributeValues: { ':hash': hash },
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: keys.citizen(tenantId, address),
              UpdateExpression:
                'SET address = :address, createdAt = if_not_exists(createdAt, :now), lastSignInAt = :now',
              ExpressionAttributeValues: { ':address': address, ':now': now.toISOString() },
            },
          },
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** The sessions a citizen signed out of (id -> expiry), or undefined when there is no such citizen. */
export const getCitizenEndedSessions = async (
  db: Db,
  tenantId: TenantId,
  address: string,
): Promise<Record<string, number> | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.citizen(tenantId, address), ConsistentRead: true }),
  )
  if (!result.Item) return undefined
  return Object.fromEntries(
    Object.entries(result.Item)
      .filter(([name]) => name.startsWith(endedPrefix))
      .map(([name, exp]) => [name.slice(endedPrefix.length), Number(exp)]),
  )
}

/** Ends one citizen session (a sign-out); ids of sessions expired by now (`expired`) go in the same write. */
export const endCitizenSession = async (
  db: Db,
  tenantId: TenantId,
  address: string,
  session: { id: string; expiresAt: number },
  expired: string[],
) => {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.citizen(tenantId, address),
        UpdateExpression: `SET #new = :exp${expired.length ? ` REMOVE ${expired.map((_, i) => `#old${i}`).join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: {
          '#new': `${endedPrefix}${session.id}`,
          ...Object.fromEntries(expired.map((id, i) => [`#old${i}`, `${endedPrefix}${id}`])),
        },
        ExpressionAttributeValues: { ':exp': session.expiresAt },
      }),
    )
  } catch (error) {
    if (!isConditionFailure(error)) throw error
  }
}

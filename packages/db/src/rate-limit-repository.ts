import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client'
import { keys, type Scope } from './keys'

/**
 * Counts one hit against a fixed time window and returns the hits so far in it. One UpdateItem:
 * the window is part of the key, so a new window starts at zero and old ones expire by TTL.
 */
export const countHit = async (
  db: Db,
  scope: Scope,
  name: string,
  windowSeconds: number,
  now: Date,
): Promise<number> => {
  const epoch = Math.floor(now.getTime() / 1000)
  const window = Math.floor(epoch / windowSeconds)
  const result = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.rateLimit(scope, `${name}#${window}`),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
      ExpressionAttributeValues: { ':one': 1, ':expires': (window + 2) * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return Number(result.Attributes?.hits ?? 1)
}

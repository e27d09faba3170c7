import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client'
import { keys, type Scope } from './keys'
import type { TransactItem } from './transactions'

/** The window `now` falls in: part of the counter's key, so a new window starts at zero and old ones expire by TTL. */
const windowOf = (windowSeconds: number, now: Date) =>
  Math.floor(Math.floor(now.getTime() / 1000) / windowSeconds)

const hitUpdate = (db: Db, scope: Scope, name: string, windowSeconds: number, now: Date) => {
  const window = windowOf(windowSeconds, now)
  return {
    TableName: db.tableName,
    Key: keys.rateLimit(scope, `${name}#${window}`),
    UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
    ExpressionAttributeValues: { ':one': 1, ':expires': (window + 2) * windowSeconds } as Record<
      string,
      number
    >,
  }
}

/**
 * Counts one hit against a fixed time window and returns the hits so far in it. One UpdateItem.
 */
export const countHit = async (
  db: Db,
  scope: Scope,
  name: string,
  windowSeconds: number,
  now: Date,
): Promise<number> => {
  const result = await db.doc.send(
    new UpdateCommand({ ...hitUpdate(db, scope, name, windowSeconds, now), ReturnValues: 'UPDATED_NEW' }),
  )
  return Number(result.Attributes?.hits ?? 1)
}

/**
 * The same count as a write of the transaction it guards: it fails that transaction (ConditionalCheckFailed)
 * when the window already holds `hits` hits, so a refused request writes nothing and costs no round trip of
 * its own.
 */
export const hitWithin = (
  db: Db,
  scope: Scope,
  name: string,
  windowSeconds: number,
  hits: number,
  now: Date,
): TransactItem => {
  const update = hitUpdate(db, scope, name, windowSeconds, now)
  return {
    Update: {
      ...update,
      ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':limit': hits },
    },
  }
}

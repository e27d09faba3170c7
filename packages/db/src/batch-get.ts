import { BatchGetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client'

type Key = { pk: string; sk: string }

/** BatchGetItem (up to 100 keys, consistent) that also fetches whatever DynamoDB left unprocessed. */
export const batchGet = async (db: Db, keys: Key[]): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = []
  let pending: Record<string, unknown>[] = keys
  for (let round = 0; pending.length > 0 && round < 5; round++) {
    const result = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }),
    )
    items.push(...(result.Responses?.[db.tableName] ?? []))
    pending = result.UnprocessedKeys?.[db.tableName]?.Keys ?? []
  }
  if (pending.length > 0) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`)
  return items
}

/** The item of `items` with this key, if it came back. */
export const itemWithKey = (items: Record<string, unknown>[], key: Key) =>
  items.find((i) => i.pk === key.pk && i.sk === key.sk)

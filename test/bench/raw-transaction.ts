import { type TransactWriteItem, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb'
import type { Db } from '@mpp/db/client'
import { inPool } from './pool'
import { round } from './stats'

/**
 * Keeps a copy of the first TransactWriteItems the app sends that `matches` (as sent: marshalled), through the
 * SDK's middleware stack, so the bench can replay exactly those items without the app around them.
 */
export const captureTransaction = (db: Db, matches: (items: TransactWriteItem[]) => boolean) => {
  let captured: TransactWriteItem[] | undefined
  db.client.middlewareStack.add(
    (next) => async (args) => {
      const items = (args.input as { TransactItems?: TransactWriteItem[] }).TransactItems
      if (!captured && items && matches(items)) captured = structuredClone(items)
      return next(args)
    },
    { step: 'build', name: 'benchTransactionCapture' },
  )
  return {
    get items() {
      return captured
    },
  }
}

/**
 * The same writes on keys of their own: each item's sort key gets `suffix`, so every replay is a first write,
 * and its partition key `#raw`, so the replayed items stay out of the partitions the app reads (a replayed
 * waiting marker in the live day would otherwise stand in the line, pointing at a ticket long called).
 */
const onFreshKeys = (items: TransactWriteItem[], suffix: string): TransactWriteItem[] =>
  items.map((item) => {
    const copy = structuredClone(item)
    const key = copy.Put?.Item ?? copy.Update?.Key ?? copy.Delete?.Key ?? copy.ConditionCheck?.Key
    if (key?.sk?.S !== undefined) key.sk = { S: `${key.sk.S}${suffix}` }
    if (key?.pk?.S !== undefined) key.pk = { S: `${key.pk.S}#raw` }
    return copy
  })

/**
 * Replays a captured transaction `total` times with `concurrency` in flight, straight to DynamoDB: the floor
 * the app's own operation is measured against. Each replay writes fresh keys, so none waits on another.
 */
export const replayTransaction = async (
  db: Db,
  items: TransactWriteItem[],
  total: number,
  concurrency: number,
  /** Where this replay's keys start, so several replays of one transaction never meet. */
  first = 0,
) => {
  const seconds = await inPool(total, concurrency, async (i) => {
    await db.client.send(
      new TransactWriteItemsCommand({ TransactItems: onFreshKeys(items, `#raw-${first + i}`) }),
    )
  })
  return { requests: total, concurrency, seconds, perSecond: round(total / seconds, 1) }
}

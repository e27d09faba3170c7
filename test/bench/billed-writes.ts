import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import type { Db } from '@mpp/db/client'

type Item = Record<string, AttributeValue>

/** Bytes DynamoDB counts for a number: about one per two significant digits, plus one. */
const numberSize = (n: string) => {
  const digits = n.replace(/^-/, '').replace(/\./, '').replace(/^0+/, '').replace(/0+$/, '')
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1
}

/** The size of a value by DynamoDB's item size rules (strings in UTF-8, 3 bytes plus 1 per element for L and M). */
const valueSize = (v: AttributeValue): number => {
  if (v.S !== undefined) return Buffer.byteLength(v.S)
  if (v.N !== undefined) return numberSize(v.N)
  if (v.B !== undefined) return v.B.length
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1
  if (v.SS) return v.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0)
  if (v.NS) return v.NS.reduce((sum, n) => sum + numberSize(n), 0)
  if (v.L) return 3 + v.L.reduce((sum, e) => sum + 1 + valueSize(e), 0)
  if (v.M) return 3 + itemSize(v.M) + Object.keys(v.M).length
  return 0
}

export const itemSize = (item: Item | undefined) =>
  item ? Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name) + valueSize(v), 0) : 0

interface Written {
  key: Item
  /** The item a Put writes, known from the request; an update's result is read back. */
  put?: Item
}

const writesOf = (
  command: string,
  input: Record<string, unknown>,
): { transactional: boolean; writes: Written[] } => {
  const keyOf = (item: Item) => ({ pk: item.pk as AttributeValue, sk: item.sk as AttributeValue })
  if (command === 'TransactWriteItemsCommand') {
    const items = (input.TransactItems ?? []) as Record<string, { Item?: Item; Key?: Item }>[]
    return {
      transactional: true,
      writes: items.flatMap((t) => {
        if (t.Put?.Item) return [{ key: keyOf(t.Put.Item), put: t.Put.Item }]
        const key = t.Update?.Key ?? t.Delete?.Key
        return key ? [{ key }] : [] // a ConditionCheck writes nothing
      }),
    }
  }
  if (command === 'PutItemCommand') {
    const item = input.Item as Item
    return { transactional: false, writes: [{ key: keyOf(item), put: item }] }
  }
  if (command === 'UpdateItemCommand' || command === 'DeleteItemCommand')
    return { transactional: false, writes: [{ key: input.Key as Item }] }
  return { transactional: false, writes: [] }
}

/**
 * Write units as DynamoDB bills them, which DynamoDB Local does not report (it says 2 for any transaction): per
 * item written, one unit per KB of the larger of the item before and after, twice that in a transaction.
 * The items are read before and after through a client of their own, so round trips and units counted on the
 * app's client are not disturbed. Measures only while `measuring` is on: it doubles the step's calls.
 */
export const meterBilledWrites = async (db: Db) => {
  const endpoint = await db.client.config.endpoint?.()
  const probe = new DynamoDBClient({
    region: await db.client.config.region(),
    credentials: await db.client.config.credentials(),
    ...(endpoint
      ? { endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}${endpoint.path}` }
      : {}),
  })
  const sizeOf = async (key: Item) =>
    itemSize(
      (await probe.send(new GetItemCommand({ TableName: db.tableName, Key: key, ConsistentRead: true })))
        .Item,
    )
  let units = 0
  const items: { sk: string; bytes: number }[] = []
  let measuring = false
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!measuring) return next(args)
      const { transactional, writes } = writesOf(
        context.commandName ?? '',
        args.input as Record<string, unknown>,
      )
      const before = await Promise.all(writes.map((w) => sizeOf(w.key)))
      const result = await next(args)
      const after = await Promise.all(writes.map((w) => (w.put ? itemSize(w.put) : sizeOf(w.key))))
      writes.forEach((w, i) => {
        const bytes = Math.max(before[i] ?? 0, after[i] ?? 0)
        units += Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1)
        items.push({ sk: String(w.key.sk?.S), bytes })
      })
      return result
    },
    { step: 'build', name: 'benchBilledWrites' },
  )
  return {
    set measuring(on: boolean) {
      measuring = on
    },
    /** The units and the items (sort key, larger size in bytes) written since the last take. */
    take() {
      const taken = { units, items: [...items] }
      units = 0
      items.length = 0
      return taken
    },
  }
}

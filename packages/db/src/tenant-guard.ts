import type { TenantId } from '@mpp/core/tenant'
import { tenantPk } from './keys'
import { platformPartitionsForTenants, tableDefinition } from './table-definition'

type Attributes = Record<string, unknown>

/** A table request that would touch another tenant's keys: a bug in how a key was built, never a user error. */
export class CrossTenantAccessError extends Error {
  constructor(tenantId: TenantId, leadingKey: string) {
    super(`a request for tenant ${tenantId} reached the key ${JSON.stringify(leadingKey)}`)
    this.name = 'CrossTenantAccessError'
  }
}

/**
 * Index partition keys a tenant's items may carry that are not its own: its directory entry, day, month and mail
 * among every tenant's, which the platform lists. Writing one adds only the tenant's own item to the list.
 */
const sharedIndexKey = /^(DIRECTORY|MAIL|DAY#\d{4}-\d{2}-\d{2}|MONTH#\d{4}-\d{2})$/

const ownedBy = (tenantId: TenantId, key: string) => {
  const own = tenantPk(tenantId)
  return key === own || key.startsWith(`${own}#`)
}

const indexPartitionKeys = new Map<string | undefined, string>([
  [undefined, tableDefinition.partitionKey],
  ...tableDefinition.globalSecondaryIndexes.map((index) => [index.indexName, index.partitionKey] as const),
])

/** The partition key value a Query's key condition names (`pk = :pk AND ...`), on the table or its index. */
const queriedPartition = (input: Attributes): unknown => {
  const attribute = indexPartitionKeys.get(input.IndexName as string | undefined)
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>
  for (const clause of String(input.KeyConditionExpression).split(/\s+AND\s+/i)) {
    const equals = /^\(?\s*([#\w]+)\s*=\s*(:\w+)\s*\)?$/.exec(clause.trim())
    const [, name, value] = equals ?? []
    if (name && value && (names[name] ?? name) === attribute) return values[value]
  }
  return undefined
}

interface Touched {
  /** Table partition keys, and the partition of a Query (on the table or an index). */
  leading: unknown[]
  /** Index partition keys of items written. */
  indexed: unknown[]
}

const touchedBy = (input: Attributes): Touched | undefined => {
  const touched: Touched = { leading: [], indexed: [] }
  const key = (k: unknown) =>
    touched.leading.push((k as Attributes | undefined)?.[tableDefinition.partitionKey])
  const item = (i: unknown) => {
    key(i)
    for (const index of tableDefinition.globalSecondaryIndexes) {
      const value = (i as Attributes)[index.partitionKey]
      if (value !== undefined) touched.indexed.push(value)
    }
  }
  if (input.Key) key(input.Key)
  else if (input.Item) item(input.Item)
  else if (input.KeyConditionExpression) touched.leading.push(queriedPartition(input))
  else if (input.TransactItems)
    for (const entry of input.TransactItems as Attributes[]) {
      const action = Object.values(entry)[0] as Attributes
      if (action.Item) item(action.Item)
      else key(action.Key)
    }
  else if (input.RequestItems)
    for (const requests of Object.values(input.RequestItems as Attributes)) {
      if (Array.isArray(requests))
        for (const request of requests as Attributes[]) {
          const put = request.PutRequest as Attributes | undefined
          if (put) item(put.Item)
          else key((request.DeleteRequest as Attributes | undefined)?.Key)
        }
      else for (const k of ((requests as Attributes).Keys ?? []) as unknown[]) key(k)
    }
  else return undefined
  return touched
}

/**
 * Refuses a table request (a lib-dynamodb command's input) made for `tenantId` that reaches outside it: a key
 * or a queried partition not `T#{tenant}` or `T#{tenant}#...` (or one of `platformPartitionsForTenants`), an item
 * written into another tenant's index partition, or a request whose keys cannot be told (a Scan).
 */
export const assertWithinTenant = (tenantId: TenantId, input: Attributes): void => {
  const touched = touchedBy(input)
  if (!touched) throw new CrossTenantAccessError(tenantId, '(no key: a scan)')
  for (const leading of touched.leading) {
    const allowed =
      typeof leading === 'string' &&
      (ownedBy(tenantId, leading) || (platformPartitionsForTenants as readonly string[]).includes(leading))
    if (!allowed) throw new CrossTenantAccessError(tenantId, String(leading))
  }
  for (const indexed of touched.indexed) {
    const allowed =
      typeof indexed === 'string' && (ownedBy(tenantId, indexed) || sharedIndexKey.test(indexed))
    if (!allowed) throw new CrossTenantAccessError(tenantId, String(indexed))
  }
}

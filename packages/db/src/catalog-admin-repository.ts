import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  type Agency,
  type Service,
  type ServiceInternal,
  serviceInternal as serviceInternalSchema,
} from '@mpp/core/catalog'
import type { TenantId } from '@mpp/core/tenant'
import { type Catalog, getCatalog } from './catalog-repository'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, tenantPk } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

/**
 * The admin's side of the catalog: writes with their conditions, and the internal components of each
 * service's standard, which live in their own `STD#` items so that no citizen read ever fetches them.
 */

const internalPrefix = 'STD#'

const isConditionFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException'

const hasContent = (internal: ServiceInternal | undefined): internal is ServiceInternal =>
  internal !== undefined && Object.values(internal).some((v) => v !== undefined && v !== '')

/** The stored items of a service: the published part, and the internal part when it says anything. */
export const serviceItems = (tenantId: TenantId, service: Service) => {
  const { internal, ...published } = service
  return {
    published: { ...keys.service(tenantId, service.id), ...published },
    internal: hasContent(internal)
      ? { ...keys.serviceInternal(tenantId, service.id), ...internal }
      : undefined,
  }
}

/** Every service's internal components, by service id. */
export const listServiceInternals = async (
  db: Db,
  tenantId: TenantId,
): Promise<Map<string, ServiceInternal>> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': internalPrefix },
  })
  return new Map(
    items.map((i) => [String(i.sk).slice(internalPrefix.length), parseItem(serviceInternalSchema, i)]),
  )
}

/** Agencies and services with the internal components of each: what the admin edits and exports. */
export const getAdminCatalog = async (db: Db, tenantId: TenantId): Promise<Catalog> => {
  const [catalog, internals] = await Promise.all([
    getCatalog(db, tenantId),
    listServiceInternals(db, tenantId),
  ])
  return {
    agencies: catalog.agencies,
    services: catalog.services.map((s) => {
      const internal = internals.get(s.id)
      return internal ? { ...s, internal } : s
    }),
  }
}

/** Creates an agency; false when its id is taken. */
export const insertAgency = async (db: Db, tenantId: TenantId, agency: Agency): Promise<boolean> => {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.agency(tenantId, agency.id), ...agency },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

/** Replaces an agency; false when there is none with its id. */
export const replaceAgency = async (db: Db, tenantId: TenantId, agency: Agency): Promise<boolean> => {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.agency(tenantId, agency.id), ...agency },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

/** Deletes an agency; false when there is none. The caller checks it has no services first. */
export const removeAgency = async (db: Db, tenantId: TenantId, agencyId: string): Promise<boolean> => {
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: keys.agency(tenantId, agencyId),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

export type ServiceWrite = 'saved' | 'exists' | 'missing' | 'no_agency'

/**
 * Creates or replaces a service and its internal components in one transaction, on the condition that its
 * agency exists (so a service never points at an agency deleted a moment before) and that the service does
 * not exist yet (`create`) or does (`update`).
 */
export const writeService = async (
  db: Db,
  tenantId: TenantId,
  service: Service,
  mode: 'create' | 'update',
): Promise<ServiceWrite> => {
  const items = serviceItems(tenantId, service)
  const internalKey = keys.serviceInternal(tenantId, service.id)
  const transact: TransactItem[] = [
    {
      ConditionCheck: {
        TableName: db.tableName,
        Key: keys.agency(tenantId, service.agencyId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: items.published,
        ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      },
    },
    items.internal
      ? { Put: { TableName: db.tableName, Item: items.internal } }
      : { Delete: { TableName: db.tableName, Key: internalKey } },
  ]
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: transact }))
    return 'saved'
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (reasons[0]?.code === 'ConditionalCheckFailed') return 'no_agency'
    if (reasons[1]?.code === 'ConditionalCheckFailed') return mode === 'create' ? 'exists' : 'missing'
    throw error
  }
}

/** Deletes a service with its internal components and online form; false when there is no such service. */
export const removeService = async (db: Db, tenantId: TenantId, serviceId: string): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.tableName,
              Key: keys.service(tenantId, serviceId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          { Delete: { TableName: db.tableName, Key: keys.serviceInternal(tenantId, serviceId) } },
          { Delete: { TableName: db.tableName, Key: keys.serviceOnlineForm(tenantId, serviceId) } },
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: { pk: string; sk: string } } }

/** A batch write that stopped part-way: how many of the requests DynamoDB had confirmed. */
export class PartialWriteError extends Error {
  constructor(
    readonly written: number,
    readonly total: number,
    readonly reason: unknown,
  ) {
    super(`batch write stopped after ${written} of ${total} items`)
    this.name = 'PartialWriteError'
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * BatchWriteItem in chunks of 25 (DynamoDB's limit), a few chunks at a time, retrying what DynamoDB leaves
 * unprocessed with a growing pause. Throws PartialWriteError when a chunk cannot be written.
 */
export const batchWriteAll = async (db: Db, requests: WriteRequest[], concurrency = 4): Promise<void> => {
  const chunks: WriteRequest[][] = []
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25))
  let written = 0
  let next = 0
  const writeChunk = async (chunk: WriteRequest[]) => {
    let pending = chunk
    for (let round = 0; pending.length > 0; round++) {
      if (round > 0) await pause(Math.min(1000, 25 * 2 ** round))
      if (round > 6) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`)
      const result = await db.doc.send(
        new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }),
      )
      const left = (result.UnprocessedItems?.[db.tableName] ?? []) as WriteRequest[]
      written += pending.length - left.length
      pending = left
    }
  }
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] as WriteRequest[]
      await writeChunk(chunk)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker))
  } catch (error) {
    throw new PartialWriteError(written, requests.length, error)
  }
}

/**
 * Writes agencies and services (each service with its internal components, or the removal of old ones) with
 * BatchWriteItem. Not atomic: the caller validates everything first, and every write is an idempotent
 * replacement, so running the same import again completes one that stopped.
 */
export const writeCatalog = async (
  db: Db,
  tenantId: TenantId,
  catalog: Catalog,
): Promise<{ items: number }> => {
  const requests: WriteRequest[] = [
    ...catalog.agencies.map((a) => ({ PutRequest: { Item: { ...keys.agency(tenantId, a.id), ...a } } })),
    ...catalog.services.flatMap((s): WriteRequest[] => {
      const items = serviceItems(tenantId, s)
      return [
        { PutRequest: { Item: items.published } },
        items.internal
          ? { PutRequest: { Item: items.internal } }
          : { DeleteRequest: { Key: keys.serviceInternal(tenantId, s.id) } },
      ]
    }),
  ]
  await batchWriteAll(db, requests)
  return { items: requests.length }
}

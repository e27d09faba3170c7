import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { type Counter, counter as counterSchema, type Queue, queue as queueSchema } from '@mpp/core/queue'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, skPrefix, tenantPk } from './keys'
import { queryAll } from './query-all'

export interface QueueConfig {
  queues: Queue[]
  counters: Counter[]
}

/** A tenant's queues and counters in one Query: they share the `QCFG#` prefix of its partition. */
export const getQueueConfig = async (db: Db, tenantId: TenantId): Promise<QueueConfig> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': skPrefix.queueConfig },
  })
  const of = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix))
  return {
    queues: of(skPrefix.queues)
      .map((i) => parseItem(queueSchema, i))
      .sort((a, b) => a.prefix.localeCompare(b.prefix)),
    counters: of(skPrefix.counters)
      .map((i) => parseItem(counterSchema, i))
      .sort((a, b) => a.number - b.number),
  }
}

export const putQueue = async (db: Db, tenantId: TenantId, queue: Queue): Promise<void> => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.queue(tenantId, queue.id), ...queue } }),
  )
}

export const deleteQueue = async (db: Db, tenantId: TenantId, queueId: string): Promise<void> => {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.queue(tenantId, queueId) }))
}

export const putCounter = async (db: Db, tenantId: TenantId, counter: Counter): Promise<void> => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.counter(tenantId, counter.id), ...counter } }),
  )
}

export const deleteCounter = async (db: Db, tenantId: TenantId, counterId: string): Promise<void> => {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.counter(tenantId, counterId) }))
}

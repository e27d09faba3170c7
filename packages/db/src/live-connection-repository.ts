import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DeleteCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { tenantPk } from './keys'
import { queryAll } from './query-all'

/**
 * A topic as stored: `board`, `ticket#<ticketKey>` or `counter#<counterId>`. A prefix of it (`ticket#`) reads
 * every connection of that kind with one Query.
 */
export type ConnectionTopic = 'board' | `ticket#${string}` | `counter#${string}`

/** Two hours: API Gateway closes a WebSocket connection after that anyway, so no record outlives its socket. */
export const connectionTtlSeconds = 2 * 3600

const connectionPrefix = 'LIVE#'

export const liveConnection = z
  .object({
    connectionId: z.string().min(1).max(128),
    topic: z.string(),
    /**
     * For a board: the counters and queues it shows, resolved from its filter when it connected, so fan-out
     * needs no read of the queue set-up. Absent: every one.
     */
    counterIds: z.array(z.string()).optional(),
    queueIds: z.array(z.string()).optional(),
    connectedAt: z.iso.datetime(),
  })
  .strict()
export type LiveConnection = z.infer<typeof liveConnection> & { topic: ConnectionTopic }

export const liveConnectionKey = (tenantId: TenantId, topic: ConnectionTopic, connectionId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${connectionPrefix}${topic}#${connectionId}`,
})

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000)

/** Records a connection under each of its topics, in the tenant's own partition, expiring with the socket. */
export const putLiveConnections = async (
  db: Db,
  tenantId: TenantId,
  connections: LiveConnection[],
  now: Date,
): Promise<void> => {
  const expiresAt = epochSeconds(now) + connectionTtlSeconds
  for (let i = 0; i < connections.length; i += 25) {
    const chunk = connections.slice(i, i + 25)
    let unprocessed: Record<string, unknown> | undefined = {
      [db.tableName]: chunk.map((c) => ({
        PutRequest: { Item: { ...liveConnectionKey(tenantId, c.topic, c.connectionId), ...c, expiresAt } },
      })),
    }
    // A throttled batch hands back what it did not write; a connection without its record would hear nothing.
    for (let attempt = 0; unprocessed && Object.keys(unprocessed).length > 0 && attempt < 5; attempt++) {
      const result: BatchWriteCommandOutput = await db.doc.send(
        new BatchWriteCommand({ RequestItems: unprocessed as never }),
      )
      unprocessed = result.UnprocessedItems
    }
  }
}

export const deleteLiveConnection = async (
  db: Db,
  tenantId: TenantId,
  topic: ConnectionTopic,
  connectionId: string,
): Promise<void> => {
  await db.doc.send(
    new DeleteCommand({ TableName: db.tableName, Key: liveConnectionKey(tenantId, topic, connectionId) }),
  )
}

/**
 * Every live connection of a topic, or of every topic starting with a prefix (`ticket#` for every followed
 * ticket). Records whose TTL has passed but which DynamoDB has not yet removed (it may take a while) are left out.
 */
export const queryLiveConnections = async (
  db: Db,
  tenantId: TenantId,
  topicPrefix: string,
  now: Date,
): Promise<LiveConnection[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'expiresAt > :now',
    ExpressionAttributeValues: {
      ':pk': tenantPk(tenantId),
      ':prefix': `${connectionPrefix}${topicPrefix}`,
      ':now': epochSeconds(now),
    },
  })
  return items.map((item) => parseItem(liveConnection, item) as LiveConnection)
}

/** How many connection records the tenant has open: the per-tenant cap at `$connect` reads it. */
export const countLiveConnections = async (db: Db, tenantId: TenantId, now: Date): Promise<number> => {
  let count = 0
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: {
          ':pk': tenantPk(tenantId),
          ':prefix': connectionPrefix,
          ':now': epochSeconds(now),
        },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    )
    count += page.Count ?? 0
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return count
}

import { randomUUID } from 'node:crypto'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'

const outboxTtlSeconds = 30 * 24 * 3600

export const outboxMessage = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    kind: z.enum(['called', 'almost', 'phone_code', 'sign_in_code', 'service_request']),
    to: z.string(),
    text: z.string(),
    ticketKey: z.string().optional(),
  })
  .strict()
export type OutboxMessage = z.infer<typeof outboxMessage>

export const newOutboxMessage = (m: Omit<OutboxMessage, 'id'>): OutboxMessage => ({ id: randomUUID(), ...m })

/**
 * A notification to send, written in the same transaction as the change it tells about (the outbox pattern):
 * a message exists exactly when its event happened. A WhatsApp or SMS sender reads the outbox later; here the
 * tenant admin reads it.
 */
export const outboxPut = (db: Db, tenantId: TenantId, m: OutboxMessage) => ({
  Put: {
    TableName: db.tableName,
    Item: {
      ...keys.outbox(tenantId, m.at, m.id),
      ...m,
      expiresAt: Math.floor(Date.parse(m.at) / 1000) + outboxTtlSeconds,
    },
  },
})

/** The newest messages first. */
export const listOutbox = async (db: Db, tenantId: TenantId, limit = 100): Promise<OutboxMessage[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.outbox(tenantId, '', '').pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((i) => parseItem(outboxMessage, i))
}

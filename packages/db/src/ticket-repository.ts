import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import { type Ticket, ticket as ticketSchema } from '@mpp/core/ticket'
import { batchGet } from './batch-get'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'

export const getTicket = async (
  db: Db,
  tenantId: TenantId,
  ticketKey: string,
): Promise<Ticket | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.ticket(tenantId, ticketKey), ConsistentRead: true }),
  )
  return result.Item && parseItem(ticketSchema, result.Item)
}

/** Several tickets in one round trip (BatchGetItem takes up to 100 keys). */
export const getTickets = async (db: Db, tenantId: TenantId, ticketKeys: string[]): Promise<Ticket[]> => {
  if (ticketKeys.length === 0) return []
  const items = await batchGet(
    db,
    ticketKeys.slice(0, 100).map((k) => keys.ticket(tenantId, k)),
  )
  return items.map((i) => parseItem(ticketSchema, i))
}

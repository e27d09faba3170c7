import { randomUUID } from 'node:crypto'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import type { TransactItem } from './transactions'

/** Who decided what, when, and why: kept for ever. */
export const auditEntry = z
  .object({
    at: z.iso.datetime(),
    by: z.string(),
    action: z.string(),
    note: z.string().optional(),
  })
  .strict()
export type AuditEntry = z.infer<typeof auditEntry>

/** The write that records an entry about a subject (`app:<id>` or `tenant:<code>`), for a transaction. */
export const auditPut = (db: Db, subject: string, entry: AuditEntry): TransactItem => ({
  Put: { TableName: db.tableName, Item: { ...keys.audit(subject, entry.at, randomUUID()), ...entry } },
})

export const listAudit = async (db: Db, subject: string): Promise<AuditEntry[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(subject, '', '').pk },
    }),
  )
  return (result.Items ?? []).map((i) => parseItem(auditEntry, i))
}

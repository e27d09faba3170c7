import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { dayMetrics } from './live-repository'

const counts = z.object(
  Object.fromEntries(dayMetrics.map((m) => [m, z.number()])) as Record<
    (typeof dayMetrics)[number],
    z.ZodNumber
  >,
)

/** A business day's totals, written once when the day closes: what the ministry's statistics read. */
export const daySummary = z
  .object({
    tenantId: z.string(),
    day: z.string(),
    closedAt: z.iso.datetime(),
    totals: counts,
    queues: z.record(z.string(), counts),
    services: z.record(z.string(), counts),
  })
  .strict()
export type DaySummary = z.infer<typeof daySummary>

export const getDaySummary = async (
  db: Db,
  tenantId: TenantId,
  day: string,
): Promise<DaySummary | undefined> => {
  const { gsi1pk: _, gsi1sk: __, ...key } = keys.daySummary(tenantId, day)
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }),
  )
  return result.Item && parseItem(daySummary, result.Item)
}

export const putDaySummary = async (db: Db, summary: DaySummary): Promise<void> => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.daySummary(summary.tenantId, summary.day), ...summary },
    }),
  )
}

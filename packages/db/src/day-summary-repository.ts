import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { dayMetrics } from './live-repository'
import { queryAll } from './query-all'
import { putOnce, type TransactItem } from './transactions'

// A metric added later reads as 0 on summaries written before it existed.
const counts = z.object(
  Object.fromEntries(dayMetrics.map((m) => [m, z.number().default(0)])) as Record<
    (typeof dayMetrics)[number],
    z.ZodDefault<z.ZodNumber>
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

/**
 * Writes a closed day's summary once, with `also` (its roll-ups) in the same transaction: a day closed twice at
 * once (two job runs) is counted once. False when it was already written.
 */
export const putDaySummary = (db: Db, summary: DaySummary, also: TransactItem[] = []): Promise<boolean> =>
  putOnce(db, { ...keys.daySummary(summary.tenantId, summary.day), ...summary }, also)

/** A tenant's closed days from `from` to `to` (inclusive), oldest first. */
export const daySummariesBetween = async (db: Db, tenantId: TenantId, from: string, to: string) =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.daySummary(tenantId, from).pk,
        ':from': `D#${from}`,
        ':to': `D#${to}`,
      },
    })
  ).map((i) => parseItem(daySummary, i))

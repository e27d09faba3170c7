import { randomUUID } from 'node:crypto'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { createDb, type Db } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { inject } from 'vitest'

/** A fresh table in the run's DynamoDB Local, so test files never see each other's data. */
export const createTestDb = async (): Promise<Db> => {
  const tableName = `test-${randomUUID()}`
  const db = createDb({ tableName, endpoint: inject('dynamoEndpoint'), region: 'local' })
  await createTableIfMissing(db.client, tableName)
  return db
}

/**
 * Every item of a tenant's partitions, sorted, for before/after comparisons. Scan is fine here: tests only.
 * Rate-limit counters are left out: a refused login attempt is meant to count.
 */
export const tenantSnapshot = async (db: Db, tenantId: string) => {
  const items: Record<string, unknown>[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        ConsistentRead: true,
        FilterExpression: 'begins_with(pk, :t) AND NOT begins_with(pk, :rl)',
        ExpressionAttributeValues: { ':t': `T#${tenantId}`, ':rl': `T#${tenantId}#RL` },
        ExclusiveStartKey: startKey,
      }),
    )
    items.push(...(page.Items ?? []))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`))
}

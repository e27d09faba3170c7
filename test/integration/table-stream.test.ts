import { randomUUID } from 'node:crypto'
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb'
import { createDb, type Db } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { describe, expect, inject, it } from 'vitest'
import { createTestDb } from '../support/test-db'

const streamOf = async (db: Db) =>
  (await db.client.send(new DescribeTableCommand({ TableName: db.tableName }))).Table?.StreamSpecification

describe('the local table has the stream the live fan-out reads', () => {
  it('is created with a NEW_IMAGE stream, as the stack makes it in AWS', async () => {
    expect(await streamOf(await createTestDb())).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' })
  })

  it('gets one when it was made before it had a stream (an older .data/)', async () => {
    const db = createDb({
      tableName: `test-${randomUUID()}`,
      endpoint: inject('dynamoEndpoint'),
      region: 'local',
    })
    await db.client.send(
      new CreateTableCommand({
        TableName: db.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    )
    await waitUntilTableExists({ client: db.client, maxWaitTime: 30 }, { TableName: db.tableName })
    expect((await streamOf(db))?.StreamEnabled).not.toBe(true)
    await createTableIfMissing(db.client, db.tableName)
    expect(await streamOf(db)).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' })
    // A second start finds it there and changes nothing.
    await createTableIfMissing(db.client, db.tableName)
    expect(await streamOf(db)).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' })
  })
})

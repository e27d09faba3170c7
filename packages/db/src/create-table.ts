import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'
import { tableDefinition as def } from './table-definition'

const stream = { StreamEnabled: true, StreamViewType: def.streamViewType }

/**
 * A table made before it had a stream (an older `.data/`) gets one: the local fan-out reads it, as the
 * `live-fanout` Lambda reads the table's stream in AWS.
 */
const ensureStream = async (client: DynamoDBClient, tableName: string) => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
  if (Table?.StreamSpecification?.StreamEnabled) return
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: stream }))
}

/**
 * Creates the table from the shared definition unless it exists, with its stream (NEW_IMAGE, as in AWS). For
 * the local runtime and tests only.
 */
export const createTableIfMissing = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const keyAttributes = [
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
  ]
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: 'HASH' },
          { AttributeName: def.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((g) => ({
          IndexName: g.indexName,
          KeySchema: [
            { AttributeName: g.partitionKey, KeyType: 'HASH' },
            { AttributeName: g.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: stream,
      }),
    )
  } catch (error) {
    if (error instanceof ResourceInUseException) return ensureStream(client, tableName)
    throw error
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName })
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: def.timeToLiveAttribute, Enabled: true },
    }),
  )
}

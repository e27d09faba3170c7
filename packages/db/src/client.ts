import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export interface DbConfig {
  tableName: string
  /** DynamoDB Local or another endpoint; unset in AWS. */
  endpoint?: string
  region?: string
}

export interface Db {
  client: DynamoDBClient
  doc: DynamoDBDocumentClient
  tableName: string
}

export const createDb = (config: DbConfig): Db => {
  const local = config.endpoint !== undefined
  const client = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
    ...(local && {
      endpoint: config.endpoint,
      // DynamoDB Local accepts any credentials; fixed ones keep the SDK from searching for real ones.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    maxAttempts: 3,
  })
  return {
    client,
    doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: config.tableName,
  }
}

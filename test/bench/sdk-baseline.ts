import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'

/**
 * The floor the HTTP functions' cold start is measured against (issue 12): a Lambda that only creates the
 * DynamoDB document client as packages/db/src/client.ts does (same options, timeouts and marshalling) and
 * reads one item. The bench bundles it exactly as the stack bundles the app's functions.
 */
const local = process.env.DYNAMODB_ENDPOINT !== undefined
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'ap-southeast-3',
  ...(local && {
    endpoint: process.env.DYNAMODB_ENDPOINT,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2000, throwOnRequestTimeout: true },
})
const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })

export const handler = async () => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'T#16.73', sk: 'DIRECTORY' } }),
  )
  return { statusCode: 200, body: JSON.stringify({ found: Item !== undefined }) }
}

import { seedDemo } from '@mpp/local/seed/seed-demo'
import { inject, vi } from 'vitest'
import { testPassword } from './test-app'
import { createTestDb } from './test-db'

/** The platform's domain in the Lambda tests, as the stack would set ROOT_DOMAIN. */
export const lambdaRoot = 'mpp.example.id'

/**
 * A fresh table seeded with the demo tenants, and the environment a Lambda of this app has in AWS pointed at
 * it (DynamoDB Local standing in for the table); `env` adds or overrides. Import the function after this.
 */
export const stubLambdaEnvironment = async (env: Record<string, string> = {}) => {
  const db = await createTestDb()
  await seedDemo(db, testPassword)
  const all: Record<string, string> = {
    TABLE_NAME: db.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_REGION: 'ap-southeast-3',
    FILES_BUCKET: 'mpp-files-test',
    ROOT_DOMAIN: lambdaRoot,
    SESSION_SECRET: 'lambda-test-secret-long-enough-for-hmac',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...env,
  }
  for (const [name, value] of Object.entries(all)) vi.stubEnv(name, value)
  return db
}

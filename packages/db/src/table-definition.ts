/**
 * The one table, described once: the CDK stack and the local runtime both build it from here.
 * Plain data on purpose, so infra can import it without pulling in the AWS SDK.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const

export const defaultTableName = 'mpp-cloud'

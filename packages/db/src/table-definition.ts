/**
 * The one table, described once: the CDK stack and the local runtime both build it from here.
 * Plain data on purpose, so infra can import it without pulling in the AWS SDK.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  /** The stream the mail sender and the live fan-out read: new items and changes, with the item as written. */
  streamViewType: 'NEW_IMAGE',
} as const

export const defaultTableName = 'mpp-cloud'

/**
 * The platform partitions a tenant's own request may touch besides its `T#{tenant}` ones: the nation's day
 * roll-ups that its tickets, surveys and complaints add to. The data layer's guard (`tenant-guard.ts`) and the
 * tenant role's `dynamodb:LeadingKeys` condition in AWS (infra/constructs/tenant-role.ts) both read this list.
 */
export const platformPartitionsForTenants = ['P#NATIONAL'] as const

import { tableDefinition } from '@mpp/db/table-definition'
import { RemovalPolicy } from 'aws-cdk-lib'
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb'
import { Construct } from 'constructs'

const stringKey = (name: string) => ({ name, type: AttributeType.STRING })

/** The one table, from the same definition the local runtime creates it with. */
export class MppTable extends Construct {
  readonly table: Table
  /** Each index's own ARN, so grants can name them instead of `index/*`. */
  readonly indexArns: string[]

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // The mail sender reads new and re-queued outbox mail from it (constructs/mail-sender.ts).
      stream: StreamViewType.NEW_IMAGE,
      // Traffic follows office hours in four time zones and is idle at night: on-demand costs nothing idle.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Every regency's data lives here; a stack deletion must never take it along.
      removalPolicy: RemovalPolicy.RETAIN,
    })
    for (const index of tableDefinition.globalSecondaryIndexes)
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })
    this.indexArns = tableDefinition.globalSecondaryIndexes.map(
      (index) => `${this.table.tableArn}/index/${index.indexName}`,
    )
  }
}

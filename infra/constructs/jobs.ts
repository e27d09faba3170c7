import { Duration } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { Construct } from 'constructs'
import { AppFunction } from './app-function'

/**
 * The scheduled work: every 15 minutes, close the business day of every tenant whose local closing time (and
 * the grace after it) has passed. Four time zones, so no single hour fits all.
 */
export class Jobs extends Construct {
  readonly fn: AppFunction['fn']

  constructor(scope: Construct, id: string, props: { table: ITable; indexArns: string[] }) {
    super(scope, id)
    this.fn = new AppFunction(this, 'CloseDays', {
      entry: 'jobs.ts',
      description: "MPP Cloud jobs: closes each tenant's business day",
      table: props.table,
      indexArns: props.indexArns,
      timeout: Duration.minutes(10),
      environment: { POWERTOOLS_SERVICE_NAME: 'mpp-cloud-jobs' },
    }).fn
    new Rule(this, 'Every15Minutes', {
      description: 'Close the business days that are due',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2 })],
    })
  }
}

import { Duration, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { AppFunction } from './app-function'

/**
 * The scheduled work: every 15 minutes, close the business day of every tenant whose local closing time (and
 * the grace after it) has passed. Four time zones, so no single hour fits all.
 *
 * EventBridge invokes the function asynchronously: its part ends once Lambda has queued the event, so a run
 * that fails is seen by Lambda only. Lambda retries it twice and then sends the invocation record (the
 * event, the error) to the failure queue: the function's `onFailure` destination, not the rule target's
 * dead-letter queue, which receives only events EventBridge could not hand to Lambda at all. The same queue
 * takes those too. Retrying is safe: a closed day is never closed twice (test/integration/day-close-retry).
 */
export class Jobs extends Construct {
  readonly fn: AppFunction['fn']
  /** Failed runs, after Lambda's retries; alarmed on (infra/constructs/operations.ts). */
  readonly failures: Queue

  constructor(scope: Construct, id: string, props: { table: ITable; indexArns: string[] }) {
    super(scope, id)
    this.failures = new Queue(this, 'Failures', {
      // SQS-managed keys: Lambda and EventBridge can write without a grant on a KMS key.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS keeps a message: time to read what failed and why.
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself where failed job runs end (Lambda onFailure destination and the rule target DLQ); nothing consumes it, a person reads it.',
    })
    this.fn = new AppFunction(this, 'CloseDays', {
      entry: 'jobs.ts',
      description: "MPP Cloud jobs: closes each tenant's business day",
      table: props.table,
      indexArns: props.indexArns,
      timeout: Duration.minutes(10),
      environment: { POWERTOOLS_SERVICE_NAME: 'mpp-cloud-jobs' },
    }).fn
    this.fn.configureAsyncInvoke({
      retryAttempts: 2,
      // Later runs close the same days anyway; an hour-old run is not worth another try.
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.failures),
    })
    new Rule(this, 'Every15Minutes', {
      description: 'Close the business days that are due',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2, deadLetterQueue: this.failures })],
    })
  }
}

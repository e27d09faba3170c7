import { Duration, Stack, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda'
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'
import { AppFunction } from './app-function'

export interface MailSenderProps {
  /** The table, with its stream on (NEW_IMAGE): every outbox item that becomes `pending` starts a delivery. */
  table: ITable
  indexArns: string[]
  /** The SES-verified sender, `MPP Cloud <noreply@mpp.example.go.id>` or a bare address. */
  mailFrom: string
}

/** The mail sender's service name (functions/mail-failed-metric.ts): its logs and its `MailFailed` metric. */
const service = 'mpp-cloud-mail'

/**
 * Sends the outbox. The app writes each mail to the table as `pending`, in the transaction of the change it
 * tells about; the table's stream hands it (and only it: the filter lets through nothing but items whose new
 * `delivery` is `pending`) to the mail-sender Lambda, which sends it through SES and marks it `sent` or
 * `failed` (functions/mail-sender.ts). A refusal is recorded on the mail, not thrown; only a batch the
 * function cannot finish (the table failing) is retried, halved, and then parked in an encrypted queue.
 */
export class MailSender extends Construct {
  readonly fn: LambdaFunction
  /** Stream records the sender gave up on after its retries; their mails stay `pending` in the outbox. */
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id)
    const sender = /<?([^<>\s]+@([^<>\s]+?))>?$/.exec(props.mailFrom)
    if (!sender) throw new Error(`mailFrom ${props.mailFrom} has no email address`)
    const [, address, domain] = sender as unknown as [string, string, string]
    const { region, account, partition } = Stack.of(this)
    const sesIdentity = (name: string) => `arn:${partition}:ses:${region}:${account}:identity/${name}`

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter destination of the mail stream itself.',
    })

    this.fn = new AppFunction(this, 'Send', {
      entry: 'mail-sender.ts',
      description: 'MPP Cloud mail: sends the outbox through SES',
      table: props.table,
      indexArns: props.indexArns,
      timeout: Duration.seconds(30),
      environment: { MAIL_FROM: props.mailFrom, POWERTOOLS_SERVICE_NAME: service },
      statements: [
        // As this sender only (the address, or the domain it was verified with), and as no other From.
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [sesIdentity(address), sesIdentity(domain)],
          conditions: { StringEquals: { 'ses:FromAddress': address } },
        }),
      ],
    }).fn

    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record the stream keeps (24 hours): mail written while the sender was away is sent.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(0),
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { delivery: { S: FilterRule.isEqual('pending') } } },
          }),
        ],
      }),
    )
    acknowledgeWildcards(
      this.fn.role ?? this.fn,
      "The event source's grant: dynamodb:ListStreams has no resource-level permission; reading records (DescribeStream, GetRecords, GetShardIterator) is granted on this table's stream only.",
      { actions: [], resources: ['*'] },
    )
  }
}

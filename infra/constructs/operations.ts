import { Duration, Stack } from 'aws-cdk-lib'
import type { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2'
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb'
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { IQueue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { platformMetrics } from '../../functions/metric-names'
import { webAclMetricName } from './edge-firewall'

/** An app function to watch, with the figures that are abnormal for it. */
export interface WatchedFunction {
  /** Short name in alarm names and on the dashboard: `http`, `jobs`. */
  name: string
  fn: IFunction
  /** Errors (crashes, timeouts: the app answers its own errors) in 5 minutes that raise the alarm. */
  errorsPer5Minutes: number
  /** Instances at once that raise the alarm. */
  concurrency: number
}

export interface OperationsProps {
  /** Who is told when an alarm goes off or clears; without it the topic has no subscriber. */
  alarmEmail?: string
  functions: WatchedFunction[]
  api: HttpApi
  /** The live-updates socket (issue 9): connects, messages and its refusals on the dashboard. */
  liveApi: WebSocketApi
  /** The API's access log (JSON, `status` as a string): 429s are counted from it. */
  accessLogs: ILogGroup
  table: Table
  indexNames: string[]
  /** Where failed job runs end. */
  jobsFailures: IQueue
  /** Where the mail sender parks stream batches it could not finish (their mail stays `pending`). */
  mailFailures?: IQueue
}

const fiveMinutes = Duration.minutes(5)

/** The item operations the repositories use (SystemErrors and ThrottledRequests are per operation). */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.BATCH_GET_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
]

/** What is abnormal enough to tell someone, and below which a rate means nothing (a quiet night). */
export const alarmThresholds = {
  /** Per cent of requests answered 5xx, over two 5-minute periods in a row. */
  serverErrorPercent: 1,
  /** Per cent of requests answered 429 (the app's limits or the stage's throttle), over 15 minutes. */
  tooManyRequestsPercent: 5,
  /** Fewer requests than this in 5 minutes make no rate. */
  minimumRequests: 20,
} as const

/**
 * What whoever runs the platform sees: an SNS topic (encrypted with its own key, SSL only) that every alarm
 * notifies when it goes off and when it clears, the alarms, and one dashboard. The alarms and what to do
 * about each are listed in README.md ("Deploying to AWS").
 */
export class Operations extends Construct {
  readonly topic: Topic
  readonly alarms: Alarm[] = []
  readonly dashboard: Dashboard

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id)
    const stack = Stack.of(this)

    // The AWS-managed SNS key's policy cannot be changed to let CloudWatch use it: a key of our own.
    const key = new Key(this, 'AlarmsKey', {
      description: 'Encrypts the alarm notifications of MPP Cloud',
      enableKeyRotation: true,
    })
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*')
    this.topic = new Topic(this, 'Alarms', {
      displayName: 'MPP Cloud alarms',
      masterKey: key,
      enforceSSL: true,
    })
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail))
    const notify = new SnsAction(this.topic)

    const alarm = (
      name: string,
      metric: IMetric,
      options: {
        threshold: number
        description: string
        evaluationPeriods?: number
        missing?: TreatMissingData
      },
    ) => {
      const created = new Alarm(this, name, {
        alarmName: `${stack.stackName}-${name}`,
        alarmDescription: options.description,
        metric,
        threshold: options.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: options.evaluationPeriods ?? 1,
        treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
      })
      created.addAlarmAction(notify)
      created.addOkAction(notify)
      this.alarms.push(created)
      return created
    }

    // The functions: errors, throttles, and more instances at once than their work explains.
    for (const f of props.functions) {
      alarm(`${f.name}-errors`, f.fn.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }), {
        threshold: f.errorsPer5Minutes,
        description: `The ${f.name} function failed (crash, timeout or out of memory) at least ${f.errorsPer5Minutes} time(s) in 5 minutes.`,
      })
      alarm(`${f.name}-throttles`, f.fn.metricThrottles({ period: fiveMinutes, statistic: Stats.SUM }), {
        threshold: 1,
        description: `Lambda refused to run the ${f.name} function: the account's or the function's concurrency is used up.`,
      })
      alarm(
        `${f.name}-concurrency`,
        f.fn.metric('ConcurrentExecutions', { period: fiveMinutes, statistic: Stats.MAXIMUM }),
        {
          threshold: f.concurrency,
          description: `${f.concurrency} or more instances of the ${f.name} function at once: requests are slow (the table?) or a flood passed the edge.`,
        },
      )
    }

    // The HTTP API: its rates of 5xx and of 429. API Gateway publishes 4xx and 5xx counts only; the 429s
    // (the app's limits and the stage's throttle) are counted from the access log, so 401/403/404 do not
    // hide among them.
    const requests = props.api.metricCount({ period: fiveMinutes, statistic: Stats.SUM })
    const serverErrors = props.api.metricServerError({ period: fiveMinutes, statistic: Stats.SUM })
    const tooMany = new MetricFilter(this, 'TooManyRequests', {
      logGroup: props.accessLogs,
      metricNamespace: platformMetrics.namespace,
      metricName: 'ApiTooManyRequests',
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricValue: '1',
      defaultValue: 0,
    }).metric({ period: fiveMinutes, statistic: Stats.SUM })
    const rate = (label: string, count: Metric, period: Duration) =>
      new MathExpression({
        expression: `IF(requests >= ${alarmThresholds.minimumRequests}, 100 * count / requests, 0)`,
        usingMetrics: { requests: requests.with({ period }), count: count.with({ period }) },
        label,
        period,
      })
    alarm('api-5xx-rate', rate('5xx %', serverErrors, fiveMinutes), {
      threshold: alarmThresholds.serverErrorPercent,
      evaluationPeriods: 2,
      description: `${alarmThresholds.serverErrorPercent}% or more of the API's requests answered 5xx for 10 minutes (an unreachable table answers 503).`,
    })
    alarm('api-429-rate', rate('429 %', tooMany, Duration.minutes(15)), {
      threshold: alarmThresholds.tooManyRequestsPercent,
      description: `${alarmThresholds.tooManyRequestsPercent}% or more of the API's requests refused with 429 over 15 minutes: a flood, or limits too tight for a real crowd.`,
    })

    // The table and its indexes: throttled reads and writes, and DynamoDB's own errors.
    const throttleEvents = Object.fromEntries(
      [undefined, ...props.indexNames].flatMap((index, i) =>
        ['ReadThrottleEvents', 'WriteThrottleEvents'].map((name) => [
          `${name === 'ReadThrottleEvents' ? 'r' : 'w'}${i}`,
          props.table.metric(name, {
            period: fiveMinutes,
            statistic: Stats.SUM,
            dimensionsMap: {
              TableName: props.table.tableName,
              ...(index ? { GlobalSecondaryIndexName: index } : {}),
            },
          }),
        ]),
      ),
    )
    const throttled = new MathExpression({
      expression: Object.keys(throttleEvents).join(' + '),
      usingMetrics: throttleEvents,
      label: 'throttle events (table and indexes)',
      period: fiveMinutes,
    })
    alarm('table-throttles', throttled, {
      threshold: 1,
      evaluationPeriods: 2,
      description:
        'DynamoDB throttled reads or writes for 10 minutes (a hot partition or an account limit): requests slow down, then answer 503.',
    })
    const systemErrors = props.table.metricSystemErrorsForOperations({
      operations: tableOperations,
      period: fiveMinutes,
    })
    alarm('table-system-errors', systemErrors, {
      threshold: 1,
      description: 'DynamoDB itself failed requests (HTTP 500 from the service).',
    })

    // The jobs: days not closed by the next morning, and runs that failed for good.
    const daysOverdue = new Metric({
      namespace: platformMetrics.namespace,
      metricName: platformMetrics.daysOverdue,
      dimensionsMap: { service: 'mpp-cloud-jobs' },
      period: Duration.hours(1),
      statistic: Stats.MAXIMUM,
    })
    alarm('days-overdue', daysOverdue, {
      threshold: 1,
      // The jobs report every 15 minutes, 0 included: an hour without a report is a job that stopped.
      missing: TreatMissingData.BREACHING,
      description:
        "A tenant's business day is still not closed 6 hours after it was due (its tickets not expired, the ministry's statistics short), or the jobs reported nothing for an hour. The jobs' log names the tenants and days.",
    })
    alarm(
      'jobs-failed-runs',
      props.jobsFailures.metric('ApproximateNumberOfMessagesVisible', {
        period: fiveMinutes,
        statistic: Stats.MAXIMUM,
      }),
      {
        threshold: 1,
        description:
          'A run of the jobs failed after its retries, or EventBridge could not start it: the message in the failure queue says why.',
      },
    )

    if (props.mailFailures)
      alarm(
        'mail-batches-parked',
        props.mailFailures.metric('ApproximateNumberOfMessagesVisible', {
          period: fiveMinutes,
          statistic: Stats.MAXIMUM,
        }),
        {
          threshold: 1,
          description:
            'The mail sender could not finish a batch of stream records after its retries (the table failing): their mail stays pending in the outbox; send it again from /kementerian/surat once the table answers.',
        },
      )

    // Mail: whatever sends it counts MailFailed in MppCloud, with any dimensions; the query adds them all up.
    const mailFailed = new MathExpression({
      expression: `SELECT SUM(${platformMetrics.mailFailed}) FROM ${platformMetrics.namespace}`,
      label: 'mail failed',
      period: fiveMinutes,
    })
    alarm('mail-failed', mailFailed, {
      threshold: 1,
      description:
        "A mail could not be sent (SES refused it or its retries ran out): it waits as failed in the ministry's outbox (/kementerian/surat).",
    })

    this.dashboard = this.dashboardOf(props, { requests, serverErrors, tooMany, daysOverdue, mailFailed })
  }

  private dashboardOf(
    props: OperationsProps,
    m: { requests: Metric; serverErrors: Metric; tooMany: Metric; daysOverdue: Metric; mailFailed: IMetric },
  ) {
    const stack = Stack.of(this)
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: stack.stackName,
      defaultInterval: Duration.hours(24),
    })
    const wide = { width: 12, height: 6 }
    const per = (metric: (f: WatchedFunction) => Metric) =>
      props.functions.map((f) => metric(f).with({ label: f.name }))
    const api = props.api
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# MPP Cloud (${stack.region})\nAlarms notify the SNS topic \`${this.topic.topicName}\`; what each means: README.md, "Deploying to AWS".`,
        width: 24,
        height: 2,
      }),
    )
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and refusals (5 min)',
        left: [m.requests.with({ label: 'requests' })],
        right: [
          api.metricClientError({ period: fiveMinutes, statistic: Stats.SUM, label: '4xx' }),
          m.tooMany.with({ label: '429' }),
          m.serverErrors.with({ label: '5xx' }),
        ],
        ...wide,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          api.metricLatency({ period: fiveMinutes, statistic: Stats.p(50), label: 'p50' }),
          api.metricLatency({ period: fiveMinutes, statistic: Stats.p(99), label: 'p99' }),
          api.metricIntegrationLatency({ period: fiveMinutes, statistic: Stats.p(99), label: 'Lambda p99' }),
        ],
        ...wide,
      }),
    )
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda errors and throttles',
        left: per((f) => f.fn.metricErrors({ period: fiveMinutes, statistic: Stats.SUM })),
        right: per((f) =>
          f.fn
            .metricThrottles({ period: fiveMinutes, statistic: Stats.SUM })
            .with({ label: `${f.name} throttles` }),
        ),
        ...wide,
      }),
      new GraphWidget({
        title: 'Lambda duration p99 (ms) and instances at once',
        left: per((f) => f.fn.metricDuration({ period: fiveMinutes, statistic: Stats.p(99) })),
        right: per((f) =>
          f.fn
            .metric('ConcurrentExecutions', { period: fiveMinutes, statistic: Stats.MAXIMUM })
            .with({ label: `${f.name} concurrency` }),
        ),
        ...wide,
      }),
    )
    const live = (name: string, label: string) =>
      props.liveApi.metric(name, { period: fiveMinutes, statistic: Stats.SUM, label })
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Live updates (WebSocket): connects and messages (5 min)',
        left: [live('ConnectCount', 'connects'), live('MessageCount', 'messages')],
        right: [
          live('ClientError', '4xx (refused tokens, throttled)'),
          live('ExecutionError', 'execution errors'),
          live('IntegrationError', 'integration errors'),
        ],
        ...wide,
      }),
      new GraphWidget({
        title: 'Live updates (WebSocket): integration latency (ms)',
        left: [
          props.liveApi.metric('IntegrationLatency', {
            period: fiveMinutes,
            statistic: Stats.p(99),
            label: 'p99',
          }),
        ],
        ...wide,
      }),
    )
    const table = props.table
    dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB consumed capacity units (5 min)',
        left: [
          table.metricConsumedReadCapacityUnits({ period: fiveMinutes, statistic: Stats.SUM, label: 'read' }),
          table.metricConsumedWriteCapacityUnits({
            period: fiveMinutes,
            statistic: Stats.SUM,
            label: 'write',
          }),
        ],
        ...wide,
      }),
      // Two widgets: the per-operation expressions name their metrics alike and cannot share a graph.
      new GraphWidget({
        title: 'DynamoDB throttled requests',
        left: [
          table.metricThrottledRequestsForOperations({
            operations: tableOperations,
            period: fiveMinutes,
            label: 'throttled requests',
          }),
        ],
        width: 6,
        height: 6,
      }),
      new GraphWidget({
        title: 'DynamoDB system errors',
        left: [
          table.metricSystemErrorsForOperations({
            operations: tableOperations,
            period: fiveMinutes,
            label: 'system errors',
          }),
        ],
        width: 6,
        height: 6,
      }),
    )
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Days overdue (now)',
        metrics: [m.daysOverdue],
        width: 6,
        height: 4,
      }),
      new GraphWidget({
        title: 'Mail failed, failed job runs',
        left: [m.mailFailed],
        right: [
          props.jobsFailures.metric('ApproximateNumberOfMessagesVisible', {
            period: fiveMinutes,
            statistic: Stats.MAXIMUM,
            label: 'failed job runs waiting',
          }),
        ],
        width: 9,
        height: 4,
      }),
      // The web ACL lives in us-east-1 (CloudFront's); a widget may read another region.
      new GraphWidget({
        title: 'AWS WAF at the edge: blocked requests (us-east-1)',
        left: [
          new Metric({
            namespace: 'AWS/WAFV2',
            metricName: 'BlockedRequests',
            dimensionsMap: { WebACL: webAclMetricName, Rule: 'ALL' },
            region: 'us-east-1',
            period: fiveMinutes,
            statistic: Stats.SUM,
            label: 'blocked',
          }),
        ],
        width: 9,
        height: 4,
      }),
    )
    return dashboard
  }
}

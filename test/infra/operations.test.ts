import type { Stack } from 'aws-cdk-lib'
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appFunction,
  nagViolations,
  onlyResourceId,
  stackSynthesiser,
  synthTimeout,
} from '../support/stack-synth'

const stacks = stackSynthesiser()
beforeAll(stacks.setUp)
afterAll(stacks.tearDown)

type Resource = { Properties: Record<string, unknown> & Record<string, never>; DeletionPolicy?: string }

/** The alarms of this issue; other constructs may add their own. */
const alarmNames = [
  'http-errors',
  'http-throttles',
  'http-concurrency',
  'jobs-errors',
  'jobs-throttles',
  'jobs-concurrency',
  'api-5xx-rate',
  'api-429-rate',
  'table-throttles',
  'table-system-errors',
  'days-overdue',
  'jobs-failed-runs',
  'mail-failed',
].map((name) => `MppCloud-${name}`)

/** The alarm named `MppCloud-<name>`. */
const alarm = (template: Template, name: string) => {
  const found = Object.values(
    template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: `MppCloud-${name}` } }),
  ) as Resource[]
  expect(found, name).toHaveLength(1)
  return (found[0] as Resource).Properties
}

/** The logical id of the app function `name`. */
const functionId = (template: Template, name: 'http' | 'citizen' | 'staff' | 'platform' | 'jobs') => {
  const properties = appFunction(template, name)
  return Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, r]) => r.Properties === properties,
  )?.[0] as string
}

/** The logical id of the jobs' failure queue (the mail sender has a queue of its own). */
const jobsFailuresId = (template: Template) => {
  const ids = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) =>
    id.startsWith('JobsFailures'),
  )
  expect(ids).toHaveLength(1)
  return ids[0] as string
}

/** The metric stat of each query of a metric-math alarm, by id. */
const statsOf = (alarmProperties: Record<string, unknown>) =>
  Object.fromEntries(
    (alarmProperties.Metrics as { Id: string; MetricStat?: { Metric: unknown; Stat: string } }[])
      .filter((m) => m.MetricStat)
      .map((m) => [m.Id, m.MetricStat]),
  )

describe('what the platform shows and tells when it fails', () => {
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = stacks.synth('operations', { alarmEmail: 'ops@mpp.example.go.id' }))
  }, synthTimeout)

  it('sends every alarm and its recovery to one SNS topic, encrypted with a rotated key, SSL only, mailed to alarmEmail', () => {
    const topicId = onlyResourceId(template, 'AWS::SNS::Topic')
    const keyId = onlyResourceId(template, 'AWS::KMS::Key')
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true })
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } })
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
    // CloudWatch may use the key to publish.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    })
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@mpp.example.go.id',
      TopicArn: { Ref: topicId },
    })
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[]
    expect(alarms.map((a) => a.Properties.AlarmName)).toEqual(expect.arrayContaining(alarmNames))
    for (const a of alarms) {
      expect(a.Properties.AlarmActions).toEqual([{ Ref: topicId }])
      expect(a.Properties.OKActions).toEqual([{ Ref: topicId }])
      expect(a.Properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold')
    }
  })

  it("alarms on each function's errors, throttles and concurrency", () => {
    for (const [name, errors, concurrency] of [
      ['http', 5, 200],
      ['citizen', 5, 200],
      ['staff', 5, 200],
      ['platform', 5, 200],
      ['jobs', 1, 2],
    ] as const) {
      const fn = { Name: 'FunctionName', Value: { Ref: functionId(template, name) } }
      expect(alarm(template, `${name}-errors`)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 300,
        Threshold: errors,
        Dimensions: [fn],
      })
      expect(alarm(template, `${name}-throttles`)).toMatchObject({
        MetricName: 'Throttles',
        Threshold: 1,
        Dimensions: [fn],
      })
      expect(alarm(template, `${name}-concurrency`)).toMatchObject({
        MetricName: 'ConcurrentExecutions',
        Statistic: 'Maximum',
        Threshold: concurrency,
        Dimensions: [fn],
      })
    }
  })

  it("alarms on the HTTP API's 5xx rate, and on its 429 rate counted from the access log", () => {
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    const api = [{ Name: 'ApiId', Value: { Ref: apiId } }]
    const serverErrors = alarm(template, 'api-5xx-rate')
    expect(serverErrors).toMatchObject({ Threshold: 1, EvaluationPeriods: 2 })
    expect(statsOf(serverErrors)).toEqual({
      requests: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: api },
        Period: 300,
        Stat: 'Sum',
      },
      count: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: api },
        Period: 300,
        Stat: 'Sum',
      },
    })
    const tooMany = alarm(template, 'api-429-rate')
    expect(tooMany).toMatchObject({ Threshold: 5 })
    expect(statsOf(tooMany).count).toEqual({
      Metric: { Namespace: 'MppCloud', MetricName: 'ApiTooManyRequests' },
      Period: 900,
      Stat: 'Sum',
    })
    const accessLogsId = Object.keys(template.findResources('AWS::Logs::LogGroup')).find((id) =>
      id.startsWith('HttpAccessLogs'),
    )
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: accessLogsId },
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        { MetricNamespace: 'MppCloud', MetricName: 'ApiTooManyRequests', MetricValue: '1', DefaultValue: 0 },
      ],
    })
  })

  it("alarms on throttled reads and writes of the table and its index, and on DynamoDB's system errors", () => {
    const tableId = onlyResourceId(template, 'AWS::DynamoDB::Table')
    const throttles = statsOf(alarm(template, 'table-throttles'))
    expect(Object.values(throttles).map((s) => (s as { Metric: unknown }).Metric)).toEqual(
      expect.arrayContaining(
        ['ReadThrottleEvents', 'WriteThrottleEvents'].flatMap((MetricName) => [
          {
            Namespace: 'AWS/DynamoDB',
            MetricName,
            Dimensions: [{ Name: 'TableName', Value: { Ref: tableId } }],
          },
          {
            Namespace: 'AWS/DynamoDB',
            MetricName,
            Dimensions: [
              { Name: 'GlobalSecondaryIndexName', Value: 'gsi1' },
              { Name: 'TableName', Value: { Ref: tableId } },
            ],
          },
        ]),
      ),
    )
    const systemErrors = Object.values(statsOf(alarm(template, 'table-system-errors'))) as {
      Metric: { MetricName: string; Dimensions: { Name: string; Value: unknown }[] }
    }[]
    expect(new Set(systemErrors.map((s) => s.Metric.MetricName))).toEqual(new Set(['SystemErrors']))
    expect(
      systemErrors.map((s) => s.Metric.Dimensions.find((d) => d.Name === 'Operation')?.Value).sort(),
    ).toEqual([
      'BatchGetItem',
      'BatchWriteItem',
      'DeleteItem',
      'GetItem',
      'PutItem',
      'Query',
      'TransactWriteItems',
      'UpdateItem',
    ])
  })

  it('alarms on a day close overdue (or the jobs silent for an hour), failed job runs and failed mail', () => {
    expect(alarm(template, 'days-overdue')).toMatchObject({
      Namespace: 'MppCloud',
      MetricName: 'DaysOverdue',
      Dimensions: [{ Name: 'service', Value: 'mpp-cloud-jobs' }],
      Statistic: 'Maximum',
      Period: 3600,
      Threshold: 1,
      TreatMissingData: 'breaching',
    })
    const queueId = jobsFailuresId(template)
    expect(alarm(template, 'jobs-failed-runs')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
    })
    const mail = alarm(template, 'mail-failed')
    expect(mail).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' })
    // Whatever dimensions the mail sender gives MailFailed, the query sums them all.
    expect(mail.Metrics).toEqual([
      {
        Id: expect.any(String),
        Expression: 'SELECT SUM(MailFailed) FROM MppCloud',
        Label: 'mail failed',
        Period: 300,
        ReturnData: true,
      },
    ])
  })

  it('draws one dashboard of requests, latency, functions, live updates, the table, overdue days, mail and the edge', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1)
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'MppCloud' })
    const body = JSON.stringify(
      Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties.DashboardBody,
    )
    for (const shown of [
      '\\"Count\\"',
      '\\"4xx\\"',
      '\\"5xx\\"',
      'ApiTooManyRequests',
      '\\"stat\\":\\"p50\\"',
      '\\"stat\\":\\"p99\\"',
      '\\"Errors\\"',
      '\\"Duration\\"',
      '\\"ConcurrentExecutions\\"',
      '\\"Throttles\\"',
      '\\"ConnectCount\\"',
      '\\"MessageCount\\"',
      '\\"ExecutionError\\"',
      '\\"IntegrationLatency\\"',
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'ThrottledRequests',
      'SystemErrors',
      'DaysOverdue',
      'SELECT SUM(MailFailed) FROM MppCloud',
      'ApproximateNumberOfMessagesVisible',
      '\\"AWS/WAFV2\\",\\"BlockedRequests\\",\\"Rule\\",\\"ALL\\",\\"WebACL\\",\\"MppCloudEdge\\"',
      '\\"region\\":\\"us-east-1\\"',
    ])
      expect(body, shown).toContain(shown)
  })

  it('sends a failed jobs run, after two retries, to an encrypted SSL-only queue, and so does EventBridge when it cannot start it', () => {
    const queueId = jobsFailuresId(template)
    const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] }
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    })
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId(template, 'jobs') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: queueArn } },
    })
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: queueArn } })],
    })
  })

  it('backs the table up daily (kept 35 days) and monthly (kept a year) into a vault that outlives the stack', () => {
    const tableId = onlyResourceId(template, 'AWS::DynamoDB::Table')
    const vaultId = onlyResourceId(template, 'AWS::Backup::BackupVault')
    expect(template.toJSON().Resources[vaultId].DeletionPolicy).toBe('Retain')
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            RuleName: 'Daily',
            ScheduleExpression: 'cron(0 19 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
          }),
          Match.objectLike({
            RuleName: 'Monthly',
            ScheduleExpression: 'cron(30 19 1 * ? *)',
            Lifecycle: { DeleteAfterDays: 365 },
            TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
          }),
        ],
      },
    })
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }),
    })
    // No copy to another region: the data stays where the stack is.
    expect(JSON.stringify(template.findResources('AWS::Backup::BackupPlan'))).not.toContain('CopyActions')
  })

  it('versions the uploads bucket, expires old versions after 30 days and uploads never accepted after a day', () => {
    const filesId = Object.keys(template.findResources('AWS::S3::Bucket')).find((id) =>
      id.startsWith('FilesBucket'),
    )
    const files = template.toJSON().Resources[filesId as string]
    expect(files.DeletionPolicy).toBe('Retain')
    expect(files.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' })
    expect(files.Properties.LifecycleConfiguration.Rules).toEqual([
      {
        Id: 'incoming-after-a-day',
        Prefix: 'incoming/',
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      },
      {
        Id: 'old-versions-and-unfinished-uploads',
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        ExpiredObjectDeleteMarker: true,
        Status: 'Enabled',
      },
    ])
  })

  it('never deletes citizen data with the stack: table, uploads, backups and the logs that hold personal data', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Backup::BackupVault'])
      template.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' })
  })

  it("keeps the functions' and the API's logs a year, as JSON lines with Lambda's own at WARN, and traces both functions", () => {
    const appLogs = Object.entries(template.findResources('AWS::Logs::LogGroup')).filter(([id]) =>
      /^(HttpHandlerLogs|JobsCloseDaysLogs|HttpAccessLogs)/.test(id),
    )
    expect(appLogs).toHaveLength(3)
    for (const [, logGroup] of appLogs) {
      expect(logGroup.Properties.RetentionInDays).toBe(365)
      expect(logGroup.DeletionPolicy).toBe('Retain')
    }
    for (const name of ['http', 'jobs'] as const) {
      const fn = appFunction(template, name)
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' })
      expect(fn.LoggingConfig).toMatchObject({
        LogFormat: 'JSON',
        SystemLogLevel: 'WARN',
        ApplicationLogLevel: 'INFO',
      })
    }
  })

  it('passes cdk-nag AwsSolutions, and CDK has nothing to warn about', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

describe('without alarmEmail', () => {
  it(
    'keeps the topic and its alarms, with no subscriber',
    () => {
      const { template } = stacks.synth('operations-quiet')
      template.resourceCountIs('AWS::SNS::Topic', 1)
      template.resourceCountIs('AWS::SNS::Subscription', 0)
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[]
      expect(alarms.map((a) => a.Properties.AlarmName)).toEqual(expect.arrayContaining(alarmNames))
    },
    synthTimeout,
  )
})

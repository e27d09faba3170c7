import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib'
import { AccessLogFormat, CfnAccount } from 'aws-cdk-lib/aws-apigateway'
import {
  type CfnStage,
  LogGroupLogDestination,
  WebSocketApi,
  WebSocketStage,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda'
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources'
import { LogGroup } from 'aws-cdk-lib/aws-logs'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'
import { AppFunction, logRetention } from './app-function'

/** The socket's stage: `wss://{api}.execute-api.{region}.amazonaws.com/live`. */
export const liveStageName = 'live'

/**
 * The stage's throttles, per route, from the load model in the README ("Live updates: the WebSocket API and its
 * load model"): at 514 MPPs' peak hour about 110 connects a second and, with a ping every 5 minutes, 470
 * messages a second (the client's 20 s pings would be 7,000). `$connect` gets the account's default quota of
 * new connections (500 a second) so a flood of messages can never starve connects; the other routes about
 * twice their peak.
 */
export const liveSocketLimits = {
  connect: { rateLimit: 500, burstLimit: 1000 },
  other: { rateLimit: 1000, burstLimit: 2000 },
} as const

/** The fan-out's stream batches: up to 100 records or 1 s, whichever comes first (README). */
export const liveStreamBatching = { batchSize: 100, windowSeconds: 1 } as const

/** A tenant's own partition (`T#16.73`) and no longer key: the one a LeadingKeys condition allows. */
const tenantPartition = 'T#??.??'
/** A tenant's live day (`T#16.73#L#2026-11-22`): calls, lines, counters. */
const liveDayPartition = 'T#??.??#L#*'

const onlyPartitions = (partitions: string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions },
  // ForAllValues holds vacuously for a request without keys; require them.
  Null: { 'dynamodb:LeadingKeys': 'false' },
})

/**
 * One JSON line per route invocation; `npm run bench` prices its bytes. Every field is a WebSocket $context
 * variable; the tenant is the authorizer's context (absent when refused).
 */
export const socketAccessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    connectionId: '$context.connectionId',
    tenant: '$context.authorizer.tenantId',
    status: '$context.status',
    error: '$context.error.message',
    authorizerError: '$context.authorizer.error',
    latency: '$context.integrationLatency',
  }),
)

export interface LiveSocketApiProps {
  /** The table, with its stream on (NEW_IMAGE): the fan-out reads the live day's changes from it. */
  table: ITable
  /** The session secret: subscription tokens are signed with a key derived from it. */
  sessionSecret: ISecret
}

/**
 * Live updates in AWS (docs/live-updates.md): a WebSocket API whose `$connect` authorizer and three routes are
 * the live-socket Lambda (tokens, connection records), and the live-fanout Lambda on the table's stream, which
 * posts what changed to the connections that follow it. Each may touch only the tenants' partitions it needs.
 */
export class LiveSocketApi extends Construct {
  readonly api: WebSocketApi
  readonly stage: WebSocketStage
  readonly socket: LambdaFunction
  readonly fanout: LambdaFunction
  /** One JSON line per connect, message and disconnect (client address, route, tenant, status). */
  readonly accessLogs: LogGroup

  constructor(scope: Construct, id: string, props: LiveSocketApiProps) {
    super(scope, id)
    const { table } = props
    const service = { POWERTOOLS_SERVICE_NAME: 'mpp-cloud-live' }

    this.socket = new AppFunction(this, 'Socket', {
      entry: 'live-socket.ts',
      description: 'MPP Cloud live-socket: the live WebSocket API ($connect authorizer, routes)',
      table,
      indexArns: [],
      timeout: Duration.seconds(10),
      environment: { SESSION_SECRET_ARN: props.sessionSecret.secretArn, ...service },
      statements: [
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [props.sessionSecret.secretArn],
        }),
      ],
      // The tenant (GetItem), its queue set-up and its connection records (Query), writing and deleting them.
      tableStatements: [
        new PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
          resources: [table.tableArn],
          conditions: onlyPartitions([tenantPartition]),
        }),
      ],
    }).fn

    const integration = (name: string) => new WebSocketLambdaIntegration(name, this.socket)
    this.api = new WebSocketApi(this, 'Api', {
      description: 'MPP Cloud live updates: boards, ticket pages and counter consoles',
      connectRouteOptions: {
        integration: integration('Connect'),
        // Without `?token=` API Gateway answers 401 and invokes nothing.
        authorizer: new WebSocketLambdaAuthorizer('Token', this.socket, {
          identitySource: ['route.request.querystring.token'],
        }),
      },
      disconnectRouteOptions: { integration: integration('Disconnect') },
      // The reply to a ping goes back as the route's response.
      defaultRouteOptions: { integration: integration('Message'), returnResponse: true },
    })
    for (const route of ['$disconnect', '$default'])
      Validations.of(this.api.node.findChild(`${route}-Route`)).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'A WebSocket API takes an authorizer on $connect only; later routes belong to the connection $connect authorized, whose context they get.',
      })

    // Connection ids, client addresses and tenants: kept as long as the other access logs, never deleted with the stack.
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: liveStageName,
      autoDeploy: true,
      throttle: liveSocketLimits.other,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: socketAccessLogFormat,
      },
    })
    // Unlike an HTTP API, a WebSocket API writes its access log with the role in the account's API Gateway
    // settings (one per account and region): this one may write to this log group only.
    const logWriter = new Role(this, 'AccessLogWriter', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      description: "API Gateway's account-wide logging role: the live socket's access log",
      inlinePolicies: {
        accessLog: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
              resources: [this.accessLogs.logGroupArn],
            }),
            new PolicyStatement({ actions: ['logs:DescribeLogGroups'], resources: ['*'] }),
          ],
        }),
      },
    })
    acknowledgeWildcards(
      logWriter,
      'logs:DescribeLogGroups has no resource-level permission; writing is granted on the access log group (whose ARN ends in :* for its streams) only.',
      { actions: [], resources: ['*', this.accessLogs.logGroupArn] },
    )
    const loggingSettings = new CfnAccount(this, 'ApiGatewayAccount', {
      cloudWatchRoleArn: logWriter.roleArn,
    })
    this.stage.node.addDependency(loggingSettings)
    // WebSocketStage sets one default for every route; $connect gets its own (the new-connection quota).
    ;(this.stage.node.defaultChild as CfnStage).routeSettings = {
      $connect: {
        ThrottlingRateLimit: liveSocketLimits.connect.rateLimit,
        ThrottlingBurstLimit: liveSocketLimits.connect.burstLimit,
      },
    }

    const { partition, region, account } = Stack.of(this)
    // PostToConnection on this API's stage only; the connection id is the last segment.
    const postToConnections = `arn:${partition}:execute-api:${region}:${account}:${this.api.apiId}/${liveStageName}/POST/@connections/*`
    this.fanout = new AppFunction(this, 'Fanout', {
      entry: 'live-fanout.ts',
      description: 'MPP Cloud live-fanout: pushes what changed in the live day to the sockets that follow it',
      table,
      indexArns: [],
      timeout: Duration.seconds(30),
      environment: { LIVE_CALLBACK_URL: this.stage.callbackUrl, ...service },
      statements: [
        new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [postToConnections] }),
      ],
      tableStatements: [
        // The tenant, its connection records (by topic) and its live day's lines.
        new PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:Query'],
          resources: [table.tableArn],
          conditions: onlyPartitions([tenantPartition, liveDayPartition]),
        }),
        // Pruning a gone connection's record.
        new PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [table.tableArn],
          conditions: onlyPartitions([tenantPartition]),
        }),
      ],
    }).fn
    acknowledgeWildcards(
      this.fanout.role ?? this.fanout,
      "PostToConnection's resource ends in the connection id, which API Gateway picks for each client; the grant is this API's stage and POST only.",
      { actions: [], resources: [postToConnections] },
    )

    this.fanout.addEventSource(
      new DynamoEventSource(table, {
        // Only what happens from now on: a message about the past is what the client's resync already read.
        startingPosition: StartingPosition.LATEST,
        batchSize: liveStreamBatching.batchSize,
        maxBatchingWindow: Duration.seconds(liveStreamBatching.windowSeconds),
        // A failed batch comes again, halved, twice; past a minute its messages are stale (clients resync).
        retryAttempts: 2,
        bisectBatchOnError: true,
        maxRecordAge: Duration.minutes(1),
        filters: [
          // A counter's call (C#), a ticket joining or leaving a line (W#) or hold (H#): only the live day's
          // partitions have such sort keys. Removals too: a ticket called leaves the line.
          FilterCriteria.filter({
            dynamodb: {
              Keys: {
                sk: {
                  S: [
                    ...FilterRule.beginsWith('C#'),
                    ...FilterRule.beginsWith('W#'),
                    ...FilterRule.beginsWith('H#'),
                  ],
                },
              },
            },
          }),
          // A ticket's new state, for the phone following it: only a ticket has a key, a label and a secret.
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              NewImage: {
                key: { S: FilterRule.exists() },
                label: { S: FilterRule.exists() },
                secret: { S: FilterRule.exists() },
              },
            },
          }),
        ],
      }),
    )
    acknowledgeWildcards(
      this.fanout.role ?? this.fanout,
      "The event source's grant: dynamodb:ListStreams has no resource-level permission; reading records (DescribeStream, GetRecords, GetShardIterator) is granted on this table's stream only.",
      { actions: [], resources: ['*'] },
    )
  }
}

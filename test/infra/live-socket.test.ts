import type { Stack } from 'aws-cdk-lib'
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveSocketLimits, liveStageName, liveStreamBatching } from '../../infra/constructs/live-socket-api'
import {
  actionsOf,
  appFunction,
  nagViolations,
  onlyResourceId,
  roleStatements,
  type Statement,
  stackSynthesiser,
  synthTimeout,
} from '../support/stack-synth'

const stacks = stackSynthesiser()
beforeAll(stacks.setUp)
afterAll(stacks.tearDown)

describe('the live WebSocket API', () => {
  let stack: Stack
  let template: Template
  let apiId: string
  let socketId: string
  let fanoutId: string
  beforeAll(() => {
    ;({ stack, template } = stacks.synth('live'))
    apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET' })
    socketId = onlyResourceId(template, 'AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^MPP Cloud live-socket:'),
    })
    fanoutId = onlyResourceId(template, 'AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^MPP Cloud live-fanout:'),
    })
  }, synthTimeout)

  const roleOf = (fnId: string) => template.toJSON().Resources[fnId].Properties.Role['Fn::GetAtt'][0]

  it('routes $connect (behind the token authorizer), $disconnect and $default to the live-socket Lambda', () => {
    const routes = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { ApiId: { Ref: apiId } } }),
    )
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect'])
    const authorizerId = onlyResourceId(template, 'AWS::ApiGatewayV2::Authorizer', {
      ApiId: { Ref: apiId },
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    })
    const byKey = Object.fromEntries(routes.map((r) => [r.Properties.RouteKey, r.Properties]))
    expect(byKey.$connect).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } })
    for (const integrationUri of Object.values(
      template.findResources('AWS::ApiGatewayV2::Integration', { Properties: { ApiId: { Ref: apiId } } }),
    ).map((i) => JSON.stringify(i.Properties.IntegrationUri)))
      expect(integrationUri).toContain(socketId)
    // The ping's reply goes back as $default's route response.
    template.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', {
      ApiId: { Ref: apiId },
      RouteResponseKey: '$default',
    })
  })

  it('throttles the stage per route, $connect at the new-connection quota, and logs every event as JSON a year', () => {
    const stage =
      template.toJSON().Resources[
        onlyResourceId(template, 'AWS::ApiGatewayV2::Stage', { ApiId: { Ref: apiId } })
      ].Properties
    expect(stage).toMatchObject({
      StageName: liveStageName,
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: liveSocketLimits.other.rateLimit,
        ThrottlingBurstLimit: liveSocketLimits.other.burstLimit,
      },
      RouteSettings: {
        $connect: {
          ThrottlingRateLimit: liveSocketLimits.connect.rateLimit,
          ThrottlingBurstLimit: liveSocketLimits.connect.burstLimit,
        },
      },
    })
    const format = JSON.parse(stage.AccessLogSettings.Format)
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      connectionId: '$context.connectionId',
      status: '$context.status',
      tenant: '$context.authorizer.tenantId',
    })
    const logsId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365 },
      DeletionPolicy: 'Retain',
    })
    expect(template.toJSON().Resources[logsId].Properties.RetentionInDays).toBe(365)
    // Written with the account's API Gateway logging role, which may write to this log group only.
    const account = template.toJSON().Resources[onlyResourceId(template, 'AWS::ApiGateway::Account')]
    const writer = template.toJSON().Resources[account.Properties.CloudWatchRoleArn['Fn::GetAtt'][0]]
    expect(writer.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
      Service: 'apigateway.amazonaws.com',
    })
    const writes = writer.Properties.Policies[0].PolicyDocument.Statement
    expect(writes[0].Resource).toEqual({ 'Fn::GetAtt': [logsId, 'Arn'] })
  })

  it('lets live-socket read the session secret and touch only tenant partitions, with no index and no Scan', () => {
    const statements = roleStatements(template, roleOf(socketId))
    const table = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))
    expect(table).toHaveLength(1)
    expect(actionsOf(table[0] as Statement).sort()).toEqual(
      ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query'].sort(),
    )
    expect(table[0]?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'Arn'] })
    expect(table[0]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#??.??'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    })
    const secrets = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')))
    expect(secrets).toEqual([
      expect.objectContaining({
        Action: 'secretsmanager:GetSecretValue',
        Resource: { Ref: expect.stringMatching(/^HttpSessionSecret/) },
      }),
    ])
    expect(JSON.stringify(statements)).not.toContain('execute-api')
    const env = template.toJSON().Resources[socketId].Properties.Environment.Variables
    expect(env.SESSION_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^HttpSessionSecret/) })
  })

  it("lets live-fanout read tenants' connections and live days, delete connection records, and post to this API's stage only", () => {
    const statements = roleStatements(template, roleOf(fanoutId))
    const table = statements.filter((s) =>
      actionsOf(s).some((a) => /^dynamodb:(GetItem|Query|Delete|Put|Update|Batch)/.test(a)),
    )
    expect(table.map((s) => [actionsOf(s).sort(), s.Condition])).toEqual([
      [
        ['dynamodb:GetItem', 'dynamodb:Query'],
        {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#??.??', 'T#??.??#L#*'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      ],
      [
        ['dynamodb:DeleteItem'],
        {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#??.??'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      ],
    ])
    for (const s of table) expect(JSON.stringify(s.Resource)).not.toContain('*')
    const manage = statements.filter((s) => actionsOf(s).includes('execute-api:ManageConnections'))
    expect(manage).toHaveLength(1)
    expect(manage[0]?.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:aws:execute-api:ap-southeast-3:111111111111:',
          { Ref: apiId },
          `/${liveStageName}/POST/@connections/*`,
        ],
      ],
    })
    // The stream: records of this table's stream only (ListStreams takes no resource).
    const stream = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:GetRecords')))
    expect(stream).toHaveLength(1)
    expect(JSON.stringify(stream[0]?.Resource)).toContain('StreamArn')
    expect(JSON.stringify(statements)).not.toContain('secretsmanager')
    const env = template.toJSON().Resources[fanoutId].Properties.Environment.Variables
    expect(JSON.stringify(env.LIVE_CALLBACK_URL)).toContain(`/${liveStageName}`)
    expect(env.LIVE_CALLBACK_URL['Fn::Join'][1][0]).toBe('https://')
  })

  it("starts live-fanout from the table's stream for the live day's items and tickets only, batched", () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fanoutId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: liveStreamBatching.batchSize,
      MaximumBatchingWindowInSeconds: liveStreamBatching.windowSeconds,
      MaximumRetryAttempts: 2,
      BisectBatchOnFunctionError: true,
      MaximumRecordAgeInSeconds: 60,
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              dynamodb: { Keys: { sk: { S: [{ prefix: 'C#' }, { prefix: 'W#' }, { prefix: 'H#' }] } } },
            }),
          },
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: {
                NewImage: {
                  key: { S: [{ exists: true }] },
                  label: { S: [{ exists: true }] },
                  secret: { S: [{ exists: true }] },
                },
              },
            }),
          },
        ],
      },
    })
  })

  it("tells the http function the stage's wss address", () => {
    const url = appFunction(template, 'http').Environment.Variables.LIVE_SOCKET_URL
    expect(url).toEqual({
      'Fn::Join': [
        '',
        [
          'wss://',
          { Ref: apiId },
          '.execute-api.ap-southeast-3.',
          { Ref: 'AWS::URLSuffix' },
          `/${liveStageName}`,
        ],
      ],
    })
  })

  it('passes cdk-nag AwsSolutions, and CDK has nothing to warn about', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

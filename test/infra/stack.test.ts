import { runInNewContext } from 'node:vm'
import { type Audience, audienceFunctions } from '@mpp/api/audiences/gateway-routes'
import { App, FileSystem, Stack } from 'aws-cdk-lib'
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edgeHeaders } from '../../functions/edge-request'
import { edgeHeaderNames } from '../../infra/constructs/api-distribution'
import type { CustomDomain } from '../../infra/mpp-stack'
import {
  appFunction,
  nagViolations,
  onlyResourceId,
  roleStatements,
  stackSynthesiser,
  synthTimeout,
} from '../support/stack-synth'

const domain: CustomDomain = {
  rootDomain: 'mpp.example.go.id',
  certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc',
  hostedZoneId: 'Z123456ABCDEFG',
}

const stacks = stackSynthesiser()
const { synth } = stacks

type Statement = { Action: string | string[]; Resource: unknown; Effect: string }

/** Every statement of every inline and attached policy in the template. */
const policyStatements = (template: Template): Statement[] => {
  const roles = Object.values(template.findResources('AWS::IAM::Role'))
  const policies = Object.values(template.findResources('AWS::IAM::Policy'))
  const documents = [
    ...roles.flatMap((role) =>
      (role.Properties.Policies ?? []).map((policy: { PolicyDocument: unknown }) => policy.PolicyDocument),
    ),
    ...policies.map((policy) => policy.Properties.PolicyDocument),
  ]
  return documents.flatMap((document) => document.Statement)
}

const partition = <T>(all: T[], test: (item: T) => boolean): [T[], T[]] => [
  all.filter(test),
  all.filter((item) => !test(item)),
]

const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action]

/** The logical id of the uploads bucket. */
const filesBucketId = (template: Template): string => {
  const ids = Object.keys(template.findResources('AWS::S3::Bucket')).filter((id) =>
    id.startsWith('FilesBucket'),
  )
  expect(ids).toHaveLength(1)
  return ids[0] as string
}

const sessionSecretId = (template: Template) =>
  onlyResourceId(template, 'AWS::SecretsManager::Secret', {
    Description: Match.stringLikeRegexp('session tokens'),
  })
const originSecretId = (template: Template) =>
  onlyResourceId(template, 'AWS::SecretsManager::Secret', {
    Description: Match.stringLikeRegexp('CloudFront'),
  })

/** The distribution whose comment starts with `MPP Cloud <what>`: the API's or the static assets'. */
const distribution = (template: Template, what: 'api' | 'assets') => {
  const comment = what === 'api' ? 'MPP Cloud: the platform host' : 'MPP Cloud static assets'
  const id = onlyResourceId(template, 'AWS::CloudFront::Distribution', {
    DistributionConfig: Match.objectLike({ Comment: Match.stringLikeRegexp(`^${comment}`) }),
  })
  return { id, config: template.toJSON().Resources[id].Properties.DistributionConfig }
}

const httpHandler = (template: Template) => appFunction(template, 'http')

beforeAll(stacks.setUp)
afterAll(stacks.tearDown)

describe('the stack without a custom domain (Jakarta)', () => {
  let stack: Stack
  let template: Template
  let edge: Stack
  let edgeTemplate: Template
  beforeAll(() => {
    ;({ stack, template, edge, edgeTemplate } = synth('default'))
  }, synthTimeout)

  it('keeps the table on demand, recoverable, undeletable and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    })
  })

  it('runs the http handler on nodejs22.x arm64 with its configuration in the environment', () => {
    const tableId = onlyResourceId(template, 'AWS::DynamoDB::Table')
    const filesId = filesBucketId(template)
    const handler = httpHandler(template)
    expect(handler).toMatchObject({ Architectures: ['arm64'], MemorySize: 1024, Timeout: 10 })
    expect(handler.Environment.Variables).toEqual({
      TABLE_NAME: { Ref: tableId },
      SESSION_SECRET_ARN: { Ref: sessionSecretId(template) },
      ORIGIN_SECRET_ARN: { Ref: originSecretId(template) },
      ASSET_BASE_URL: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution(template, 'assets').id, 'DomainName'] }]],
      },
      ASSET_VERSION: FileSystem.fingerprint(stacks.assetsDir),
      POWERTOOLS_SERVICE_NAME: 'mpp-cloud-http',
      FILES_BUCKET: { Ref: filesId },
      // No NODE_OPTIONS: --enable-source-maps decoded the maps at import; functions/lazy-source-maps.ts reads
      // them on the first stack trace instead.
      // Without a custom domain the platform host is the API distribution's own.
      ROOT_DOMAIN: { 'Fn::GetAtt': [distribution(template, 'api').id, 'DomainName'] },
      // The role a tenant's requests are signed as (test/infra/tenant-role.test.ts).
      TENANT_ROLE_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^TenantRole/), 'Arn'] },
      // The live socket's wss address, for the pages (test/infra/live-socket.test.ts).
      LIVE_SOCKET_URL: { 'Fn::Join': ['', expect.arrayContaining(['wss://'])] },
    })
  })

  it('generates a 48-character session secret and origin secret', () => {
    for (const id of [sessionSecretId(template), originSecretId(template)])
      expect(template.toJSON().Resources[id].Properties.GenerateSecretString).toEqual({
        PasswordLength: 48,
        ExcludePunctuation: true,
      })
  })

  it('grants the handler item operations on the table and its named indexes, never Scan or a wildcard', () => {
    const items = policyStatements(template).filter(
      (s) =>
        actionsOf(s).some((a) => a.startsWith('dynamodb:')) &&
        // The stream readers' grants (the mail sender's, the live fan-out's).
        !actionsOf(s).some((a) => /^dynamodb:(ListStreams|GetRecords)$/.test(a)),
    )
    const all = [
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ].sort()
    const every = items.filter((s) => JSON.stringify(actionsOf(s).sort()) === JSON.stringify(all))
    // The four HTTP functions (http and one per audience), the jobs function and the tenant role (confined by
    // LeadingKeys besides), each with the same item operations.
    expect(every).toHaveLength(6)
    for (const statement of every) {
      expect(JSON.stringify(statement.Resource)).not.toContain('*')
      expect(JSON.stringify(statement.Resource)).toContain('/index/gsi1')
    }
    // The live functions: fewer, only on tenants' partitions and no index (test/infra/live-socket.test.ts).
    const live = items.filter((s) => !every.includes(s))
    expect(live).toHaveLength(3)
    for (const statement of live) {
      expect(JSON.stringify(statement.Resource)).not.toContain('*')
      expect(JSON.stringify(statement)).toContain('dynamodb:LeadingKeys')
    }
    expect(JSON.stringify(policyStatements(template))).not.toMatch(/dynamodb:(Scan|\*)/)
  })

  it('gives the handler role inline policies only, scoped to its own log group, the session and origin secrets', () => {
    const [logGroupId] = Object.entries(template.findResources('AWS::Logs::LogGroup')).find(([id]) =>
      id.startsWith('HttpHandlerLogs'),
    ) ?? ['']
    expect(logGroupId).not.toBe('')
    const roleId = httpHandler(template).Role['Fn::GetAtt'][0]
    const role = template.toJSON().Resources[roleId]
    expect(role.Properties.ManagedPolicyArns).toBeUndefined()
    const statements: Statement[] = role.Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: Statement[] } }) => policy.PolicyDocument.Statement,
    )
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
    })
    // These two secrets and no other; the only other statement of the stack that reads a secret is the live
    // socket's, the session secret alone (its tokens' key is derived from it).
    const [secretReads, liveSecretReads] = partition(
      policyStatements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:'))),
      (s) => !('Ref' in (s.Resource as object)),
    )
    expect(liveSecretReads).toEqual([
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: { Ref: sessionSecretId(template) },
      },
    ])
    // One statement per HTTP function: http and one per audience.
    expect(secretReads).toHaveLength(4)
    expect(statements).toContainEqual(secretReads[0])
    for (const read of secretReads) {
      expect(actionsOf(read)).toEqual(['secretsmanager:GetSecretValue'])
      expect(new Set(read.Resource as unknown[])).toEqual(
        new Set([{ Ref: sessionSecretId(template) }, { Ref: originSecretId(template) }]),
      )
    }
  })

  it('keeps uploads in a private, logged bucket where the platform’s forms write only to incoming/applications/ and accepted files only arrive as copies from there', () => {
    const filesId = filesBucketId(template)
    const files = template.toJSON().Resources[filesId]
    expect(files.DeletionPolicy).toBe('Retain')
    expect(files.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'files/' })
    // Versioning and the other lifecycle rules: test/infra/operations.test.ts.
    expect(files.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' }),
    )
    const objects = (prefix: string) => ({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [filesId, 'Arn'] }, `/${prefix}/*`]],
    })
    // The functions' own roles; the tenant role's rights in the bucket, all by its session tag, are tested in
    // test/infra/tenant-role.test.ts.
    const s3 = policyStatements(template).filter(
      (s) => JSON.stringify(s.Resource).includes(filesId) && !JSON.stringify(s).includes('aws:PrincipalTag'),
    )
    const grants = [
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        Resource: objects('incoming/applications'),
      },
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objects('applications'),
        Condition: {
          StringLike: {
            's3:x-amz-copy-source': { 'Fn::Join': ['', [{ Ref: filesId }, '/incoming/applications/*']] },
          },
        },
      },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: objects('applications') },
    ]
    // Only the functions whose routes take or serve uploads: http (the whole app) and the platform's.
    expect(s3).toEqual([...grants, ...grants])
    for (const name of ['http', 'platform'] as const)
      expect(roleStatements(template, appFunction(template, name).Role['Fn::GetAtt'][0])).toEqual(
        expect.arrayContaining(grants),
      )
    for (const name of ['citizen', 'staff'] as const)
      expect(
        JSON.stringify(roleStatements(template, appFunction(template, name).Role['Fn::GetAtt'][0])),
      ).not.toContain(filesId)
    expect(JSON.stringify(policyStatements(template))).not.toContain('ses:')
  })

  it('runs the jobs function every 15 minutes with the same item operations and no secret', () => {
    const jobs = appFunction(template, 'jobs')
    expect(jobs).toMatchObject({ Architectures: ['arm64'], Timeout: 600 })
    expect(jobs.Environment.Variables.SESSION_SECRET_ARN).toBeUndefined()
    const fnId = Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, r]) => r.Properties === jobs,
    )?.[0]
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })]),
    })
  })

  it('bundles each function from its own entry: no two share a code asset', () => {
    const keys = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }),
    ).map((fn) => fn.Properties.Code.S3Key)
    expect(keys.length).toBeGreaterThanOrEqual(7)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('sets a retention on every log group and points every function at one', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'))
    expect(logGroups.length).toBeGreaterThanOrEqual(3)
    for (const logGroup of logGroups) expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0)
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function')))
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) })
    template.resourceCountIs('Custom::LogRetention', 0)
  })

  it("sends each audience's paths to its own function and every other path to http, through one HTTP API", () => {
    const integrationOf = (name: 'http' | Audience) => {
      const fnId = Object.entries(template.findResources('AWS::Lambda::Function')).find(
        ([, r]) => r.Properties === appFunction(template, name),
      )?.[0]
      return onlyResourceId(template, 'AWS::ApiGatewayV2::Integration', {
        IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
      })
    }
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    const routes = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { ApiId: { Ref: apiId } } }),
    ).map((r) => r.Properties)
    const target = (routeKey: string) => routes.find((r) => r.RouteKey === routeKey)?.Target
    expect(target('$default')).toEqual({
      'Fn::Join': ['', ['integrations/', { Ref: integrationOf('http') }]],
    })
    for (const [audience, paths] of Object.entries(audienceFunctions) as [Audience, readonly string[]][])
      for (const path of paths)
        expect(target(`ANY ${path}`), path).toEqual({
          'Fn::Join': ['', ['integrations/', { Ref: integrationOf(audience) }]],
        })
    expect(routes).toHaveLength(1 + Object.values(audienceFunctions).flat().length)
  })

  it('serves every route through one HTTP API with access logs and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' })
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    })
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0)
    template.resourceCountIs('AWS::Route53::RecordSet', 0)
  })

  it('keeps the assets bucket private behind CloudFront origin access control', () => {
    const oacId = onlyResourceId(template, 'AWS::CloudFront::OriginAccessControl')
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    })
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] } })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      },
    })
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    })
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket')))
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      })
    const bucketPolicies = Object.values(template.findResources('AWS::S3::BucketPolicy'))
    // The assets, their log and the uploads bucket.
    expect(bucketPolicies).toHaveLength(3)
    for (const policy of bucketPolicies)
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      )
  })

  it('caches assets by their v query string and adds security headers', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: ['v'] },
        }),
      },
    })
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentTypeOptions: { Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
        }),
      },
    })
  })

  it('has no CloudFront standard logs, which cannot be delivered to a bucket in Jakarta', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 2)
    template.allResourcesProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.absent() }),
    })
  })

  it('puts the API behind a distribution with the edge web ACL, read across regions from MppCloudEdge', () => {
    const webAclId = onlyResourceId(edgeTemplate, 'AWS::WAFv2::WebACL')
    const [outputName] =
      Object.entries(edgeTemplate.toJSON().Outputs as Record<string, { Value: unknown }>).find(
        ([, output]) => JSON.stringify(output.Value) === JSON.stringify({ 'Fn::GetAtt': [webAclId, 'Arn'] }),
      ) ?? []
    expect(outputName).toBeDefined()
    expect(distribution(template, 'api').config.WebACLId).toEqual({
      'Fn::GetStackOutput': { StackName: 'MppCloudEdge', OutputName: outputName, Region: 'us-east-1' },
    })
    expect(edge.region).toBe('us-east-1')
    expect(stack.dependencies).toContain(edge)
  })

  it('sends every method to the execute-api host over HTTPS, with nothing cached and the viewer host kept out', () => {
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    const { config } = distribution(template, 'api')
    expect(config.Origins).toHaveLength(1)
    expect(config.Origins[0]).toMatchObject({
      DomainName: {
        'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.ap-southeast-3.', { Ref: 'AWS::URLSuffix' }]],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    })
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      // The managed CachingDisabled and AllViewerExceptHostHeader policies.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ResponseHeadersPolicyId: distribution(template, 'assets').config.DefaultCacheBehavior
        .ResponseHeadersPolicyId,
    })
  })

  it('sends the origin secret as a dynamic reference CloudFormation resolves, never as text in the template', () => {
    const { config } = distribution(template, 'api')
    expect(config.Origins[0].OriginCustomHeaders).toEqual([
      {
        HeaderName: 'x-mpp-origin-secret',
        HeaderValue: {
          'Fn::Join': [
            '',
            ['{{resolve:secretsmanager:', { Ref: originSecretId(template) }, ':SecretString:::}}'],
          ],
        },
      },
    ])
    // The Lambda reads the same header names the distribution sends.
    expect(edgeHeaderNames).toEqual(edgeHeaders)
  })

  it("runs a viewer-request function that passes the viewer's host and address and overwrites forged ones", () => {
    const functionId = onlyResourceId(template, 'AWS::CloudFront::Function')
    expect(distribution(template, 'api').config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ])
    const fn = template.toJSON().Resources[functionId].Properties
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0')
    const run = (headers: Record<string, { value: string }>) =>
      runInNewContext(`${fn.FunctionCode}\nhandler(event)`, {
        event: { request: { method: 'GET', uri: '/', headers }, viewer: { ip: '2001:db8::7' } },
      })
    expect(
      run({
        host: { value: 'lubuklinggau.mpp.example.go.id' },
        'x-mpp-host': { value: 'palembang.mpp.example.go.id' },
        'x-mpp-viewer-address': { value: '203.0.113.1' },
      }).headers,
    ).toEqual({
      host: { value: 'lubuklinggau.mpp.example.go.id' },
      'x-mpp-host': { value: 'lubuklinggau.mpp.example.go.id' },
      'x-mpp-viewer-address': { value: '2001:db8::7' },
    })
    expect(run({ 'x-mpp-host': { value: 'palembang.mpp.example.go.id' } }).headers).toEqual({
      'x-mpp-viewer-address': { value: '2001:db8::7' },
    })
  })

  it('limits requests per address, writes per address and requests per MPP host with a 429 in the app error shape', () => {
    const acl = edgeTemplate.toJSON().Resources[onlyResourceId(edgeTemplate, 'AWS::WAFv2::WebACL')].Properties
    expect(acl).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    })
    const rule = (name: string) => acl.Rules.find((r: { Name: string }) => r.Name === name)
    const tooMany = {
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'tooManyRequests',
          ResponseHeaders: [{ Name: 'Retry-After', Value: '300' }],
        },
      },
    }
    expect(rule('RequestsPerAddress')).toMatchObject({
      Statement: { RateBasedStatement: { Limit: 3000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
      Action: tooMany,
    })
    expect(rule('RequestsPerAddress').Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined()
    const method = (name: string) => ({
      ByteMatchStatement: {
        FieldToMatch: { Method: {} },
        PositionalConstraint: 'EXACTLY',
        SearchString: name,
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    })
    expect(rule('WritesPerAddress')).toMatchObject({
      Statement: {
        RateBasedStatement: {
          Limit: 1000,
          EvaluationWindowSec: 300,
          AggregateKeyType: 'IP',
          ScopeDownStatement: {
            NotStatement: { Statement: { OrStatement: { Statements: [method('GET'), method('HEAD')] } } },
          },
        },
      },
      Action: tooMany,
    })
    expect(rule('RequestsPerHost')).toMatchObject({
      Statement: {
        RateBasedStatement: {
          Limit: 30_000,
          EvaluationWindowSec: 300,
          AggregateKeyType: 'CUSTOM_KEYS',
          CustomKeys: [
            { Header: { Name: 'host', TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }] } },
          ],
        },
      },
      Action: tooMany,
    })
    const body = acl.CustomResponseBodies.tooManyRequests
    expect(body.ContentType).toBe('APPLICATION_JSON')
    expect(JSON.parse(body.Content)).toEqual({
      error: {
        code: 'too_many_requests',
        message:
          'Terlalu banyak permintaan. Coba lagi beberapa menit lagi. / Too many requests. Try again in a few minutes.',
      },
    })
  })

  it("applies AWS's managed rules for bad addresses and inputs, counting only the common rule set's body size", () => {
    const acl = edgeTemplate.toJSON().Resources[onlyResourceId(edgeTemplate, 'AWS::WAFv2::WebACL')].Properties
    const managed = acl.Rules.filter(
      (r: { Statement: Record<string, unknown> }) => r.Statement.ManagedRuleGroupStatement,
    )
    expect(managed.map((r: { Name: string }) => r.Name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ])
    for (const r of managed) {
      expect(r.OverrideAction).toEqual({ None: {} })
      expect(r.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: r.Name })
    }
    expect(managed[1].Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ])
    expect(managed[0].Statement.ManagedRuleGroupStatement.RuleActionOverrides).toBeUndefined()
    expect(managed[2].Statement.ManagedRuleGroupStatement.RuleActionOverrides).toBeUndefined()
    // Six rules, each with its own metrics and samples; unique priorities.
    expect(acl.Rules).toHaveLength(6)
    expect(new Set(acl.Rules.map((r: { Priority: number }) => r.Priority)).size).toBe(6)
    for (const r of acl.Rules)
      expect(r.VisibilityConfig).toEqual({
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: true,
        MetricName: r.Name,
      })
  })

  it('deploys the built assets under static/', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: 'static/' })
  })

  it('passes cdk-nag AwsSolutions with every exception acknowledged, and CDK has nothing to warn about', () => {
    for (const s of [stack, edge]) {
      expect(nagViolations(s)).toEqual([])
      expect(Annotations.fromStack(s).findError('*', Match.anyValue())).toEqual([])
      expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([])
    }
  })
})

describe('the stack with a custom domain', () => {
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = synth('domain', { domain, mailFrom: `MPP Cloud <noreply@${domain.rootDomain}>` }))
  }, synthTimeout)

  it("serves the apex and every subdomain from the API's distribution with the given certificate, requiring TLS 1.2", () => {
    const { config } = distribution(template, 'api')
    expect(config.Aliases).toEqual([domain.rootDomain, `*.${domain.rootDomain}`])
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: domain.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    })
    // Without an origin certificate API Gateway keeps no custom domain, and its execute-api endpoint stays
    // open as CloudFront's origin (the Lambda answers 403 there without the origin secret).
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0)
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 0)
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    expect(template.toJSON().Resources[apiId].Properties.DisableExecuteApiEndpoint ?? false).toBe(false)
    expect(config.Origins[0].DomainName).toEqual({
      'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.ap-southeast-3.', { Ref: 'AWS::URLSuffix' }]],
    })
  })

  it("points apex and wildcard alias records (IPv4 and IPv6) in the hosted zone at the API's distribution", () => {
    const { id } = distribution(template, 'api')
    template.resourceCountIs('AWS::Route53::RecordSet', 4)
    for (const name of [`${domain.rootDomain}.`, `*.${domain.rootDomain}.`])
      for (const type of ['A', 'AAAA'])
        template.hasResourceProperties('AWS::Route53::RecordSet', {
          Name: name,
          Type: type,
          HostedZoneId: domain.hostedZoneId,
          AliasTarget: { DNSName: { 'Fn::GetAtt': [id, 'DomainName'] }, HostedZoneId: Match.anyValue() },
        })
  })

  it(
    'refuses a certificate outside us-east-1, which CloudFront cannot use',
    () => {
      const elsewhere = {
        ...domain,
        certificateArn: 'arn:aws:acm:ap-southeast-3:111111111111:certificate/abc',
      }
      expect(() => synth('regional-certificate', { domain: elsewhere })).toThrow(
        'certificateArn must be in us-east-1 for CloudFront, got ap-southeast-3',
      )
    },
    synthTimeout,
  )

  it('tells the app its root domain', () => {
    expect(httpHandler(template).Environment.Variables.ROOT_DOMAIN).toBe(domain.rootDomain)
  })

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

describe('the stack with a custom domain and an origin certificate in its region', () => {
  const originCertificateArn = 'arn:aws:acm:ap-southeast-3:111111111111:certificate/origin'
  const originHost = `origin.${domain.rootDomain}`
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = synth('origin-domain', { domain: { ...domain, originCertificateArn } }))
  }, synthTimeout)

  it('disables the default execute-api endpoint', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true })
  })

  it('gives the HTTP API the regional domain name origin.{rootDomain} with the regional certificate and TLS 1.2, mapped to its stage', () => {
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    const domainNameId = onlyResourceId(template, 'AWS::ApiGatewayV2::DomainName')
    expect(template.toJSON().Resources[domainNameId].Properties).toEqual({
      DomainName: originHost,
      DomainNameConfigurations: [
        { CertificateArn: originCertificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    })
    const stageId = onlyResourceId(template, 'AWS::ApiGatewayV2::Stage', { StageName: '$default' })
    const mappingId = onlyResourceId(template, 'AWS::ApiGatewayV2::ApiMapping')
    const mapping = template.toJSON().Resources[mappingId]
    expect(mapping.Properties).toEqual({
      ApiId: { Ref: apiId },
      DomainName: { Ref: domainNameId },
      Stage: '$default',
    })
    expect(mapping.DependsOn).toContain(stageId)
  })

  it('points A and AAAA alias records of origin.{rootDomain} at the domain name, beside the apex and wildcard', () => {
    const domainNameId = onlyResourceId(template, 'AWS::ApiGatewayV2::DomainName')
    template.resourceCountIs('AWS::Route53::RecordSet', 6)
    for (const type of ['A', 'AAAA'])
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: `${originHost}.`,
        Type: type,
        HostedZoneId: domain.hostedZoneId,
        AliasTarget: {
          DNSName: { 'Fn::GetAtt': [domainNameId, 'RegionalDomainName'] },
          HostedZoneId: { 'Fn::GetAtt': [domainNameId, 'RegionalHostedZoneId'] },
        },
      })
  })

  it('sends CloudFront to origin.{rootDomain} with its own Host, once the mapping and the records exist', () => {
    const { id, config } = distribution(template, 'api')
    expect(config.Origins).toHaveLength(1)
    expect(config.Origins[0]).toMatchObject({
      DomainName: originHost,
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    })
    // AllViewerExceptHostHeader: API Gateway gets origin.{rootDomain} as Host, as its custom domain requires;
    // the viewer's host travels as x-mpp-host.
    expect(config.DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac')
    expect(config.Aliases).toEqual([domain.rootDomain, `*.${domain.rootDomain}`])
    const dependsOn = template.toJSON().Resources[id].DependsOn as string[]
    expect(dependsOn).toEqual(
      expect.arrayContaining([
        onlyResourceId(template, 'AWS::ApiGatewayV2::ApiMapping'),
        ...Object.keys(
          template.findResources('AWS::Route53::RecordSet', { Properties: { Name: `${originHost}.` } }),
        ),
      ]),
    )
  })

  it('tells the app its root domain, not the origin', () => {
    expect(httpHandler(template).Environment.Variables.ROOT_DOMAIN).toBe(domain.rootDomain)
  })

  it(
    "refuses an origin certificate outside the stack's region, which API Gateway cannot use",
    () => {
      for (const region of ['us-east-1', 'ap-southeast-1'])
        expect(() =>
          synth(`origin-certificate-${region}`, {
            domain: {
              ...domain,
              originCertificateArn: `arn:aws:acm:${region}:111111111111:certificate/origin`,
            },
          }),
        ).toThrow(
          `originCertificateArn must be in the stack's region ap-southeast-3 for API Gateway, got ${region}`,
        )
      // The same certificate is right for a stack in its own region.
      expect(() =>
        synth('origin-certificate-singapore', {
          region: 'ap-southeast-1',
          domain: {
            ...domain,
            originCertificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/origin',
          },
        }),
      ).not.toThrow()
    },
    synthTimeout,
  )

  it('passes cdk-nag AwsSolutions, and CDK has nothing to warn about', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

describe('the stack in a region CloudFront delivers logs to', () => {
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = synth('singapore', { region: 'ap-southeast-1' }))
  }, synthTimeout)

  it('logs CloudFront requests to the ACL-enabled log bucket', () => {
    const [logBucketId] = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('WebAssetsLogBucket'),
    ) ?? ['']
    template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
    })
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: { Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] }, Prefix: 'cloudfront/' },
      }),
    })
    expect(distribution(template, 'api').config.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] },
      Prefix: 'cloudfront-api/',
    })
  })

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagViolations(stack)).toEqual([])
  })
})

describe('the cdk-nag check itself', () => {
  it('reports what is not acknowledged', () => {
    const stack = new Stack(new App(), 'Bare')
    new Bucket(stack, 'Bucket')
    expect(nagViolations(stack)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AwsSolutions-S1 at Bare\/Bucket/)]),
    )
  })
})

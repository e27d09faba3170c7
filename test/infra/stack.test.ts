import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebAssets } from '@mpp/web/build-assets'
import { App, FileSystem, Stack } from 'aws-cdk-lib'
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CustomDomain, MppStack } from '../../infra/mpp-stack'

const domain: CustomDomain = {
  rootDomain: 'mpp.example.go.id',
  certificateArn: 'arn:aws:acm:ap-southeast-3:111111111111:certificate/abc',
  hostedZoneId: 'Z123456ABCDEFG',
}

// Bundling the Lambda takes seconds; each variant is synthesised once and shared by its tests.
const synthTimeout = 120_000

let workDir: string
let assetsDir: string
/** The feature flags `cdk synth` runs with, so the tests see the template the CLI would deploy. */
let context: Record<string, unknown>

const synth = (name: string, props: { region?: string; domain?: CustomDomain; mailFrom?: string } = {}) => {
  const app = new App({ context, outdir: join(workDir, name) })
  const stack = new MppStack(app, 'MppCloud', {
    env: { account: '111111111111', region: props.region ?? 'ap-southeast-3' },
    assetsDir,
    domain: props.domain,
    mailFrom: props.mailFrom,
  })
  return { stack, template: Template.fromStack(stack) }
}

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

/** The logical id of the one resource of `type`. */
const onlyResourceId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type))
  expect(ids).toHaveLength(1)
  return ids[0] as string
}

/** The app's function whose description starts with `MPP Cloud <name>` (http or jobs). */
const appFunction = (template: Template, name: 'http' | 'jobs') => {
  const handlers = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Description: Match.stringLikeRegexp(`^MPP Cloud ${name}:`) },
    }),
  )
  expect(handlers).toHaveLength(1)
  return handlers[0]?.Properties
}
const httpHandler = (template: Template) => appFunction(template, 'http')

/** cdk-nag 3 runs as a policy-validation plugin at synthesis; here it runs over the stack directly. */
const nagViolations = (stack: Stack) =>
  new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(stack)
    .violations.map(
      (violation) =>
        `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    )

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'mpp-infra-'))
  assetsDir = (await buildWebAssets(join(workDir, 'static'))).outDir
  context = JSON.parse(await readFile(new URL('../../cdk.json', import.meta.url), 'utf8')).context
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describe('the stack without a custom domain (Jakarta)', () => {
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = synth('default'))
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
    const secretId = onlyResourceId(template, 'AWS::SecretsManager::Secret')
    const apiId = onlyResourceId(template, 'AWS::ApiGatewayV2::Api')
    const distributionId = onlyResourceId(template, 'AWS::CloudFront::Distribution')
    const filesId = filesBucketId(template)
    const handler = httpHandler(template)
    expect(handler).toMatchObject({ Architectures: ['arm64'], MemorySize: 1024, Timeout: 10 })
    expect(handler.Environment.Variables).toEqual({
      TABLE_NAME: { Ref: tableId },
      SESSION_SECRET_ARN: { Ref: secretId },
      ASSET_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
      ASSET_VERSION: FileSystem.fingerprint(assetsDir),
      POWERTOOLS_SERVICE_NAME: 'mpp-cloud-http',
      FILES_BUCKET: { Ref: filesId },
      NODE_OPTIONS: '--enable-source-maps',
      ROOT_DOMAIN: {
        'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.ap-southeast-3.', { Ref: 'AWS::URLSuffix' }]],
      },
    })
  })

  it('generates a 48-character session secret', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
    })
  })

  it('grants the handler item operations on the table and its named indexes, never Scan or a wildcard', () => {
    const dynamo = policyStatements(template).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    )
    // The http handler and the jobs function, each with the same item operations.
    expect(dynamo).toHaveLength(2)
    for (const statement of dynamo) {
      expect(actionsOf(statement).sort()).toEqual(
        [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ].sort(),
      )
      expect(JSON.stringify(statement.Resource)).not.toContain('*')
      expect(JSON.stringify(statement.Resource)).toContain('/index/gsi1')
    }
    expect(JSON.stringify(policyStatements(template))).not.toMatch(/dynamodb:(Scan|\*)/)
  })

  it('gives the handler role inline policies only, scoped to its own log group and the session secret', () => {
    const [logGroupId] = Object.entries(template.findResources('AWS::Logs::LogGroup')).find(([id]) =>
      id.startsWith('HttpHandlerLogs'),
    ) ?? ['']
    expect(logGroupId).not.toBe('')
    const secretId = onlyResourceId(template, 'AWS::SecretsManager::Secret')
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
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: { Ref: secretId },
    })
  })

  it('keeps uploads in a private, logged bucket where forms write only to incoming/ and accepted files only arrive as copies from there', () => {
    const filesId = filesBucketId(template)
    const files = template.toJSON().Resources[filesId]
    expect(files.DeletionPolicy).toBe('Retain')
    expect(files.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'files/' })
    expect(files.Properties.LifecycleConfiguration.Rules).toEqual([
      { Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' },
    ])
    const objects = (prefix: string) => ({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [filesId, 'Arn'] }, `/${prefix}/*`]],
    })
    const s3 = policyStatements(template).filter((s) => JSON.stringify(s.Resource).includes(filesId))
    expect(s3).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        Resource: objects('incoming'),
      },
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objects('applications'),
        Condition: {
          StringLike: { 's3:x-amz-copy-source': { 'Fn::Join': ['', [{ Ref: filesId }, '/incoming/*']] } },
        },
      },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: objects('applications') },
    ])
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

  it('sets a retention on every log group and points every function at one', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'))
    expect(logGroups.length).toBeGreaterThanOrEqual(3)
    for (const logGroup of logGroups) expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0)
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function')))
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) })
    template.resourceCountIs('Custom::LogRetention', 0)
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
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.absent() }),
    })
  })

  it('deploys the built assets under static/', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: 'static/' })
  })

  it('passes cdk-nag AwsSolutions with every exception acknowledged, and CDK has nothing to warn about', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

describe('the stack with a custom domain', () => {
  let stack: Stack
  let template: Template
  beforeAll(() => {
    ;({ stack, template } = synth('domain', { domain, mailFrom: `MPP Cloud <noreply@${domain.rootDomain}>` }))
  }, synthTimeout)

  it('serves the apex and every subdomain from the API with the given certificate', () => {
    for (const name of [domain.rootDomain, `*.${domain.rootDomain}`])
      template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
        DomainName: name,
        DomainNameConfigurations: [
          { CertificateArn: domain.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
        ],
      })
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2)
    template.allResourcesProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: '$default' })
  })

  it('points apex and wildcard alias records in the hosted zone at the API domains', () => {
    for (const name of [`${domain.rootDomain}.`, `*.${domain.rootDomain}.`])
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: name,
        Type: 'A',
        HostedZoneId: domain.hostedZoneId,
        AliasTarget: { DNSName: Match.anyValue(), HostedZoneId: Match.anyValue() },
      })
  })

  it('tells the app its root domain', () => {
    expect(httpHandler(template).Environment.Variables.ROOT_DOMAIN).toBe(domain.rootDomain)
  })

  it('sends mail through SES as the given sender, allowed for that address and its domain only', () => {
    expect(httpHandler(template).Environment.Variables.MAIL_FROM).toBe(
      `MPP Cloud <noreply@${domain.rootDomain}>`,
    )
    const ses = policyStatements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')))
    expect(ses).toHaveLength(1)
    expect(actionsOf(ses[0] as Statement)).toEqual(['ses:SendEmail'])
    const resources = JSON.stringify((ses[0] as Statement).Resource)
    expect(resources).toContain(`:identity/noreply@${domain.rootDomain}`)
    expect(resources).toContain(`:identity/${domain.rootDomain}`)
    expect(resources).not.toContain('*')
  })

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagViolations(stack)).toEqual([])
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

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { AssetHashType, DockerImage, type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { lambdaNodeOptions } from '../lambda-bundling'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * A function's code, bundled on this machine by infra/lambda-bundling.ts (the same build the bench measures),
 * hashed by what it produced. The image is never pulled: local bundling always succeeds or throws.
 */
export const functionCode = (entry: string) =>
  Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('local-bundling-only'),
      // Never run (no image), but part of the key CDK caches bundles by: without the entry in it, every
      // function of a synthesis would get the first one's bundle (the local bundler is a function, which the
      // key leaves out).
      command: ['infra/bundle-lambda.ts', `functions/${entry}`],
      local: {
        tryBundle(outputDir) {
          execFileSync(
            process.execPath,
            [
              '--import',
              'tsx',
              `${repoRoot}infra/bundle-lambda.ts`,
              `${repoRoot}functions/${entry}`,
              outputDir,
            ],
            { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
          )
          return true
        },
      },
    },
  })

/**
 * How long the functions' and the API's logs are kept: a year. They are the record of who did what on a
 * government service (logins, decisions, refusals, the request ids citizens quote in a complaint), asked
 * about in audits and disputes months later, and complaints run on a yearly reporting cycle; longer would keep
 * staff emails and client addresses for no purpose (UU 27/2022 on personal data: keep no longer than needed).
 */
export const logRetention = RetentionDays.ONE_YEAR

/**
 * Only the item operations the repositories use; TransactWriteItems is authorised by the item actions it
 * contains. No Scan: nothing ever reads across tenants by scanning.
 */
export const tableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
]

export interface AppFunctionProps {
  /** The file under functions/ that exports `handler`. */
  entry: string
  description: string
  table: ITable
  indexArns: string[]
  timeout: Duration
  environment: Record<string, string>
  /** More permissions than the log group and the table. */
  statements?: PolicyStatement[]
  /**
   * What it may do in the table, when that is less than every item operation on the table and its indexes
   * (`tableActions`), the default.
   */
  tableStatements?: PolicyStatement[]
  /**
   * The lowest level of the app's own lines Lambda keeps (Powertools reads it as AWS_LAMBDA_LOG_LEVEL);
   * INFO by default, as the app logs logins and closed days at INFO.
   */
  logLevel?: ApplicationLogLevel
}

/**
 * A Lambda of this app: bundled like every other, with its own log group (JSON lines, kept a year and kept
 * when the stack goes: they hold personal data that is evidence), traced by X-Ray, and a role that can do
 * little else.
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id)
    const logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description}: its own log group and the table`,
      inlinePolicies: {
        app: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
            ...(props.tableStatements ?? [
              new PolicyStatement({
                actions: tableActions,
                resources: [props.table.tableArn, ...props.indexArns],
              }),
            ]),
            ...(props.statements ?? []),
          ],
        }),
      },
    })
    this.fn = new LambdaFunction(this, 'Function', {
      description: props.description,
      code: functionCode(props.entry),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout,
      role,
      logGroup,
      // Lambda's own lines as JSON too, and only its warnings (timeouts, crashes, out of memory): the START,
      // END and REPORT lines of every invocation cost more than they tell; metrics carry the durations.
      loggingFormat: LoggingFormat.JSON,
      systemLogLevelV2: SystemLogLevel.WARN,
      applicationLogLevelV2: props.logLevel ?? ApplicationLogLevel.INFO,
      tracing: Tracing.ACTIVE,
      environment: {
        TABLE_NAME: props.table.tableName,
        ...(lambdaNodeOptions ? { NODE_OPTIONS: lambdaNodeOptions } : {}),
        ...props.environment,
      },
    })
    acknowledgeWildcards(
      role,
      'X-Ray (active tracing) takes no resource-level permissions: PutTraceSegments and PutTelemetryRecords act on *.',
      { actions: [], resources: ['*'] },
    )
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned by the design: the code is developed and tested on Node 20 with dependencies that target up to 22; move to 24 together with the local toolchain.',
    })
  }
}

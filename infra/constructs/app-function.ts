import { fileURLToPath } from 'node:url'
import { type Duration, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda'
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { lambdaBundling } from '../lambda-bundling'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Only the item operations the repositories use; TransactWriteItems is authorised by the item actions it
 * contains. No Scan: nothing ever reads across tenants by scanning.
 */
const tableActions = [
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
}

/** A Lambda of this app: bundled like every other, with its own log group and a role that can do little else. */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id)
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH })
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
            new PolicyStatement({
              actions: tableActions,
              resources: [props.table.tableArn, ...props.indexArns],
            }),
            ...(props.statements ?? []),
          ],
        }),
      },
    })
    this.fn = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: `${repoRoot}functions/${props.entry}`,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout,
      role,
      logGroup,
      bundling: lambdaBundling,
      environment: {
        TABLE_NAME: props.table.tableName,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    })
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned by the design: the code is developed and tested on Node 20 with dependencies that target up to 22; move to 24 together with the local toolchain.',
    })
  }
}

import { Duration, Stack, Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53'
import { ApiGatewayv2DomainProperties } from 'aws-cdk-lib/aws-route53-targets'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'
import { AppFunction } from './app-function'

/** The platform's own domain: the apex serves the platform, `*.` one subdomain per tenant. */
export interface CustomDomain {
  rootDomain: string
  /** A regional ACM certificate covering both `rootDomain` and `*.rootDomain`. */
  certificateArn: string
  /** The Route 53 public hosted zone of `rootDomain`. */
  hostedZoneId: string
}

export interface HttpApiProps {
  table: ITable
  indexArns: string[]
  assetBaseUrl: string
  assetVersion: string
  domain?: CustomDomain
  /** Uploaded files: forms post to `incoming/`, accepted files live in `applications/`. */
  filesBucket: IBucket
  /** A sender verified in SES; without it the app keeps mail in the table's outbox. */
  mailFrom?: string
}

// HTTP APIs know a narrower set of $context variables than REST APIs; these are all valid for both.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    host: '$context.domainName',
    method: '$context.httpMethod',
    path: '$context.path',
    protocol: '$context.protocol',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
)

/** Every route of every host: one Lambda running the Hono app behind an HTTP API. */
export class MppHttpApi extends Construct {
  readonly api: HttpApi
  readonly stage: HttpStage
  readonly handler: NodejsFunction

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id)
    const { table, indexArns, domain } = props

    const sessionSecret = new Secret(this, 'SessionSecret', {
      description: 'HMAC key that signs session tokens',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    })
    Validations.of(sessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The session signing key has no rotation Lambda: rotating it signs every user out, so it is rotated by hand when needed.',
    })

    // Forms write only to the upload area; an accepted file is copied out of it to a key no form can write.
    const incoming = props.filesBucket.arnForObjects('incoming/*')
    const kept = props.filesBucket.arnForObjects('applications/*')
    const { region, account, partition } = Stack.of(this)
    const sender = props.mailFrom ? /<?([^<>\s]+@([^<>\s]+?))>?$/.exec(props.mailFrom) : null
    if (props.mailFrom && !sender) throw new Error(`mailFrom ${props.mailFrom} has no email address`)
    const sesIdentity = (name: string) => `arn:${partition}:ses:${region}:${account}:identity/${name}`

    this.handler = new AppFunction(this, 'Handler', {
      entry: 'http.ts',
      description: 'MPP Cloud http: the platform host and every tenant subdomain',
      table,
      indexArns,
      timeout: Duration.seconds(10),
      environment: {
        SESSION_SECRET_ARN: sessionSecret.secretArn,
        ASSET_BASE_URL: props.assetBaseUrl,
        ASSET_VERSION: props.assetVersion,
        POWERTOOLS_SERVICE_NAME: 'mpp-cloud-http',
        FILES_BUCKET: props.filesBucket.bucketName,
        ...(props.mailFrom ? { MAIL_FROM: props.mailFrom } : {}),
      },
      statements: [
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [sessionSecret.secretArn],
        }),
        // Presigned POSTs and GETs act with this role's rights: posting and accepting in the upload area,
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
          resources: [incoming],
        }),
        // writing an accepted file only as a copy out of it (so no presigned POST can),
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [kept],
          conditions: {
            StringLike: { 's3:x-amz-copy-source': `${props.filesBucket.bucketName}/incoming/*` },
          },
        }),
        // and downloading accepted files.
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [kept] }),
        ...(sender
          ? [
              new PolicyStatement({
                actions: ['ses:SendEmail'],
                resources: [sesIdentity(sender[1] as string), sesIdentity(sender[2] as string)],
              }),
            ]
          : []),
      ],
    }).fn
    acknowledgeWildcards(
      this.handler.role ?? this.handler,
      'Uploads go to incoming/<key> and accepted files live at applications/<id>/...; the app picks every key, and the browser only gets a presigned form or link for one of them.',
      { actions: [], resources: [incoming, kept] },
    )

    this.api = new HttpApi(this, 'Api', {
      description: 'MPP Cloud: the platform host and every tenant subdomain',
      defaultIntegration: new HttpLambdaIntegration('Handler', this.handler),
      // The default stage is declared below, with access logs and throttling that HttpApi cannot set.
      createDefaultStage: false,
    })
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The app authorises each route itself (host-bound signed session, role checks); citizen pages and ticket taking are public by design.',
    })
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      // A ceiling well under the account's limits, so a flood costs bounded Lambda and DynamoDB money.
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    })

    const rootDomain = domain
      ? this.addCustomDomain(domain)
      : // Without a domain the execute-api host is the platform host; tenants then need a custom domain.
        `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`
    this.handler.addEnvironment('ROOT_DOMAIN', rootDomain)
  }

  private addCustomDomain({ rootDomain, certificateArn, hostedZoneId }: CustomDomain): string {
    const certificate = Certificate.fromCertificateArn(this, 'Certificate', certificateArn)
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId, zoneName: rootDomain })
    const hosts = [
      { id: 'Apex', domainName: rootDomain, recordName: undefined },
      { id: 'Wildcard', domainName: `*.${rootDomain}`, recordName: '*' },
    ]
    for (const { id, domainName, recordName } of hosts) {
      const apiDomain = new DomainName(this, `${id}Domain`, {
        domainName,
        certificate,
        securityPolicy: SecurityPolicy.TLS_1_2,
      })
      new ApiMapping(this, `${id}Mapping`, { api: this.api, domainName: apiDomain, stage: this.stage })
      new ARecord(this, `${id}Alias`, {
        zone,
        recordName,
        target: RecordTarget.fromAlias(
          new ApiGatewayv2DomainProperties(apiDomain.regionalDomainName, apiDomain.regionalHostedZoneId),
        ),
      })
    }
    return rootDomain
  }
}

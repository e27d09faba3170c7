import { type Audience, audienceFunctions } from '@mpp/api/audiences/gateway-routes'
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  ApiMapping,
  DomainName,
  EndpointType,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup } from 'aws-cdk-lib/aws-logs'
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53'
import { ApiGatewayv2DomainProperties } from 'aws-cdk-lib/aws-route53-targets'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct, DependencyGroup } from 'constructs'
import { type CustomDomain, originDomainName, originLabel } from '../custom-domain'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'
import { AppFunction, logRetention } from './app-function'
import { uploadGrants } from './files'

export interface HttpApiProps {
  table: ITable
  indexArns: string[]
  assetBaseUrl: string
  assetVersion: string
  /**
   * Uploaded files: the platform's forms post to `incoming/applications/` and its accepted files live in
   * `applications/`; tenants' files are reached only with the tenant role (tenant-role.ts).
   */
  filesBucket: IBucket
  /**
   * Its certificates already checked (`checkCertificates`). With an `originCertificateArn` the API answers only
   * at `origin.{rootDomain}`; otherwise only at its default execute-api endpoint.
   */
  domain?: CustomDomain
}

/**
 * One JSON line per request; `npm run bench` prices its bytes. HTTP APIs know a narrower set of $context
 * variables than REST APIs; these are all valid for both.
 */
export const accessLogFormat = AccessLogFormat.custom(
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

/**
 * Every route of every host: one Lambda running the Hono app behind an HTTP API, which answers only requests
 * that carry `originSecret` (CloudFront adds it; infra/constructs/api-distribution.ts). The stack tells the
 * handler its ROOT_DOMAIN once the distribution exists.
 *
 * With a domain and an origin certificate the API has a regional custom domain name, `origin.{rootDomain}`,
 * for CloudFront to reach it by, and its default execute-api endpoint is disabled: nothing but the distribution
 * knows a way in. Without one the execute-api endpoint has to stay, as it is CloudFront's origin; a request
 * there without the secret gets 403 from the Lambda.
 */
export class MppHttpApi extends Construct {
  readonly api: HttpApi
  readonly stage: HttpStage
  /** The whole app: every path no audience's function answers (the API's `$default` route). */
  readonly handler: LambdaFunction
  /** Each audience's function (packages/api/src/audiences/), answering the paths listed there. */
  readonly audienceHandlers: Record<Audience, LambdaFunction>
  /** Every function of the API, the whole app's first. */
  readonly handlers: LambdaFunction[]
  readonly originSecret: Secret
  /** The HMAC key of sessions, from which the live subscription tokens' key is derived too. */
  readonly sessionSecret: Secret
  /** One JSON line per request (client address, host, path, status); the 429 count is read from it. */
  readonly accessLogs: LogGroup
  /** The host CloudFront sends requests to: `origin.{rootDomain}`, or the default execute-api host. */
  readonly originHost: string
  /**
   * What must exist before CloudFront is sent to `originHost` (the domain name, its mapping and DNS records;
   * nothing for the execute-api host): the origin is a plain name, which CloudFormation cannot order by.
   */
  readonly originReady = new DependencyGroup()

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id)
    const { table, indexArns, domain } = props
    // The API's own domain name, when there is a certificate for it in this region.
    const origin =
      domain?.originCertificateArn !== undefined
        ? { domain, certificateArn: domain.originCertificateArn }
        : undefined

    this.sessionSecret = new Secret(this, 'SessionSecret', {
      description: 'HMAC key that signs session tokens',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    })
    const sessionSecret = this.sessionSecret
    Validations.of(sessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The session signing key has no rotation Lambda: it is rotated by hand (docs/runbook.md), and sessions signed with the previous value count until they expire, so a rotation signs nobody out.',
    })
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'Shared by CloudFront and the http Lambda: a request without it did not pass the web ACL',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    })
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront reads the value when the stack deploys (a dynamic reference in its origin header): a rotation Lambda could not update the distribution, so it is rotated by hand (new value, then deploy).',
    })

    // Forms write only to the upload area; an accepted file is copied out of it to a key no form can write. The
    // functions' own roles reach only the platform's files, downloading accepted ones: a tenant's (tenants/,
    // incoming/tenants/) are reached with the tenant role, for that tenant only.
    const files = uploadGrants(props.filesBucket, { kept: 'applications', keptActions: ['s3:GetObject'] })

    const secrets = new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [sessionSecret.secretArn, this.originSecret.secretArn],
    })
    /** One function of the API; only those whose routes take or serve uploaded files may touch the bucket. */
    const httpFunction = (id: string, name: string, entry: string, serves: string, withFiles: boolean) => {
      const fn = new AppFunction(this, id, {
        entry,
        description: `MPP Cloud ${name}: ${serves}`,
        table,
        indexArns,
        timeout: Duration.seconds(10),
        environment: {
          SESSION_SECRET_ARN: sessionSecret.secretArn,
          ORIGIN_SECRET_ARN: this.originSecret.secretArn,
          ASSET_BASE_URL: props.assetBaseUrl,
          ASSET_VERSION: props.assetVersion,
          POWERTOOLS_SERVICE_NAME: `mpp-cloud-${name}`,
          FILES_BUCKET: props.filesBucket.bucketName,
        },
        statements: [secrets, ...(withFiles ? files.statements : [])],
      }).fn
      if (withFiles)
        acknowledgeWildcards(
          fn.role ?? fn,
          'Uploads go to incoming/applications/<id>/... and accepted files live at applications/<id>/...; the app picks every key, and the browser only gets a presigned form or link for one of them.',
          { actions: [], resources: files.wildcards },
        )
      return fn
    }
    this.handler = httpFunction(
      'Handler',
      'http',
      'http.ts',
      'the platform host and every tenant subdomain, for what no audience function answers',
      true,
    )
    // Split by audience so each loads only its own routes at a cold start (README, "Cold start").
    this.audienceHandlers = {
      citizen: httpFunction(
        'Citizen',
        'citizen',
        'by-audience/citizen.ts',
        "citizens on a tenant's host, the platform's landing page",
        false,
      ),
      staff: httpFunction(
        'Staff',
        'staff',
        'by-audience/staff.ts',
        "an MPP's officers, admins, kiosks and board",
        false,
      ),
      platform: httpFunction(
        'Platform',
        'platform',
        'by-audience/platform.ts',
        'the ministry and applying regencies on the platform host',
        true,
      ),
    }
    this.handlers = [this.handler, ...Object.values(this.audienceHandlers)]

    this.api = new HttpApi(this, 'Api', {
      description: 'MPP Cloud: the platform host and every tenant subdomain',
      defaultIntegration: new HttpLambdaIntegration('Handler', this.handler),
      // The default stage is declared below, with access logs and throttling that HttpApi cannot set.
      createDefaultStage: false,
      // Once CloudFront has origin.{rootDomain} to go to, the execute-api address is only a way around it.
      disableExecuteApiEndpoint: origin !== undefined,
    })
    for (const [audience, paths] of Object.entries(audienceFunctions) as [Audience, readonly string[]][]) {
      const integration = new HttpLambdaIntegration(audience, this.audienceHandlers[audience])
      for (const path of paths) this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration })
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The app authorises each route itself (host-bound signed session, role checks); citizen pages and ticket taking are public by design.',
    })
    // Client addresses and paths: personal data, kept as long as the functions' logs and never deleted with the stack.
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      // A ceiling well under the account's limits, so a flood costs bounded Lambda and DynamoDB money.
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat,
      },
    })

    const stack = Stack.of(this)
    this.originHost = origin
      ? this.addOriginDomain(origin.domain, origin.certificateArn)
      : `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`
  }

  /** `origin.{rootDomain}`: a regional domain name (TLS 1.2) mapped to the stage, with A and AAAA aliases. */
  private addOriginDomain(domain: CustomDomain, certificateArn: string): string {
    const { rootDomain, hostedZoneId } = domain
    const name = originDomainName(domain)
    const domainName = new DomainName(this, 'OriginDomain', {
      domainName: name,
      certificate: Certificate.fromCertificateArn(this, 'OriginCertificate', certificateArn),
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    })
    const mapping = new ApiMapping(this, 'OriginMapping', { api: this.api, domainName, stage: this.stage })
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId, zoneName: rootDomain })
    const target = RecordTarget.fromAlias(
      new ApiGatewayv2DomainProperties(domainName.regionalDomainName, domainName.regionalHostedZoneId),
    )
    this.originReady.add(
      mapping,
      new ARecord(this, 'OriginAlias', { zone, recordName: originLabel, target }),
      new AaaaRecord(this, 'OriginAliasIpv6', { zone, recordName: originLabel, target }),
    )
    return name
  }
}

import { Duration, FileSystem, Stack, Validations } from 'aws-cdk-lib'
import {
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Asset } from 'aws-cdk-lib/aws-s3-assets'
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment'
import { Construct } from 'constructs'
import {
  acknowledgeMissingCloudFrontLogs,
  cloudFrontLogging,
  cloudFrontLogsDeliverable,
} from '../cloudfront-logging'
import { acknowledgeWildcards } from '../wildcard-acknowledgement'

export interface WebAssetsProps {
  /** The output of `web/build-assets.ts`; served under `/static/`. */
  assetsDir: string
}

const privateBucket = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  encryption: BucketEncryption.S3_MANAGED,
}

/** The browser's static files: a private bucket behind CloudFront, filled from the local build. */
export class WebAssets extends Construct {
  readonly distribution: Distribution
  /** Where pages load assets from: `${baseUrl}/static/app.css?v=${version}`. */
  readonly baseUrl: string
  /** Changes exactly when a byte of the built assets does. */
  readonly version: string
  /** Access logs of this construct's buckets, and of any other bucket or distribution of the stack. */
  readonly logBucket: Bucket
  /** HSTS, nosniff, no framing, a strict referrer policy: for every distribution of the stack. */
  readonly securityHeaders: ResponseHeadersPolicy

  constructor(scope: Construct, id: string, props: WebAssetsProps) {
    super(scope, id)
    this.version = FileSystem.fingerprint(props.assetsDir)

    const logBucket = new Bucket(this, 'LogBucket', {
      ...privateBucket,
      // CloudFront standard logs are delivered through bucket ACLs; S3 access logs need none.
      objectOwnership: cloudFrontLogsDeliverable(this)
        ? ObjectOwnership.BUCKET_OWNER_PREFERRED
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    })
    this.logBucket = logBucket
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging its own writes would only add a log of the logs.',
    })
    const bucket = new Bucket(this, 'Bucket', {
      ...privateBucket,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
    })

    const cachePolicy = new CachePolicy(this, 'CachePolicy', {
      comment: 'Static assets: the v query string is the content version, so a year of caching is safe',
      queryStringBehavior: CacheQueryStringBehavior.allowList('v'),
      headerBehavior: CacheHeaderBehavior.none(),
      defaultTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      minTtl: Duration.days(1),
      enableAcceptEncodingBrotli: true,
      enableAcceptEncodingGzip: true,
    })
    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    })
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'MPP Cloud static assets',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy,
        responseHeadersPolicy: this.securityHeaders,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...cloudFrontLogging(this, logBucket, 'cloudfront/'),
    })
    acknowledgeMissingCloudFrontLogs(
      this.distribution,
      'the distribution serves only public static files, and every application request is in the HTTP API access log.',
    )
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Public stylesheets and scripts for citizens wherever they are; nothing here is country-bound.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Serves only public, immutable files from a private bucket, read-only; a web ACL would cost more than anything it could protect here.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot enforce a minimum TLS version; only a custom certificate can, and assets need no custom domain.',
      },
    )
    this.baseUrl = `https://${this.distribution.distributionDomainName}`

    this.deploy(bucket, props.assetsDir)
  }

  private deploy(bucket: Bucket, assetsDir: string): void {
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH })
    // An explicit role, so the copy Lambda gets its own log group instead of AWSLambdaBasicExecutionRole.
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: {
        logs: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
          ],
        }),
      },
    })
    const files = new Asset(this, 'Files', { path: assetsDir })
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.bucket(files.bucket, files.s3ObjectKey)],
      destinationBucket: bucket,
      destinationKeyPrefix: 'static/',
      // Pages ask for `?v=<hash>`, so a cached copy is never stale and browsers need not revalidate.
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      role,
      logGroup,
    })
    acknowledgeWildcards(
      role,
      'BucketDeployment grants itself these s3 action families on the CDK asset bucket it reads the zip from and on the bucket it syncs; it runs only during deployments.',
      {
        actions: ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'],
        resources: [files.bucket.arnForObjects('*'), bucket.arnForObjects('*')],
      },
    )
    this.suppressDeploymentRuntime(deployment)
  }

  /** The copy Lambda is a stack-wide singleton that BucketDeployment creates and versions itself. */
  private suppressDeploymentRuntime(deployment: BucketDeployment): void {
    const stack = Stack.of(this)
    const handler = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    )
    if (!handler) throw new Error(`no BucketDeployment handler found beside ${deployment.node.path}`)
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The runtime of the BucketDeployment copy Lambda is chosen by aws-cdk-lib, not by this app.',
    })
  }
}

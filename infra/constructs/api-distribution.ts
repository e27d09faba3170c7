import { Validations } from 'aws-cdk-lib'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  type IResponseHeadersPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53'
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { acknowledgeMissingCloudFrontLogs, cloudFrontLogging } from '../cloudfront-logging'
import type { CustomDomain } from '../custom-domain'

/** The headers the distribution adds for the http Lambda (functions/edge-request.ts reads them). */
export const edgeHeaderNames = {
  originSecret: 'x-mpp-origin-secret',
  host: 'x-mpp-host',
  viewerAddress: 'x-mpp-viewer-address',
} as const

/**
 * Viewer request: API Gateway must get its own host, so the viewer's goes in another header, and so does the
 * viewer's address (API Gateway sees CloudFront's). Both overwrite whatever the viewer sent under those names.
 */
const viewerRequestCode = `function handler(event) {
  var headers = event.request.headers;
  if (headers.host) headers['${edgeHeaderNames.host}'] = { value: headers.host.value };
  else delete headers['${edgeHeaderNames.host}'];
  headers['${edgeHeaderNames.viewerAddress}'] = { value: event.viewer.ip };
  return event.request;
}`

export interface ApiDistributionProps {
  /**
   * Where the HTTP API answers (`MppHttpApi.originHost`): `origin.{rootDomain}`, its custom domain name, or
   * without one its default execute-api host.
   */
  originHost: string
  /** The CLOUDFRONT-scoped web ACL (in us-east-1) every request passes first. */
  webAclArn: string
  /** Sent to the origin as `x-mpp-origin-secret`; the Lambda refuses requests without it. */
  originSecret: ISecret
  responseHeadersPolicy: IResponseHeadersPolicy
  logBucket: IBucket
  /**
   * Its certificates already checked (`checkCertificates`). Without it the distribution answers on its own
   * *.cloudfront.net host, the platform host only.
   */
  domain?: CustomDomain
}

/** Every host of the platform: CloudFront with the web ACL, nothing cached, in front of the HTTP API. */
export class ApiDistribution extends Construct {
  readonly distribution: Distribution
  /** The platform host: `rootDomain`, or without a domain the distribution's own host. */
  readonly rootDomain: string

  constructor(scope: Construct, id: string, props: ApiDistributionProps) {
    super(scope, id)
    const { domain } = props

    const viewerRequest = new EdgeFunction(this, 'ViewerRequest', {
      comment: "MPP Cloud: the viewer's host and address for the http Lambda",
      code: FunctionCode.fromInline(viewerRequestCode),
      runtime: FunctionRuntime.JS_2_0,
    })
    const origin = new HttpOrigin(props.originHost, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // A dynamic reference, resolved by CloudFormation at deployment: the template holds no secret.
      customHeaders: { [edgeHeaderNames.originSecret]: props.originSecret.secretValue.unsafeUnwrap() },
    })
    const certificate = domain && Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn)

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'MPP Cloud: the platform host and every tenant subdomain',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Not the viewer's Host: CloudFront sends the origin's (the execute-api host or origin.{rootDomain}),
        // which is how API Gateway finds the API, and what a custom domain name requires.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: props.responseHeadersPolicy,
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(domain &&
        certificate && { domainNames: [domain.rootDomain, `*.${domain.rootDomain}`], certificate }),
      ...cloudFrontLogging(this, props.logBucket, 'cloudfront-api/'),
    })
    acknowledgeMissingCloudFrontLogs(
      this.distribution,
      'every request that reaches the app is in the HTTP API access log, and the web ACL keeps metrics and samples of what it blocks.',
    )
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Citizens, MPP staff and the ministry use the platform from wherever they are, Indonesians abroad too; the web ACL, not a country list, keeps abuse out.',
    })
    if (!domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution has only the default *.cloudfront.net certificate, whose minimum TLS version cannot be set; with one it requires TLS 1.2.',
      })

    this.rootDomain = domain ? this.addAliases(domain) : this.distribution.distributionDomainName
  }

  private addAliases({ rootDomain, hostedZoneId }: CustomDomain): string {
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId, zoneName: rootDomain })
    const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution))
    for (const [id, recordName] of [
      ['Apex', undefined],
      ['Wildcard', '*'],
    ] as const) {
      new ARecord(this, `${id}Alias`, { zone, recordName, target })
      new AaaaRecord(this, `${id}AliasIpv6`, { zone, recordName, target })
    }
    return rootDomain
  }
}

import { Arn, ArnFormat, Token } from 'aws-cdk-lib'

/** The platform's own domain: the apex serves the platform, `*.` one subdomain per tenant. */
export interface CustomDomain {
  rootDomain: string
  /** An ACM certificate in us-east-1 (CloudFront takes no other) covering `rootDomain` and `*.rootDomain`. */
  certificateArn: string
  /** The Route 53 public hosted zone of `rootDomain`. */
  hostedZoneId: string
  /**
   * An ACM certificate in the stack's region covering `origin.{rootDomain}` (that name, or `*.rootDomain`).
   * With it CloudFront reaches the HTTP API at `origin.{rootDomain}`, a regional API Gateway domain name, and the
   * default `execute-api` endpoint is disabled; without it the execute-api host stays CloudFront's origin.
   */
  originCertificateArn?: string
}

/** The label under `rootDomain` where the HTTP API answers CloudFront; packages/core reserves it from tenants. */
export const originLabel = 'origin'

/** `origin.{rootDomain}`: the HTTP API's custom domain name, CloudFront's origin when there is one. */
export const originDomainName = ({ rootDomain }: CustomDomain): string => `${originLabel}.${rootDomain}`

const regionOf = (arn: string): string => Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).region ?? ''

/**
 * The domain, once each certificate is known to be in the region that uses it: `certificateArn` in us-east-1,
 * the only region CloudFront takes one from, and `originCertificateArn` in the stack's region, as a regional
 * API Gateway domain name takes none from elsewhere. Either mistake would otherwise synthesise cleanly and fail
 * at deployment.
 */
export const checkCertificates = (domain: CustomDomain, stackRegion: string): CustomDomain => {
  const cloudFront = regionOf(domain.certificateArn)
  if (cloudFront !== 'us-east-1')
    throw new Error(`certificateArn must be in us-east-1 for CloudFront, got ${cloudFront || 'no region'}`)
  if (domain.originCertificateArn !== undefined) {
    if (Token.isUnresolved(stackRegion))
      throw new Error('originCertificateArn needs a stack with a region (env.region) to be checked against')
    const origin = regionOf(domain.originCertificateArn)
    if (origin !== stackRegion)
      throw new Error(
        `originCertificateArn must be in the stack's region ${stackRegion} for API Gateway, got ${origin || 'no region'}`,
      )
  }
  return domain
}

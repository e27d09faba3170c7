import { Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { EdgeFirewall } from './constructs/edge-firewall'

/**
 * What CloudFront needs from us-east-1: the web ACL of the API's distribution (a CLOUDFRONT-scoped web ACL
 * exists only there). One web ACL for every MPP.
 */
export class MppEdgeStack extends Stack {
  /** What the API's distribution names as its `webAclId`. */
  readonly webAclArn: string

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props)
    this.webAclArn = new EdgeFirewall(this, 'Firewall').webAcl.attrArn
  }
}

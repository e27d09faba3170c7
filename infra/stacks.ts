import type { App } from 'aws-cdk-lib'
import { MppEdgeStack } from './edge-stack'
import { type CustomDomain, MppStack } from './mpp-stack'

export interface MppStacksProps {
  /** Undefined synthesises an environment-agnostic account (offline, no credentials). */
  account?: string
  /** Where the platform lives: Jakarta unless told otherwise. */
  region: string
  assetsDir: string
  domain?: CustomDomain
  mailFrom?: string
  /** Who the alarms notify; none without it. */
  alarmEmail?: string
}

/**
 * Both stacks of the platform, as `cdk deploy --all` deploys them and the infra tests synthesise them:
 * `MppCloudEdge` in us-east-1 (CloudFront takes its web ACL only from there) and `MppCloud` in `region`, which
 * reads the web ACL's ARN across regions (a weak reference, `Fn::GetStackOutput`; cdk.json's default).
 */
export const buildStacks = (app: App, props: MppStacksProps) => {
  const edge = new MppEdgeStack(app, 'MppCloudEdge', {
    description: 'MPP Cloud edge: the web ACL in front of the API',
    env: { account: props.account, region: 'us-east-1' },
    crossRegionReferences: true,
  })
  const main = new MppStack(app, 'MppCloud', {
    description: 'MPP Cloud: Mal Pelayanan Publik as a service',
    env: { account: props.account, region: props.region },
    crossRegionReferences: true,
    assetsDir: props.assetsDir,
    webAclArn: edge.webAclArn,
    domain: props.domain,
    mailFrom: props.mailFrom,
    alarmEmail: props.alarmEmail,
  })
  return { edge, main }
}

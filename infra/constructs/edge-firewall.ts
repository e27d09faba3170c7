import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import { Construct } from 'constructs'

/** Requests per evaluation window (5 minutes) before a rate rule blocks; README "Deploying to AWS". */
export const edgeLimits = {
  /** Every request from one address: about 600 a minute, a whole office behind one NAT address. */
  perAddress: 3000,
  /** Writes (any method but GET and HEAD) from one address. */
  writesPerAddress: 1000,
  /** Every request for one host, so a bot net against one MPP cannot starve the other 513. */
  perHost: 30_000,
  windowSeconds: 300,
} as const

/** The body of every 429 the web ACL sends: the app's error shape, in both languages. */
export const tooManyRequestsBody = JSON.stringify({
  error: {
    code: 'too_many_requests',
    message:
      'Terlalu banyak permintaan. Coba lagi beberapa menit lagi. / Too many requests. Try again in a few minutes.',
  },
})

const tooManyRequestsKey = 'tooManyRequests'

/** The web ACL's CloudWatch metric name: its `WebACL` dimension in AWS/WAFV2 (us-east-1), on the dashboard. */
export const webAclMetricName = 'MppCloudEdge'

/** A rate-based rule blocks until the address (or host) falls below its limit over the whole window. */
const blockTooMany: CfnWebACL.RuleActionProperty = {
  block: {
    customResponse: {
      responseCode: 429,
      customResponseBodyKey: tooManyRequestsKey,
      responseHeaders: [{ name: 'Retry-After', value: String(edgeLimits.windowSeconds) }],
    },
  },
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
})

const methodIs = (method: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: 'EXACTLY',
    searchString: method,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
})

const rateRule = (
  name: string,
  priority: number,
  statement: Omit<CfnWebACL.RateBasedStatementProperty, 'evaluationWindowSec'>,
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  statement: { rateBasedStatement: { ...statement, evaluationWindowSec: edgeLimits.windowSeconds } },
  action: blockTooMany,
  visibilityConfig: visibility(name),
})

const managedRule = (
  name: string,
  priority: number,
  ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
  overrideAction: { none: {} },
  visibilityConfig: visibility(name),
})

/**
 * The web ACL in front of the API's CloudFront distribution: coarse per-address and per-host rate limits (the
 * app keeps its own finer limits per client and per MPP) and AWS's managed rules for known bad addresses and
 * inputs. CLOUDFRONT-scoped, so its stack must be in us-east-1.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'MPP Cloud: rate limits and AWS managed rules in front of the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(webAclMetricName),
      customResponseBodies: {
        [tooManyRequestsKey]: { contentType: 'APPLICATION_JSON', content: tooManyRequestsBody },
      },
      rules: [
        managedRule('AWSManagedRulesAmazonIpReputationList', 0),
        rateRule('RequestsPerAddress', 1, { aggregateKeyType: 'IP', limit: edgeLimits.perAddress }),
        rateRule('WritesPerAddress', 2, {
          aggregateKeyType: 'IP',
          limit: edgeLimits.writesPerAddress,
          scopeDownStatement: {
            notStatement: { statement: { orStatement: { statements: [methodIs('GET'), methodIs('HEAD')] } } },
          },
        }),
        rateRule('RequestsPerHost', 3, {
          aggregateKeyType: 'CUSTOM_KEYS',
          limit: edgeLimits.perHost,
          customKeys: [
            { header: { name: 'host', textTransformations: [{ priority: 0, type: 'LOWERCASE' }] } },
          ],
        }),
        // Application forms and their JSON can pass the rule set's 8 KB body limit; files go straight to S3.
        managedRule('AWSManagedRulesCommonRuleSet', 4, [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 5),
      ],
    })
  }
}

import { Stack, Token, Validations } from 'aws-cdk-lib'
import type { Distribution, DistributionProps } from 'aws-cdk-lib/aws-cloudfront'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { IConstruct } from 'constructs'

/**
 * Opt-in regions, Jakarta among them, that CloudFront standard logging (legacy) cannot deliver to; logging v2
 * can, but only through the CloudWatch Logs API in us-east-1, which a stack in this region cannot call.
 */
const regionsWithoutCloudFrontLogs = ['af-south-1', 'ap-east-1', 'ap-southeast-3', 'eu-south-1', 'me-south-1']

/** Whether CloudFront can deliver standard logs to a bucket in the region of `scope`'s stack. */
export const cloudFrontLogsDeliverable = (scope: IConstruct): boolean => {
  const { region } = Stack.of(scope)
  return !Token.isUnresolved(region) && !regionsWithoutCloudFrontLogs.includes(region)
}

/** A distribution's standard logging to `logBucket` under `prefix`, where the region allows it. */
export const cloudFrontLogging = (
  scope: IConstruct,
  logBucket: IBucket,
  prefix: string,
): Pick<DistributionProps, 'enableLogging' | 'logBucket' | 'logFilePrefix'> =>
  cloudFrontLogsDeliverable(scope) ? { enableLogging: true, logBucket, logFilePrefix: prefix } : {}

/** Acknowledges AwsSolutions-CFR3 on `distribution` only where its region leaves it without standard logs. */
export const acknowledgeMissingCloudFrontLogs = (distribution: Distribution, whyItIsEnough: string): void => {
  if (cloudFrontLogsDeliverable(distribution)) return
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR3',
    reason: `CloudFront cannot deliver standard logs to a bucket in ${Stack.of(distribution).region}; ${whyItIsEnough}`,
  })
}

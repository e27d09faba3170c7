import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { TenantId } from '@mpp/core/tenant'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@mpp/db/client'
import { boundedRequests } from './bounded-requests'

/** The session tag the tenant role's policy reads (`${aws:PrincipalTag/tenant}` in infra/constructs/tenant-role.ts). */
export const tenantTag = 'tenant'

/**
 * Credentials of the tenant role for one tenant: AssumeRole with the tenant as a session tag, so the role's
 * `dynamodb:LeadingKeys` condition lets them touch only `T#{tenant}` keys. The SDK keeps them and asks again
 * shortly before they expire (an hour), so a warm instance pays one STS call per tenant per hour.
 */
export const tenantCredentials = (roleArn: string) => {
  const sts = new STSClient({
    maxAttempts: 2,
    requestHandler: boundedRequests(1000, 2000),
  })
  return (tenantId: TenantId): AwsCredentialIdentityProvider =>
    async (): Promise<AwsCredentialIdentity> => {
      const { Credentials: c } = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          // Session names allow letters, digits and =,.@-_: a regency code (16.73) fits as it is.
          RoleSessionName: `tenant-${tenantId}`,
          Tags: [{ Key: tenantTag, Value: tenantId }],
          DurationSeconds: 3600,
        }),
      )
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`no credentials for tenant ${tenantId}`)
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      }
    }
}

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { boundedRequests } from './bounded-requests'

/**
 * The string value of a Secrets Manager secret, read with the function's own role; call it once per instance.
 * Bounded: two attempts of at most 1 s to connect and 2 s to answer, so a slow or unreachable Secrets Manager
 * costs a request a 503 and never hangs it.
 */
export const readSecretString = async (arn: string, stage = 'AWSCURRENT'): Promise<string> => {
  const client = new SecretsManagerClient({
    maxAttempts: 2,
    requestHandler: boundedRequests(1000, 2000),
  })
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: stage }))
    if (!result.SecretString) throw new Error(`secret ${arn} has no string value`)
    return result.SecretString
  } finally {
    client.destroy()
  }
}

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

/** The string value of a Secrets Manager secret, read with the function's own role; call it once per cold start. */
export const readSecretString = async (arn: string): Promise<string> => {
  const client = new SecretsManagerClient({})
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: arn }))
    if (!result.SecretString) throw new Error(`secret ${arn} has no string value`)
    return result.SecretString
  } finally {
    client.destroy()
  }
}

import { readSecretString } from './secret-string'

/**
 * The session HMAC key: from Secrets Manager in AWS (read once per cold start), or SESSION_SECRET where
 * there is no secret to read (tests, the bench).
 */
export const loadSessionSecret = async (): Promise<string> => {
  const arn = process.env.SESSION_SECRET_ARN
  if (arn) return readSecretString(arn)
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET_ARN or SESSION_SECRET must be set')
  return secret
}

export interface SessionSecrets {
  current: string
  /** The value before the last rotation, while Secrets Manager keeps it (its AWSPREVIOUS stage). */
  previous?: string
}

/** A secret that was never rotated has no AWSPREVIOUS version. */
const unlessMissing = (error: unknown) => {
  if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined
  throw error
}

/**
 * The session HMAC keys: from Secrets Manager in AWS (read once per instance), or SESSION_SECRET where there
 * is no secret to read (tests, the bench). New sessions are signed with the current one; sessions signed with
 * the previous one still count, so a rotation signs nobody out (docs/runbook.md).
 */
export const loadSessionSecrets = async (): Promise<SessionSecrets> => {
  const arn = process.env.SESSION_SECRET_ARN
  if (arn) {
    // The Secrets Manager client is loaded only where there is a secret to read (in AWS, on the first request).
    const { readSecretString } = await import('./secret-string')
    const [current, previous] = await Promise.all([
      readSecretString(arn),
      readSecretString(arn, 'AWSPREVIOUS').catch(unlessMissing),
    ])
    return { current, previous }
  }
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET_ARN or SESSION_SECRET must be set')
  return { current: secret }
}

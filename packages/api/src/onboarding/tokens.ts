import { createHash, randomBytes } from 'node:crypto'

/** A link's secret: the token goes in the mail, only its hash is stored. */
export const newToken = () => {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

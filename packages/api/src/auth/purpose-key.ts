import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/**
 * A key derived from a secret for one purpose (HKDF-SHA256), so the secret handed in signs nothing itself and a
 * signature made for one purpose (a file link, a live subscription) is never valid for another, nor for a
 * session token signed with the secret directly.
 */
export const purposeKey = (secret: string, salt: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, salt, purpose, 32))

/** An HMAC-SHA256 signer with such a key: `sign` in base64url, `valid` compared in constant time. */
export const purposeSigner = (secret: string, salt: string, purpose: string) => {
  const key = purposeKey(secret, salt, purpose)
  const sign = (data: string) => createHmac('sha256', key).update(data).digest('base64url')
  return {
    sign,
    valid(data: string, signature: string) {
      const expected = Buffer.from(sign(data))
      const given = Buffer.from(signature)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
  }
}

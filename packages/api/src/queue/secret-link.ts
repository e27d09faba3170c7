import { randomBytes, timingSafeEqual } from 'node:crypto'

/** The unguessable part of a ticket's or a booking's link (128 bits). */
export const newSecret = () => randomBytes(16).toString('base64url')

/** Compares a presented secret with the stored one in constant time. */
export const sameSecret = (stored: string, presented: string) => {
  const a = Buffer.from(stored)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

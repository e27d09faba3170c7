import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { trackingAlphabet } from '@mpp/core/complaint'

/** The unguessable part of a ticket's or a booking's link (128 bits). */
export const newSecret = () => randomBytes(16).toString('base64url')

/** Compares a presented secret with the stored one in constant time. */
export const sameSecret = (stored: string, presented: string) => {
  const a = Buffer.from(stored)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const surveyCodeLength = 6

/**
 * The short code printed on a ticket for the exit kiosk's survey: 6 symbols of the alphabet without
 * look-alikes (30^6, about 7 x 10^8 codes), derived from the ticket's secret so it needs no storage and says
 * nothing about the ticket's number; the secret cannot be read back from it.
 */
export const surveyCodeOf = (secret: string) => {
  const base = BigInt(trackingAlphabet.length)
  let n = BigInt(`0x${createHash('sha256').update(`survey-code:${secret}`).digest('hex').slice(0, 16)}`)
  let code = ''
  for (let i = 0; i < surveyCodeLength; i++) {
    code += trackingAlphabet[Number(n % base)]
    n /= base
  }
  return code
}

/** A survey code as typed (any case, spaces or dashes) in its stored form, or undefined when malformed. */
export const normaliseSurveyCode = (typed: string) => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '')
  return new RegExp(`^[${trackingAlphabet}]{${surveyCodeLength}}$`).test(code) ? code : undefined
}

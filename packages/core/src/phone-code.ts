import { z } from 'zod'
import { rule } from './issue-rules'

/** A one-time code that proves a phone number: six digits, as SMS and WhatsApp codes are everywhere. */
export const phoneCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, rule('sixDigits'))

/** How long a code works, and how many wrong tries void it (a guess then has 5 in a million chances). */
export const phoneCodeRules = { minutes: 10, attempts: 5 } as const

/** A phone number as a page may show it back: `0812••••2222`. */
export const maskedPhone = (e164: string) => {
  const national = `0${e164.replace(/^\+62/, '')}`
  return `${national.slice(0, 4)}${'•'.repeat(Math.max(0, national.length - 8))}${national.slice(-4)}`
}

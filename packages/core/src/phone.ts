import { z } from 'zod'
import { rule } from './issue-rules'

/**
 * An Indonesian mobile number as people type it (0812-3456-7890, +62 812 3456 7890, 62812...) turned into
 * E.164 (+6281234567890), so one person is one key for notifications and the no-show rule.
 */
export const normalisePhone = (input: string): string | undefined => {
  const digits = input.replace(/[\s\-().]/g, '')
  const national = digits.startsWith('+62')
    ? digits.slice(3)
    : digits.startsWith('62')
      ? digits.slice(2)
      : digits.startsWith('0')
        ? digits.slice(1)
        : undefined
  if (national === undefined || !/^8\d{8,11}$/.test(national)) return undefined
  return `+62${national}`
}

/** A field that accepts what people type and yields E.164, or fails with a clear message. */
export const indonesianMobile = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const phone = normalisePhone(value)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: rule('phone') })
      return z.NEVER
    }
    return phone
  })
  .meta({
    description:
      'An Indonesian mobile number as people type it: 0812-3456-7890, +62 812 3456 7890, 6281234567890',
    // What normalisePhone accepts: after spaces, hyphens, dots and brackets go, +62, 62 or 0, then 8 and 8-11 digits.
    pattern: String.raw`^[\s().\-]*(?:\+[\s().\-]*6[\s().\-]*2|6[\s().\-]*2|0)[\s().\-]*8(?:[\s().\-]*\d){8,11}[\s().\-]*$`,
  })

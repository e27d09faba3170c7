import { z } from 'zod'
import { email } from './account'
import { rule } from './issue-rules'
import { normalisePhone } from './phone'
import { phoneCode, phoneCodeRules } from './phone-code'

/**
 * Where a citizen receives their sign-in code, which is also who they are on their MPP's site: an email
 * address (lower case) or an Indonesian mobile number (E.164), whichever was typed.
 */
export const signInAddress = z
  .string()
  .trim()
  .max(254)
  .transform((value, ctx) => {
    const parsed = value.includes('@') ? email.safeParse(value) : undefined
    const address = parsed ? (parsed.success ? parsed.data : undefined) : normalisePhone(value)
    if (!address) {
      ctx.addIssue({ code: 'custom', message: rule('emailOrPhone') })
      return z.NEVER
    }
    return address
  })
  .meta({
    description:
      'An email address, or an Indonesian mobile number as people type it (0812-3456-7890, +62 812 3456 7890)',
  })

export const isPhoneAddress = (address: string) => address.startsWith('+62')

/** The sign-in code: six digits, as the booking's phone code, with the same 10 minutes and 5 tries. */
export const signInCode = phoneCode
export const signInCodeRules = phoneCodeRules

/** An email as a page may show it back: `bu••••@contoh.go.id`. */
export const maskedEmail = (address: string) => {
  const at = address.indexOf('@')
  const name = address.slice(0, at)
  return `${name.slice(0, Math.min(2, name.length - 1))}••••${address.slice(at)}`
}

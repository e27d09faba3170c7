import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { isPhoneAddress, maskedEmail, signInCodeRules } from '@mpp/core/citizen'
import { maskedPhone } from '@mpp/core/phone-code'
import type { Tenant, TenantId } from '@mpp/core/tenant'
import { spendSignInCode, storeSignInCode, useSignInCodeTry } from '@mpp/db/citizen-repository'
import type { Lang } from '@mpp/web/i18n/languages'
import { loadMessages } from '@mpp/web/i18n/server-messages'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'
import { citizenNotice } from './citizen-notice'

/** How a code is kept: hashed with its tenant and address, so a stored hash proves nothing elsewhere. */
const codeHash = (tenantId: TenantId, address: string, code: string) =>
  createHash('sha256').update(`${tenantId}:${address}:${code}`).digest('hex')

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** The address as the answer shows it back, so a typo shows without the answer repeating it whole. */
export const maskedAddress = (address: string) =>
  isPhoneAddress(address) ? maskedPhone(address) : maskedEmail(address)

/**
 * Sends an address a one-time code through the notifier: a mail from the outbox for an email, the
 * notification outbox for a phone (WhatsApp or SMS in production; the admin's outbox page locally). A new
 * code replaces the last. Sent whether or not the citizen signed in before: signing up is signing in, so the
 * answer can tell nobody whether an account exists.
 */
export const sendSignInCode = async (
  deps: Pick<AppDeps, 'db' | 'now' | 'mailer'>,
  tenant: Tenant,
  address: string,
  lang: Lang,
) => {
  const now = deps.now()
  const code = String(randomInt(1_000_000)).padStart(6, '0')
  const expiresAt = Math.floor(now.getTime() / 1000) + signInCodeRules.minutes * 60
  const words = (await loadMessages(lang)).citizenSignIn
  const say = { mpp: tenant.name, code, minutes: signInCodeRules.minutes }
  const message = citizenNotice(deps, tenant, address, {
    kind: 'sign_in_code',
    subject: words.mailSubject(tenant.name),
    text: words.mailText(say),
    phoneText: words.phoneText(say),
  })
  await storeSignInCode(
    deps.db,
    tenant.id,
    address,
    { hash: codeHash(tenant.id, address, code), expiresAt },
    message.write,
  )
  message.committed()
  return { sentTo: maskedAddress(address), expiresAt: new Date(expiresAt * 1000).toISOString() }
}

const expired = () =>
  new ApiError(401, 'sign_in_code_expired', [{ path: 'code', word: 'codeExpired' } satisfies RuleIssue])

/**
 * Checks a code and spends it: every try is used before the comparison (5 per code, then it is dead), and a
 * right code works once. Throws 401 `sign_in_code_invalid` (with the tries left) or `sign_in_code_expired`.
 */
export const proveSignInCode = async (
  deps: Pick<AppDeps, 'db' | 'now'>,
  tenantId: TenantId,
  address: string,
  code: string,
) => {
  const now = deps.now()
  const used = await useSignInCodeTry(
    deps.db,
    tenantId,
    address,
    signInCodeRules.attempts,
    Math.floor(now.getTime() / 1000),
  )
  if (!used) throw expired()
  if (!sameHash(used.hash, codeHash(tenantId, address, code)))
    throw new ApiError(401, 'sign_in_code_invalid', {
      field: 'code',
      attemptsLeft: Math.max(0, signInCodeRules.attempts - used.tries),
    })
  if (!(await spendSignInCode(deps.db, tenantId, address, used.hash, now))) throw expired()
}

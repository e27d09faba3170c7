import { createHash, randomInt } from 'node:crypto'
import { phoneCodeRules } from '@mpp/core/phone-code'
import type { Tenant } from '@mpp/core/tenant'
import { newOutboxMessage } from '@mpp/db/outbox-repository'
import { countWrongPhoneCode, getPhoneCode, storePhoneCode } from '@mpp/db/phone-code-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'

/** How a code is kept: hashed with its number. */
export const phoneCodeHash = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('hex')

/**
 * Sends a phone number a one-time code through the notifier's outbox (WhatsApp or SMS in production; the
 * tenant admin's outbox page locally). A new code replaces the last. Returns when it stops working.
 */
export const sendPhoneCode = async (deps: AppDeps, tenant: Tenant, phone: string) => {
  const now = deps.now()
  const code = String(randomInt(1_000_000)).padStart(6, '0')
  const expiresAt = Math.floor(now.getTime() / 1000) + phoneCodeRules.minutes * 60
  await storePhoneCode(
    deps.db,
    tenant.id,
    phone,
    { hash: phoneCodeHash(phone, code), expiresAt },
    newOutboxMessage({
      at: now.toISOString(),
      kind: 'phone_code',
      to: phone,
      text: `${tenant.name}: kode verifikasi janji temu Anda ${code}. Berlaku ${phoneCodeRules.minutes} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`,
    }),
  )
  return new Date(expiresAt * 1000)
}

/**
 * Checks that whoever books holds the phone: the code last sent to it, within its time and its tries. A code
 * stays good until it expires, so a retried booking still goes through; 5 wrong tries void it.
 */
export const provePhone = async (deps: AppDeps, tenant: Tenant, phone: string, code: string) => {
  const stored = await getPhoneCode(deps.db, tenant.id, phone)
  const nowSeconds = Math.floor(deps.now().getTime() / 1000)
  if (!stored || stored.expiresAt <= nowSeconds || stored.attempts >= phoneCodeRules.attempts)
    throw new ApiError(409, 'phone_code_expired', [
      { path: 'phoneCode', word: 'codeExpired' } satisfies RuleIssue,
    ])
  if (stored.hash !== phoneCodeHash(phone, code)) {
    await countWrongPhoneCode(deps.db, tenant.id, phone, stored.hash)
    throw new ApiError(409, 'phone_code_invalid', {
      field: 'phoneCode',
      attemptsLeft: phoneCodeRules.attempts - stored.attempts - 1,
    })
  }
}

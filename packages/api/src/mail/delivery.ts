import type { Clock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import {
  claimMail,
  type MailContent,
  type MailKey,
  type MailMessage,
  settleMail,
} from '@mpp/db/mail-repository'

/** Hands a mail to a mail server: SES in AWS (functions/ses-transport.ts), the console locally. */
export interface MailTransport {
  send(mail: MailContent): Promise<{ messageId: string }>
}

/** Attempts before a mail the server keeps refusing for a passing reason (throttling, an outage) counts as failed. */
export const maxMailAttempts = 3

/**
 * A `sending` mail whose sender gave no word for this long is taken to have lost it (the Lambda crashed or
 * timed out, far below this) and may be tried again; until then a second delivery leaves it alone.
 */
export const sendingLeaseMs = 5 * 60_000

/**
 * SES's refusals that no retry changes: a rejected message or recipient (in the SES sandbox, any address not
 * verified), an unverified sender or MAIL FROM domain, a paused or suspended account, a malformed request.
 * Everything else (throttling, quotas, network, 5xx) may pass and is tried again.
 */
export const permanentRefusals: ReadonlySet<string> = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
])

export const isPermanentRefusal = (error: unknown) =>
  error instanceof Error && permanentRefusals.has(error.name)

/** What the outbox shows of a refusal: its name and message, at most 500 characters. */
export const refusalReason = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500)

export interface DeliveryDeps {
  db: Db
  now: Clock
  transport: MailTransport
  /** Told once per mail that failed for good (the metric `MppCloud`/`MailFailed` in AWS). */
  failed?: (mail: MailMessage) => void
}

/**
 * `sent`, `failed` (for good), `retry` (back to `pending`, which starts the next attempt), `taken` (sent,
 * failed or being sent already: nothing done), `missing` (no such mail, e.g. expired).
 */
export type DeliveryOutcome = 'sent' | 'failed' | 'retry' | 'taken' | 'missing'

/**
 * One delivery attempt of the mail at `key`, the same in AWS (the mail-sender Lambda, started by the table's
 * stream) and locally: take it (`pending -> sending`, conditional, so a repeated delivery never sends twice),
 * hand it to the transport, record `sent` with the server's id, or the refusal: `failed` at once when no retry
 * can help or after `maxMailAttempts`, else `pending` again. Throws only when the table does.
 */
export const deliverMail = async (deps: DeliveryDeps, key: MailKey): Promise<DeliveryOutcome> => {
  const claim = await claimMail(deps.db, key, deps.now(), sendingLeaseMs)
  if (claim.kind !== 'claimed') return claim.kind
  const mail = claim.mail
  let messageId: string
  try {
    ;({ messageId } = await deps.transport.send({ to: mail.to, subject: mail.subject, text: mail.text }))
  } catch (error) {
    const reason = refusalReason(error)
    if (isPermanentRefusal(error) || mail.attempts >= maxMailAttempts) {
      const at = deps.now()
      if (await settleMail(deps.db, key, mail.attempts, { delivery: 'failed', reason, at })) {
        deps.failed?.({ ...mail, delivery: 'failed', failedAt: at.toISOString(), reason })
      }
      return 'failed'
    }
    await settleMail(deps.db, key, mail.attempts, { delivery: 'pending', reason })
    return 'retry'
  }
  await settleMail(deps.db, key, mail.attempts, { delivery: 'sent', messageId, at: deps.now() })
  return 'sent'
}

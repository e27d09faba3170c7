import { AsyncResource } from 'node:async_hooks'
import type { Logger } from '@aws-lambda-powertools/logger'
import type { MailKey } from '@mpp/db/mail-repository'
import { type DeliveryDeps, deliverMail } from './delivery'

export type { MailContent as Mail } from '@mpp/db/mail-repository'

/**
 * Starts the delivery of mail the app has written to the outbox (`outbox.ts`): in the transaction of the
 * change the mail tells about, as `pending`. Delivery never makes the request wait or fail.
 */
export interface Mailer {
  /** Called once the transaction that wrote these mails has committed. */
  written(keys: MailKey[]): void
}

/**
 * AWS: nothing to do here. The table's stream hands every mail that becomes `pending` to the mail-sender
 * Lambda (functions/mail-sender.ts), which sends it through SES with retries.
 */
export const streamedMailer: Mailer = { written() {} }

export interface InProcessMailer extends Mailer {
  /** Resolves once every delivery started so far has settled (tests wait for it instead of sleeping). */
  idle(): Promise<void>
}

/**
 * Locally and in tests: the same delivery as the mail-sender Lambda, run in this process just after the write.
 * A mail put back to `pending` for another attempt is delivered again at once, as the stream does in AWS.
 * Deliveries run outside the request's tenant scope: sending is the platform's work, not the tenant's.
 */
export const inProcessMailer = (deps: DeliveryDeps & { logger?: Logger }): InProcessMailer => {
  const outsideRequests = new AsyncResource('mail-delivery')
  const inFlight = new Set<Promise<void>>()
  const deliver = async (key: MailKey) => {
    while ((await deliverMail(deps, key)) === 'retry') {}
  }
  return {
    written(keys) {
      for (const key of keys)
        outsideRequests.runInAsyncScope(() => {
          const delivery: Promise<void> = deliver(key)
            .catch((error: unknown) => deps.logger?.error('mail delivery failed', { error, key }))
            .finally(() => inFlight.delete(delivery))
          inFlight.add(delivery)
        })
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight)
    },
  }
}

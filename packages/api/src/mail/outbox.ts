import type { Scope } from '@mpp/db/keys'
import { type MailContent, mailPut } from '@mpp/db/mail-repository'
import type { AppDeps } from '../app-env'

/**
 * A mail for the outbox: `write` goes into the transaction of the change it tells about (so the mail exists
 * exactly when the change does), `committed()` after it, to start the delivery. A refused send never reaches
 * the request: it shows in the outbox as failed.
 */
export const outboxMail = (deps: Pick<AppDeps, 'db' | 'now' | 'mailer'>, scope: Scope, mail: MailContent) => {
  const { key, write } = mailPut(deps.db, scope, mail, deps.now())
  return { key, write, committed: () => deps.mailer.written([key]) }
}

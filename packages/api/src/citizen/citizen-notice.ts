import { isPhoneAddress } from '@mpp/core/citizen'
import type { Tenant } from '@mpp/core/tenant'
import { newOutboxMessage, type OutboxMessage, outboxPut } from '@mpp/db/outbox-repository'
import type { TransactItem } from '@mpp/db/transactions'
import type { AppDeps } from '../app-env'
import { outboxMail } from '../mail/outbox'

/** What to tell a citizen: a mail's subject and text, or the shorter text a phone gets. */
export interface CitizenNotice {
  kind: OutboxMessage['kind']
  subject: string
  text: string
  phoneText: string
}

/**
 * A message to a citizen at the address they signed in with, through the notifier: a mail from the outbox
 * for an email, the notification outbox for a phone (WhatsApp or SMS in production). `write` goes into the
 * transaction of the change it tells about; `committed()` after it starts a mail's delivery.
 */
export const citizenNotice = (
  deps: Pick<AppDeps, 'db' | 'now' | 'mailer'>,
  tenant: Tenant,
  address: string,
  notice: CitizenNotice,
): { write: TransactItem; committed: () => void } => {
  if (!isPhoneAddress(address)) {
    const mail = outboxMail(
      deps,
      { kind: 'tenant', tenantId: tenant.id },
      { to: address, subject: notice.subject, text: notice.text },
    )
    return { write: mail.write, committed: mail.committed }
  }
  const message = newOutboxMessage({
    at: deps.now().toISOString(),
    kind: notice.kind,
    to: address,
    text: notice.phoneText,
  })
  return { write: outboxPut(deps.db, tenant.id, message), committed: () => undefined }
}

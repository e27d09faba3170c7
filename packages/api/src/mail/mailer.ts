import type { Db } from '@mpp/db/client'
import { storeMail } from '@mpp/db/mail-repository'

export interface Mail {
  to: string
  subject: string
  text: string
}

/** Sends mail: SES in AWS (functions/ses-mailer.ts), the outbox below locally and in tests. */
export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * Keeps every mail in the table, where the ministry console shows it, and prints it: the local stand-in for a
 * mail server, so a developer can follow a verification or invite link.
 */
export const outboxMailer = (db: Db, now: () => Date, print: (line: string) => void = () => {}): Mailer => ({
  async send(mail) {
    await storeMail(db, { ...mail, at: now().toISOString() })
    print(`\nMail to ${mail.to}: ${mail.subject}\n${mail.text}\n`)
  },
})

import { randomUUID } from 'node:crypto'
import type { MailTransport } from './delivery'

/**
 * The local stand-in for a mail server: prints each mail whole, so a developer (and the browser tests, which
 * read `npm start`'s output) can follow a confirmation or invite link.
 */
export const printingTransport = (print: (text: string) => void): MailTransport => ({
  async send(mail) {
    print(`\nMail to ${mail.to}: ${mail.subject}\n${mail.text}\n`)
    return { messageId: `local-${randomUUID()}` }
  },
})

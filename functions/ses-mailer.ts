import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import type { Mailer } from '@mpp/api/mail/mailer'

/** Mail through Amazon SES from a verified sender (MAIL_FROM). */
export const sesMailer = (from: string): Mailer => {
  const client = new SESv2Client({})
  return {
    async send(mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      )
    },
  }
}

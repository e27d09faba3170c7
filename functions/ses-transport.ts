import type { MailTransport } from '@mpp/api/mail/delivery'
import { boundedRequests } from './bounded-requests'

/**
 * Mail through Amazon SES from a verified sender (MAIL_FROM). The SDK is loaded with the first mail; each
 * call gives up within seconds (the SDK's 3 attempts, with backoff, for throttling and 5xx), so a stalled SES
 * costs one attempt of the mail, never the sender's whole run.
 */
export const sesTransport = (from: string): MailTransport => {
  let loaded:
    | Promise<{
        client: import('@aws-sdk/client-sesv2').SESv2Client
        sdk: typeof import('@aws-sdk/client-sesv2')
      }>
    | undefined
  const ses = () => {
    loaded ??= import('@aws-sdk/client-sesv2').then((sdk) => ({
      sdk,
      client: new sdk.SESv2Client({
        maxAttempts: 3,
        requestHandler: boundedRequests(2000, 5000),
      }),
    }))
    return loaded
  }
  return {
    async send(mail) {
      const { sdk, client } = await ses()
      const result = await client.send(
        new sdk.SendEmailCommand({
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
      return { messageId: result.MessageId ?? '' }
    },
  }
}

import type { Mailer } from '@mpp/api/mail/mailer'

/** Mail through Amazon SES from a verified sender (MAIL_FROM); the SDK is loaded with the first mail. */
export const sesMailer = (from: string): Mailer => {
  let loaded:
    | Promise<{
        client: import('@aws-sdk/client-sesv2').SESv2Client
        sdk: typeof import('@aws-sdk/client-sesv2')
      }>
    | undefined
  const ses = () => {
    loaded ??= import('@aws-sdk/client-sesv2').then((sdk) => ({ sdk, client: new sdk.SESv2Client({}) }))
    return loaded
  }
  return {
    async send(mail) {
      const { sdk, client } = await ses()
      await client.send(
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
    },
  }
}

import type { MailTransport } from '@mpp/api/mail/delivery'
import type { MailContent } from '@mpp/db/mail-repository'

/**
 * The tests' mail server: keeps what it was handed, in order. `refuseWith` makes the next sends throw the
 * given errors (one each) instead, as SES does when it refuses.
 */
export const recordingTransport = () => {
  const sent: (MailContent & { messageId: string })[] = []
  const refusals: unknown[] = []
  const transport: MailTransport & {
    sent: typeof sent
    refuseWith: (...errors: unknown[]) => void
  } = {
    sent,
    refuseWith: (...errors) => refusals.push(...errors),
    async send(mail) {
      if (refusals.length > 0) throw refusals.shift()
      const messageId = `test-${sent.length + 1}`
      sent.push({ ...mail, messageId })
      return { messageId }
    },
  }
  return transport
}
export type RecordingTransport = ReturnType<typeof recordingTransport>

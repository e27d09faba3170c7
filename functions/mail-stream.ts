import type { Logger } from '@aws-lambda-powertools/logger'
import { type DeliveryDeps, deliverMail } from '@mpp/api/mail/delivery'
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'

/**
 * The mail-sender's work on a batch of the table's stream: each record is a mail that became `pending` (the
 * event source's filter lets nothing else through), delivered by its key with the same `deliverMail` as
 * `npm start`. A transport's refusal is recorded on the mail, never thrown; only a table error fails a record,
 * and then it and the records after it come again (ReportBatchItemFailures), which the conditional claim makes
 * harmless for the ones already sent.
 */
export const mailStreamHandler =
  (deps: Omit<DeliveryDeps, 'failed'> & { logger: Logger; countFailed: () => void }) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const delivery: DeliveryDeps = {
      ...deps,
      failed: (mail) => {
        deps.logger.warn('mail failed', {
          mail: { id: mail.id, tenantId: mail.tenantId },
          reason: mail.reason,
        })
        deps.countFailed()
      },
    }
    for (const record of event.Records) {
      const pk = record.dynamodb?.Keys?.pk?.S
      const sk = record.dynamodb?.Keys?.sk?.S
      if (!pk || !sk) continue
      try {
        const outcome = await deliverMail(delivery, { pk, sk })
        deps.logger.info('mail delivery', { pk, sk, outcome })
      } catch (error) {
        deps.logger.error('mail delivery stopped by the table', { pk, sk, error })
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] }
      }
    }
    return { batchItemFailures: [] }
  }

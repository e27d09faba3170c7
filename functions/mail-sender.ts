// First: stack traces read the source maps only when one is formatted.
import './lazy-source-maps'
import { Logger } from '@aws-lambda-powertools/logger'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'
import { required } from './env'
import { mailFailedCounter, mailSenderService } from './mail-failed-metric'
import { mailStreamHandler } from './mail-stream'
import { sesTransport } from './ses-transport'

/**
 * The mail-sender Lambda: the table's stream hands it each mail that became `pending`; it sends it through
 * SES from MAIL_FROM and records `sent` or `failed` on the mail (infra/constructs/mail-sender.ts).
 */
export const handler = mailStreamHandler({
  db: createDb({ tableName: required('TABLE_NAME') }),
  now: systemClock,
  transport: sesTransport(required('MAIL_FROM')),
  logger: new Logger({ serviceName: mailSenderService }),
  countFailed: mailFailedCounter(),
})

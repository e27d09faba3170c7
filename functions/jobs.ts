import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { closeQuietComplaints } from '@mpp/api/complaints/complaints'
import { closeDueDays } from '@mpp/api/queue/day-close'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'

const tableName = process.env.TABLE_NAME
if (!tableName) throw new Error('TABLE_NAME must be set')

const logger = new Logger({ serviceName: 'mpp-cloud-jobs' })
const db = createDb({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT })

/**
 * EventBridge's scheduled call: closes every business day that is due, in each tenant's own time zone, and
 * every complaint whose citizen stayed quiet for 10 working days after the response.
 */
export const handler = middy(async () => {
  const closed = await closeDueDays({ db, now: systemClock, logger })
  logger.info('days closed', { closed })
  const complaintsClosed = await closeQuietComplaints({ db, now: systemClock, logger })
  if (complaintsClosed.length > 0) logger.info('quiet complaints closed', { complaintsClosed })
  return { closed, complaintsClosed }
}).use(injectLambdaContext(logger, { resetKeys: true }))

import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { closeDueDays } from '@mpp/api/queue/day-close'
import { createDb } from '@mpp/db/client'

const tableName = process.env.TABLE_NAME
if (!tableName) throw new Error('TABLE_NAME must be set')

const logger = new Logger({ serviceName: 'mpp-cloud-jobs' })
const db = createDb({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT })

/** EventBridge's scheduled call: closes every business day that is due, in each tenant's own time zone. */
export const handler = middy(async () => {
  const closed = await closeDueDays({ db, now: () => new Date(), logger })
  logger.info('days closed', { closed })
  return { closed }
}).use(injectLambdaContext(logger, { resetKeys: true }))

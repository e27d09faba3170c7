// First: stack traces read the source maps only when one is formatted.
import './lazy-source-maps'
import { Logger } from '@aws-lambda-powertools/logger'
import { createFanout } from '@mpp/api/live/fanout'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { required } from './env'
import { managementApiSender } from './management-api-sender'

const logger = new Logger({ serviceName: 'mpp-cloud-live' })
const fanout = createFanout({
  db: createDb({ tableName: required('TABLE_NAME'), endpoint: process.env.DYNAMODB_ENDPOINT }),
  now: systemClock,
  sender: managementApiSender(required('LIVE_CALLBACK_URL')),
})

/**
 * The live-fanout Lambda: each batch of the table's stream that its filter lets through (the live day's calls
 * and lines, tickets; infra/constructs/live-socket-api.ts) goes to `createFanout`, which sends the messages
 * through PostToConnection and prunes gone connections. The fan-out is all or nothing from here (it cannot say
 * which records it finished), so a failure fails the batch: it comes again, halved, and the messages already
 * sent are sent twice, which clients take as the same state (a call by its `callSeq`, a line or a ticket as its
 * new state).
 */
export const handler = async (event: DynamoDBStreamEvent) => {
  try {
    const result = await fanout.handle(event.Records)
    logger.debug('live fan-out', { records: event.Records.length, ...result })
    return result
  } catch (error) {
    logger.error('live fan-out failed', { records: event.Records.length, error })
    throw error
  }
}

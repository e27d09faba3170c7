// First: stack traces read the source maps only when one is formatted.
import './lazy-source-maps'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware'
import middy from '@middy/core'
import { closeQuietComplaints } from '@mpp/api/complaints/complaints'
import { redactLogValue } from '@mpp/api/log-redaction'
import { closeDueDays, openTenants, overdueDays } from '@mpp/api/queue/day-close'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'
import { required } from './env'
import { platformMetrics } from './metric-names'

const serviceName = 'mpp-cloud-jobs'
const logger = new Logger({ serviceName, jsonReplacerFn: redactLogValue })
const metrics = new Metrics({ namespace: platformMetrics.namespace, serviceName })
const db = createDb({ tableName: required('TABLE_NAME'), endpoint: process.env.DYNAMODB_ENDPOINT })

/**
 * EventBridge's scheduled call: closes every business day that is due, in each tenant's own time zone, and
 * every complaint whose citizen stayed quiet for 10 working days after the response. A tenant whose close
 * fails is tried again by the next run (15 minutes later); the days still not closed hours after they were
 * due are counted in `DaysOverdue` on every run, 0 included, so its alarm also sees a job that stopped
 * reporting. An invocation that fails as a whole goes, after Lambda's retries, to the failure queue.
 */
export const handler = middy(async () => {
  // One read of the tenants serves the close and the report of what is still open after it.
  const tenants = await openTenants({ db, logger })
  const closed = await closeDueDays({ db, now: systemClock, logger }, tenants)
  logger.info('days closed', { closed })
  const overdue = await overdueDays({ db, now: systemClock }, { tenants })
  metrics.addMetric(platformMetrics.daysOverdue, MetricUnit.Count, overdue.length)
  if (overdue.length > 0) logger.warn('days overdue', { overdue })
  const complaintsClosed = await closeQuietComplaints({ db, now: systemClock, logger })
  if (complaintsClosed.length > 0) logger.info('quiet complaints closed', { complaintsClosed })
  return { closed, overdue, complaintsClosed }
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))

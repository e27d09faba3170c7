import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import { platformMetrics } from './metric-names'

/** The mail sender's service name: its logs' `service` and the `service` dimension of its metrics. */
export const mailSenderService = 'mpp-cloud-mail'

/**
 * Counts one mail that failed for good as `MppCloud`/`MailFailed` (Count 1, dimension `service` =
 * `mpp-cloud-mail`), written at once as an Embedded Metric Format line: Powertools writes it straight to
 * stdout, so neither Lambda's JSON log format nor its log level touches it, and CloudWatch turns it into the
 * metric the platform's alarm watches.
 */
export const mailFailedCounter =
  (metrics = new Metrics({ namespace: platformMetrics.namespace, serviceName: mailSenderService })) =>
  () => {
    metrics.addMetric(platformMetrics.mailFailed, MetricUnit.Count, 1)
    metrics.publishStoredMetrics()
  }

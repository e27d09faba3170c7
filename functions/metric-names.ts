/**
 * The platform's own CloudWatch metrics. Functions write them as Embedded Metric Format log lines with
 * Powertools Metrics (no API call: CloudWatch extracts them from the log group), so each carries the
 * `service` dimension Powertools always adds (the function's POWERTOOLS_SERVICE_NAME). The alarms and the
 * dashboard in infra/constructs/operations.ts watch these names.
 */
export const platformMetrics = {
  namespace: 'MppCloud',
  /** Business days of a tenant still not closed hours after they were due; the jobs emit it every run, 0 too. */
  daysOverdue: 'DaysOverdue',
  /** Mail that could not be sent (the mail sender emits it); any is an alarm. */
  mailFailed: 'MailFailed',
} as const

import { addDays, type IsoDate } from '@mpp/core/business-day'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { appointmentPk, complaintPk, keys, tenantPk } from './keys'
import { queryAll } from './query-all'

/** How far back (and, for bookings, ahead) an export reaches into the dated partitions. */
export interface ExportWindow {
  pastDays: number
  futureDays: number
}

export const defaultExportWindow: ExportWindow = { pastDays: 90, futureDays: 60 }

/**
 * Attributes never exported: password hashes, ticket and booking link secrets, invite tokens. Matched by
 * name so that whatever item kind is added to the tenant's partition later is covered too.
 */
const secretAttribute = /password|secret|token/i

const withoutSecrets = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !secretAttribute.test(name)))

/** Runs `tasks` with at most `limit` of them in flight. */
const pooled = async <T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await (tasks[index] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/**
 * The partitions an export reads, all of them the tenant's own and known by key: the main partition (tenant,
 * logo, catalog with the standards' internal components, accounts, queues and counters, mobile service),
 * closed days' totals and roll-ups, the notification outbox, the complaints, the survey responses, the tickets of the last `pastDays` days and the appointment
 * slots and bookings from `pastDays` ago to `futureDays` ahead. Idempotency keys, rate limits, no-show
 * records per phone number and the live state of the day are operational and left out.
 */
export const exportPartitionKeys = (tenantId: TenantId, today: IsoDate, window = defaultExportWindow) => {
  const pastDates = Array.from({ length: window.pastDays }, (_, i) => addDays(today, -i))
  const futureDates = Array.from({ length: window.futureDays }, (_, i) => addDays(today, i + 1))
  return [
    tenantPk(tenantId),
    `${tenantPk(tenantId)}#R`,
    `${tenantPk(tenantId)}#OUT`,
    complaintPk(tenantId),
    keys.surveyResponse(tenantId, '').pk,
    ...pastDates.map((day) => keys.ticket(tenantId, `${day}.x`).pk),
    ...[...pastDates, ...futureDates].map((date) => appointmentPk(tenantId, date)),
  ]
}

/**
 * Every item of the tenant's partitions (see exportPartitionKeys) with Query only, never a Scan, and without
 * secrets. Partitions without items are left out of the result.
 */
export const exportTenantItems = async (
  db: Db,
  tenantId: TenantId,
  today: IsoDate,
  window = defaultExportWindow,
): Promise<Record<string, Record<string, unknown>[]>> => {
  const pks = exportPartitionKeys(tenantId, today, window)
  const results = await pooled(
    pks.map(
      (pk) => () =>
        queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    ),
    8,
  )
  const partitions: Record<string, Record<string, unknown>[]> = {}
  pks.forEach((pk, i) => {
    const items = results[i] ?? []
    if (items.length > 0) partitions[pk] = items.map(withoutSecrets)
  })
  return partitions
}

import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { localClock, type TimeZone } from '@mpp/core/business-day'
import { byVisitTime, type MobileVisit, mobileVisit } from '@mpp/core/mobile-visit'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, tenantPk } from './keys'
import { queryAll } from './query-all'

const prefix = 'MOB#'

/**
 * The mobile service's stops from a date on (all of them without one), by date and time. The sort key starts
 * with the date, so "from today" is one Query on a key range.
 */
export const listMobileVisits = async (
  db: Db,
  tenantId: TenantId,
  fromDate?: string,
): Promise<MobileVisit[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': tenantPk(tenantId),
      ':from': fromDate ? `${prefix}${fromDate}` : prefix,
      ':to': `${prefix}\uffff`,
    },
  })
  return items.map((i) => parseItem(mobileVisit, i)).sort(byVisitTime)
}

/** Stops still to come in the tenant's own time zone: from today on, and of today those not over yet. */
export const listUpcomingVisits = async (
  db: Db,
  tenantId: TenantId,
  timeZone: TimeZone,
  now: Date,
): Promise<MobileVisit[]> => {
  const clock = localClock(now, timeZone)
  const visits = await listMobileVisits(db, tenantId, clock.date)
  return visits.filter((v) => v.date > clock.date || v.end > clock.time)
}

export const putMobileVisit = async (db: Db, tenantId: TenantId, visit: MobileVisit): Promise<void> => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.mobileVisit(tenantId, visit.date, visit.id), ...visit },
    }),
  )
}

/** Removes a stop by its id; false when there is none. */
export const deleteMobileVisit = async (db: Db, tenantId: TenantId, visitId: string): Promise<boolean> => {
  const visit = (await listMobileVisits(db, tenantId)).find((v) => v.id === visitId)
  if (!visit) return false
  await db.doc.send(
    new DeleteCommand({ TableName: db.tableName, Key: keys.mobileVisit(tenantId, visit.date, visit.id) }),
  )
  return true
}

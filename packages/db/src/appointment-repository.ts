import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type Booking, booking as bookingSchema } from '@mpp/core/appointment'
import type { TenantId } from '@mpp/core/tenant'
import { batchGet } from './batch-get'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { cancelReasons, type TransactItem } from './transactions'

export const getBooking = async (db: Db, tenantId: TenantId, date: string, code: string) => {
  const result = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.booking(tenantId, date, code),
      ConsistentRead: true,
    }),
  )
  return result.Item && parseItem(bookingSchema, result.Item)
}

/**
 * The bookings with this code on any of these dates (at most 100), in one BatchGetItem: a code is unique
 * within its day only, so a code typed on the wrong day is looked for on the days around it.
 */
export const findBookingsOnDates = async (
  db: Db,
  tenantId: TenantId,
  dates: string[],
  code: string,
): Promise<Booking[]> => {
  const items = await batchGet(
    db,
    dates.slice(0, 100).map((date) => keys.booking(tenantId, date, code)),
  )
  return items.map((i) => parseItem(bookingSchema, i)).sort((a, b) => a.date.localeCompare(b.date))
}

/** Booked places per slot time of one service on one day. */
export const slotCounts = async (db: Db, tenantId: TenantId, date: string, serviceId: string) => {
  const prefix = keys.slot(tenantId, date, serviceId, '')
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    }),
  )
  return new Map(
    (result.Items ?? []).map((i) => [String(i.sk).slice(prefix.sk.length), Number(i.booked ?? 0)]),
  )
}

/** When this phone number missed appointments (for the no-show rule). */
export const noShowsOf = async (db: Db, tenantId: TenantId, phone: string): Promise<Date[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ns)',
      ExpressionAttributeValues: { ':pk': keys.noShow(tenantId, phone, '', '').pk, ':ns': 'NS#' },
    }),
  )
  return (result.Items ?? []).map((i) => new Date(String(i.at)))
}

/** The write that records a missed appointment; it expires once no rule can count it any more. */
export const noShowPut = (
  db: Db,
  tenantId: TenantId,
  b: Pick<Booking, 'phone' | 'date' | 'code'>,
  at: Date,
  keepDays: number,
): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: {
      ...keys.noShow(tenantId, b.phone, b.date, b.code),
      at: at.toISOString(),
      expiresAt: Math.floor(at.getTime() / 1000) + keepDays * 24 * 3600,
    },
  },
})

/** Counts against the queue's online share of that day; a cancellation gives the place back. */
const onlineShare = (db: Db, tenantId: TenantId, b: Booking, by: 1 | -1, limit?: number): TransactItem => ({
  Update: {
    TableName: db.tableName,
    Key: keys.liveQueue(tenantId, b.date, b.queueId),
    UpdateExpression: 'SET queueId = :q ADD issuedOnline :by',
    ExpressionAttributeValues: {
      ':q': b.queueId,
      ':by': by,
      ...(limit === undefined ? {} : { ':limit': limit }),
    },
    ...(limit === undefined
      ? {}
      : { ConditionExpression: 'attribute_not_exists(issuedOnline) OR issuedOnline < :limit' }),
  },
})

export type BookResult = 'booked' | 'slot_full' | 'quota_full' | 'code_taken' | 'also_changed' | 'conflict'

/**
 * Books a slot: the slot's count, the queue's online share and the booking, in one transaction with `also`
 * (what the booking is for, such as a service request's collection); `also_changed` when one of those failed.
 */
export const createBooking = async (
  db: Db,
  tenantId: TenantId,
  b: Booking,
  limits: { slotCapacity: number; onlineQuota: number },
  also: TransactItem[] = [],
): Promise<BookResult> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.slot(tenantId, b.date, b.serviceId, b.time),
              UpdateExpression: 'ADD booked :one',
              ConditionExpression: 'attribute_not_exists(booked) OR booked < :cap',
              ExpressionAttributeValues: { ':one': 1, ':cap': limits.slotCapacity },
            },
          },
          onlineShare(db, tenantId, b, 1, limits.onlineQuota),
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.booking(tenantId, b.date, b.code), ...b },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...also,
        ],
      }),
    )
    return 'booked'
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (reasons[0]?.code === 'ConditionalCheckFailed') return 'slot_full'
    if (reasons[1]?.code === 'ConditionalCheckFailed') return 'quota_full'
    if (reasons[2]?.code === 'ConditionalCheckFailed') return 'code_taken'
    if (reasons.slice(3).some((r) => r.code === 'ConditionalCheckFailed')) return 'also_changed'
    if (reasons.some((r) => r.code === 'TransactionConflict')) return 'conflict'
    throw error
  }
}

/** Cancels a booking still booked, giving its slot and its online place back. False when it was not booked. */
export const cancelBooking = async (db: Db, tenantId: TenantId, b: Booking): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          bookingStatusUpdate(db, tenantId, b, 'cancelled'),
          {
            Update: {
              TableName: db.tableName,
              Key: keys.slot(tenantId, b.date, b.serviceId, b.time),
              UpdateExpression: 'ADD booked :minus',
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
          onlineShare(db, tenantId, b, -1),
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** The write that moves a booking from booked to another status; conditional, so it happens once. */
export const bookingStatusUpdate = (
  db: Db,
  tenantId: TenantId,
  b: Booking,
  status: 'checked_in' | 'no_show' | 'cancelled',
  ticketKey?: string,
): TransactItem => ({
  Update: {
    TableName: db.tableName,
    Key: keys.booking(tenantId, b.date, b.code),
    UpdateExpression: ticketKey ? 'SET #s = :status, ticketKey = :ticket' : 'SET #s = :status',
    ConditionExpression: '#s = :booked',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':status': status,
      ':booked': 'booked',
      ...(ticketKey ? { ':ticket': ticketKey } : {}),
    },
  },
})

/** Marks a booking missed and records it for the phone number's no-show count. False when it was not booked. */
export const markBookingNoShow = async (
  db: Db,
  tenantId: TenantId,
  b: Booking,
  at: Date,
  keepDays: number,
) => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          bookingStatusUpdate(db, tenantId, b, 'no_show'),
          noShowPut(db, tenantId, b, at, keepDays),
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** Every booking of a day (for the day's close). */
export const bookingsOn = async (db: Db, tenantId: TenantId, date: string): Promise<Booking[]> => {
  const prefix = keys.booking(tenantId, date, '')
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
      ConsistentRead: true,
    }),
  )
  return (result.Items ?? []).map((i) => parseItem(bookingSchema, i))
}

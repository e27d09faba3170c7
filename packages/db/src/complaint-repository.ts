import { randomUUID } from 'node:crypto'
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type Complaint, complaint as complaintSchema } from '@mpp/core/complaint'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { earlierResult, type IdempotencyClaim, idempotencyPut } from './idempotency'
import { parseItem } from './item'
import { complaintIndexPk, keys } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

/**
 * The gsi1 entry of a complaint: open ones in one partition per tenant, the responded ones sorted by their
 * reply deadline (`R#2026-12-08#CODE`) and the others by filing (`O#...`); closed ones in another, by closing.
 */
export const complaintIndexKeys = (tenantId: TenantId, c: Complaint) =>
  c.status === 'closed'
    ? { gsi1pk: complaintIndexPk(tenantId, false), gsi1sk: `${c.closedAt ?? c.filedAt}#${c.code}` }
    : {
        gsi1pk: complaintIndexPk(tenantId, true),
        gsi1sk:
          c.status === 'responded' && c.replyBy ? `R#${c.replyBy}#${c.code}` : `O#${c.filedAt}#${c.code}`,
      }

const itemOf = (tenantId: TenantId, c: Complaint) => ({
  ...keys.complaint(tenantId, c.code),
  ...complaintIndexKeys(tenantId, c),
  ...c,
})

export const getComplaint = async (
  db: Db,
  tenantId: TenantId,
  code: string,
): Promise<Complaint | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.complaint(tenantId, code), ConsistentRead: true }),
  )
  return result.Item && parseItem(complaintSchema, result.Item)
}

export type FileResult =
  | { kind: 'filed' }
  | { kind: 'replayed'; code: string }
  /** The key was claimed by a request with other content: nothing written, nothing returned. */
  | { kind: 'key_reused' }
  | { kind: 'code_taken' }
  /** Another transaction held one of the items (a retry with the same key racing the first): try again. */
  | { kind: 'conflict' }

/**
 * Writes a new complaint in one transaction with `also` (the roll-up counters) and, when given, the
 * idempotency key: a retried submission finds the key taken and gets the first complaint's code back, one
 * with other content is `key_reused`.
 */
export const fileComplaint = async (
  db: Db,
  tenantId: TenantId,
  c: Complaint,
  options: { idempotency?: IdempotencyClaim; also?: TransactItem[] } = {},
): Promise<FileResult> => {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: itemOf(tenantId, c),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(options.also ?? []),
  ]
  const idempotencyIndex = items.length
  if (options.idempotency)
    items.push(idempotencyPut(db, tenantId, options.idempotency, { complaintCode: c.code }, c.filedAt))
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }))
    return { kind: 'filed' }
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    const claimed = reasons[idempotencyIndex]
    if (options.idempotency && claimed?.code === 'ConditionalCheckFailed') {
      const earlier = earlierResult(options.idempotency, claimed.item)
      return earlier === 'reused' || typeof earlier.complaintCode !== 'string'
        ? { kind: 'key_reused' }
        : { kind: 'replayed', code: earlier.complaintCode }
    }
    if (reasons[0]?.code === 'ConditionalCheckFailed') return { kind: 'code_taken' }
    if (reasons.some((r) => r.code === 'TransactionConflict')) return { kind: 'conflict' }
    throw error
  }
}

/**
 * Replaces a complaint with its next state if nobody changed it since `c.version` was read, together with
 * `also` (roll-ups). Returns false when it was changed meanwhile: read it again and decide again.
 */
export const saveComplaint = async (
  db: Db,
  tenantId: TenantId,
  next: Complaint,
  expectedVersion: number,
  also: TransactItem[] = [],
): Promise<boolean> => {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: itemOf(tenantId, next),
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    },
    ...also,
  ]
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }))
    return true
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (
      reasons[0]?.code === 'ConditionalCheckFailed' ||
      reasons.some((r) => r.code === 'TransactionConflict')
    )
      return false
    throw error
  }
}

const parseAll = (items: Record<string, unknown>[]) => items.map((i) => parseItem(complaintSchema, i))

/** A tenant's complaints that are not closed, oldest first within each group. One Query of gsi1. */
export const openComplaints = async (db: Db, tenantId: TenantId) =>
  parseAll(
    await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': complaintIndexPk(tenantId, true) },
    }),
  )

/** A tenant's most recently closed complaints, newest first. */
export const recentlyClosedComplaints = async (db: Db, tenantId: TenantId, limit = 100) => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': complaintIndexPk(tenantId, false) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return parseAll(result.Items ?? [])
}

/**
 * The codes of responded complaints whose reply deadline is before `today`: due to close. Reads only those,
 * through the key range `R#` .. `R#{today}` of the tenant's open complaints.
 */
export const quietComplaintCodes = async (db: Db, tenantId: TenantId, today: string): Promise<string[]> => {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': complaintIndexPk(tenantId, true),
      ':from': 'R#',
      ':to': `R#${today}`,
    },
    ProjectionExpression: '#code',
    ExpressionAttributeNames: { '#code': 'code' },
  })
  return items.map((i) => String(i.code))
}

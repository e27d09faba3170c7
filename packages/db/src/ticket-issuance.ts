import { randomUUID } from 'node:crypto'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import type { Ticket } from '@mpp/core/ticket'
import type { Db } from './client'
import { earlierResult, type IdempotencyClaim, idempotencyPut } from './idempotency'
import { keys } from './keys'
import { type DayMetric, serviceMetricAttribute, type WaitingMarker } from './live-repository'
import { type OutboxMessage, outboxPut } from './outbox-repository'
import { cancelReasons, type TransactItem } from './transactions'
import { updateExpression } from './update-expression'

export interface IssueAttempt {
  tenantId: TenantId
  /** The ticket to write; its number is `expectedLast + 1`. */
  ticket: Ticket
  expectedLast: number
  /** The day's limit of the channel the ticket uses (online or walk-in), when it counts against one. */
  quota?: { metric: Extract<DayMetric, 'issuedOnline' | 'issuedWalkIn'>; limit: number }
  idempotency?: IdempotencyClaim
  outbox?: OutboxMessage[]
  /** More writes that must succeed with the ticket (a booking marked checked in); their failure is `extra_failed`. */
  also?: TransactItem[]
  /** Condition-checked counters of the request's rate limits; a full one fails the try as `limited`. */
  limits?: TransactItem[]
}

export type IssueResult =
  | { kind: 'issued' }
  | { kind: 'extra_failed' }
  /** These of the `limits` items were full: nothing written. */
  | { kind: 'limited'; failed: number[] }
  | { kind: 'replayed'; ticketKey: string }
  /** The key was claimed by a request with other content: nothing written, nothing returned. */
  | { kind: 'key_reused' }
  | { kind: 'stale'; last: number }
  | { kind: 'quota_full' }
  | { kind: 'conflict' }

export const waitingMarkerOf = (t: Ticket): WaitingMarker => ({
  ticketKey: t.key,
  queueId: t.queueId,
  serviceId: t.serviceId,
  label: t.label,
  priority: t.priority,
  channel: t.channel,
  arrivedAt: t.arrivedAt,
  ...(t.slotAt ? { slotAt: t.slotAt } : {}),
  ...(t.phone ? { phone: t.phone } : {}),
})

/**
 * One try at issuing a ticket, in one transaction: the queue's counter moves from `expectedLast` to the
 * ticket's number (and counts the ticket for the day's statistics), the ticket and its place in line are
 * written, and the idempotency key is claimed. Numbers are therefore unique and gapless: a number exists only
 * if its ticket does. A wrong guess of `expectedLast` fails with the counter's real value, so the caller
 * retries at once; DynamoDB cannot hand out the number inside a transaction, hence the guess.
 */
export const tryIssueTicket = async (db: Db, a: IssueAttempt): Promise<IssueResult> => {
  const { ticket, tenantId } = a
  const counter = updateExpression()
    .set('last', ticket.number)
    .set('queueId', ticket.queueId)
    .add('issued', 1)
    .add(serviceMetricAttribute(ticket.serviceId, 'issued'), 1)
  if (a.quota) counter.add(a.quota.metric, 1)
  const last = counter.name('last')
  let condition =
    a.expectedLast === 0 ? `attribute_not_exists(${last})` : `${last} = ${counter.value(a.expectedLast)}`
  if (a.quota) {
    const used = counter.name(a.quota.metric)
    condition += ` AND (attribute_not_exists(${used}) OR ${used} < ${counter.value(a.quota.limit)})`
  }

  const transactItems: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.liveQueue(tenantId, ticket.day, ticket.queueId),
        ...counter.build(),
        ConditionExpression: condition,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.ticket(tenantId, ticket.key), ...ticket },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.waiting(tenantId, ticket.day, ticket.arrivedAt, ticket.key),
          ...waitingMarkerOf(ticket),
        },
      },
    },
    ...(a.outbox ?? []).map((m) => outboxPut(db, tenantId, m)),
  ]
  const alsoFrom = transactItems.length
  transactItems.push(...(a.also ?? []))
  const limitsFrom = transactItems.length
  transactItems.push(...(a.limits ?? []))
  const idempotencyIndex = transactItems.length
  if (a.idempotency) {
    transactItems.push(
      idempotencyPut(db, tenantId, a.idempotency, { ticketKey: ticket.key }, ticket.issuedAt),
    )
  }

  try {
    // A fresh token per try: the SDK's own retries of this very request are then applied at most once.
    await db.doc.send(
      new TransactWriteCommand({ TransactItems: transactItems, ClientRequestToken: randomUUID() }),
    )
    return { kind: 'issued' }
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    const claimed = reasons[idempotencyIndex]
    if (a.idempotency && claimed?.code === 'ConditionalCheckFailed') {
      const earlier = earlierResult(a.idempotency, claimed.item)
      return earlier === 'reused' || typeof earlier.ticketKey !== 'string'
        ? { kind: 'key_reused' }
        : { kind: 'replayed', ticketKey: earlier.ticketKey }
    }
    // A replay above answers even past the limits (it writes nothing); a full window refuses before a stale guess.
    const failed = (a.limits ?? [])
      .map((_, i) => i)
      .filter((i) => reasons[limitsFrom + i]?.code === 'ConditionalCheckFailed')
    if (failed.length > 0) return { kind: 'limited', failed }
    const queue = reasons[0]
    if (queue?.code === 'ConditionalCheckFailed') {
      const actual = Number(queue.item?.last ?? 0)
      return actual !== a.expectedLast ? { kind: 'stale', last: actual } : { kind: 'quota_full' }
    }
    if (reasons[1]?.code === 'ConditionalCheckFailed') return { kind: 'stale', last: ticket.number }
    if (reasons.slice(alsoFrom, limitsFrom).some((r) => r.code === 'ConditionalCheckFailed')) {
      return { kind: 'extra_failed' }
    }
    if (reasons.some((r) => r.code === 'TransactionConflict')) return { kind: 'conflict' }
    throw error
  }
}

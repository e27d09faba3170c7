import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import type { Ticket, TicketEvent } from '@mpp/core/ticket'
import type { TicketStatus } from '@mpp/core/ticket-lifecycle'
import type { Db } from './client'
import { keys } from './keys'
import {
  type CounterCall,
  type DayCounts,
  queueMetricAttribute,
  serviceMetricAttribute,
  type WaitingMarker,
} from './live-repository'
import { type OutboxMessage, outboxPut } from './outbox-repository'
import { cancelReasons, type TransactItem } from './transactions'
import { updateExpression } from './update-expression'

type TicketFields = Partial<Omit<Ticket, 'key' | 'day' | 'events' | 'secret'>>

/** Everything one step of a ticket's life changes, written in one transaction. */
export interface TicketChange {
  ticketKey: string
  day: string
  /** The change applies only while the ticket is in one of these statuses (so two counters cannot both act). */
  expectStatus: TicketStatus[]
  /** And, when set, only while this counter holds it. */
  expectCounterId?: string
  set: TicketFields
  remove?: (keyof TicketFields)[]
  event: TicketEvent
  /** Leave the line (the marker must still be there) and/or join it again. */
  waiting?: { leave?: WaitingMarker; join?: WaitingMarker }
  /** Go on hold (listed for any counter to resume) or come back from it. */
  held?: { put?: WaitingMarker; remove?: WaitingMarker }
  /** The counter's new state; `expectSeq` guards against two actions on one counter at once. */
  counterCall?: { put: CounterCall; expectSeq: number | undefined }
  /**
   * Counts for the day's statistics: on the counter's own item when a counter acts (counters then never
   * write the same item), on the queue's item otherwise (the day's close).
   */
  stats?: { counterId?: string; queueId: string; serviceId: string; add: Partial<DayCounts> }[]
  outbox?: OutboxMessage[]
  /** More unconditional writes that belong to the same step (a missed appointment recorded for the no-show rule). */
  also?: TransactItem[]
}

export type ChangeResult = 'done' | 'ticket_moved' | 'line_moved' | 'counter_moved' | 'conflict'

/**
 * Applies a ticket change atomically. A failed condition says which part moved under us: the ticket's status
 * (`ticket_moved`), its place in line (`line_moved`, someone else called it) or the counter (`counter_moved`).
 */
export const commitTicketChange = async (
  db: Db,
  tenantId: TenantId,
  c: TicketChange,
): Promise<ChangeResult> => {
  const ticket = { key: c.ticketKey, day: c.day }
  const update = updateExpression()
  for (const [field, value] of Object.entries(c.set)) if (value !== undefined) update.set(field, value)
  for (const field of c.remove ?? []) update.remove(field)
  update.append('events', c.event)
  const status = update.name('status')
  let condition = `${status} IN (${c.expectStatus.map((s) => update.value(s)).join(', ')})`
  if (c.expectCounterId) condition += ` AND ${update.name('counterId')} = ${update.value(c.expectCounterId)}`

  const items: { part: 'ticket' | 'line' | 'counter' | 'other'; item: TransactItem }[] = [
    {
      part: 'ticket',
      item: {
        Update: {
          TableName: db.tableName,
          Key: keys.ticket(tenantId, ticket.key),
          ...update.build(),
          ConditionExpression: condition,
        },
      },
    },
  ]
  const { leave, join } = c.waiting ?? {}
  if (leave) {
    items.push({
      part: 'line',
      item: {
        Delete: {
          TableName: db.tableName,
          Key: keys.waiting(tenantId, ticket.day, leave.arrivedAt, leave.ticketKey),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    })
  }
  if (join) {
    items.push({
      part: 'other',
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.waiting(tenantId, ticket.day, join.arrivedAt, join.ticketKey), ...join },
        },
      },
    })
  }
  if (c.held?.put) {
    const m = c.held.put
    items.push({
      part: 'other',
      item: {
        Put: { TableName: db.tableName, Item: { ...keys.held(tenantId, ticket.day, m.ticketKey), ...m } },
      },
    })
  }
  if (c.held?.remove) {
    const key = keys.held(tenantId, ticket.day, c.held.remove.ticketKey)
    items.push({ part: 'other', item: { Delete: { TableName: db.tableName, Key: key } } })
  }
  if (c.counterCall) {
    const { put, expectSeq } = c.counterCall
    items.push({
      part: 'counter',
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.counterCall(tenantId, ticket.day, put.counterId), ...put },
          ConditionExpression: expectSeq === undefined ? 'attribute_not_exists(pk)' : 'callSeq = :seq',
          ...(expectSeq === undefined ? {} : { ExpressionAttributeValues: { ':seq': expectSeq } }),
        },
      },
    })
  }
  // One update per item: a transfer counts out of one queue and into another on the same counter's item.
  const statsItems = new Map<
    string,
    { key: { pk: string; sk: string }; update: ReturnType<typeof updateExpression> }
  >()
  for (const s of c.stats ?? []) {
    const key = s.counterId
      ? keys.counterStats(tenantId, ticket.day, s.counterId)
      : keys.liveQueue(tenantId, ticket.day, s.queueId)
    const entry = statsItems.get(key.sk) ?? { key, update: updateExpression() }
    statsItems.set(key.sk, entry)
    for (const [metric, by] of Object.entries(s.add) as [keyof DayCounts, number][]) {
      entry.update.add(s.counterId ? queueMetricAttribute(s.queueId, metric) : metric, by)
      entry.update.add(serviceMetricAttribute(s.serviceId, metric), by)
    }
    if (!s.counterId) entry.update.set('queueId', s.queueId)
  }
  for (const { key, update: stats } of statsItems.values()) {
    items.push({ part: 'other', item: { Update: { TableName: db.tableName, Key: key, ...stats.build() } } })
  }
  for (const m of c.outbox ?? []) items.push({ part: 'other', item: outboxPut(db, tenantId, m) })
  for (const item of c.also ?? []) items.push({ part: 'other', item })

  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }))
    return 'done'
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    const failed = items.find((_, i) => reasons[i]?.code === 'ConditionalCheckFailed')
    if (failed?.part === 'ticket') return 'ticket_moved'
    if (failed?.part === 'line') return 'line_moved'
    if (failed?.part === 'counter') return 'counter_moved'
    if (reasons.some((r) => r.code === 'TransactionConflict')) return 'conflict'
    throw error
  }
}

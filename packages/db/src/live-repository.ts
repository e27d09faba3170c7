import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { entityId } from '@mpp/core/catalog'
import { ticketChannel } from '@mpp/core/queue'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, livePk, skPrefix } from './keys'
import { queryAll } from './query-all'

/** The statistics a queue's live item counts for the day, for the queue and per service. */
export const dayMetrics = [
  'issued',
  'issuedOnline',
  'issuedWalkIn',
  'called',
  'served',
  'noShow',
  'expired',
  'transferredIn',
  'transferredOut',
  'waitSecondsSum',
  'waitCount',
  'serviceSecondsSum',
  'serviceCount',
  // Calls within 5, 10, 15, 30 and 60 minutes of arrival: the "served within N minutes" shares.
  'waitUpTo5',
  'waitUpTo10',
  'waitUpTo15',
  'waitUpTo30',
  'waitUpTo60',
] as const
export type DayMetric = (typeof dayMetrics)[number]
export type DayCounts = Record<DayMetric, number>

/** Per-service counts are flat attributes (`svc#<serviceId>#<metric>`) so that ADD can create them. */
export const serviceMetricAttribute = (serviceId: string, metric: DayMetric) => `svc#${serviceId}#${metric}`
/** On a counter's statistics item, its counts per queue (`q#<queueId>#<metric>`). */
export const queueMetricAttribute = (queueId: string, metric: DayMetric) => `q#${queueId}#${metric}`

/** Counts held in flat `<kind>#<id>#<metric>` attributes, grouped by id. */
const groupedCounts = (item: Record<string, unknown>, kind: 'svc' | 'q'): Record<string, DayCounts> => {
  const groups: Record<string, DayCounts> = {}
  for (const [attribute, value] of Object.entries(item)) {
    if (!attribute.startsWith(`${kind}#`)) continue
    const [, id, metric] = attribute.split('#') as [string, string, DayMetric]
    groups[id] ??= zeroCounts()
    groups[id][metric] = typeof value === 'number' ? value : 0
  }
  return groups
}

export const zeroCounts = (): DayCounts => Object.fromEntries(dayMetrics.map((m) => [m, 0])) as DayCounts

export interface LiveQueue extends DayCounts {
  queueId: string
  /** The last number issued today; the next ticket gets last + 1. */
  last: number
  services: Record<string, DayCounts>
}

export const waitingMarker = z
  .object({
    ticketKey: z.string(),
    queueId: entityId,
    serviceId: entityId,
    label: z.string(),
    priority: z.boolean(),
    channel: ticketChannel,
    arrivedAt: z.iso.datetime(),
    slotAt: z.iso.datetime().optional(),
    /** For the notification when the ticket is nearly called; never shown on the board. */
    phone: z.string().optional(),
  })
  .strict()
export type WaitingMarker = z.infer<typeof waitingMarker>

/** One call a counter made, as a reconnecting display board needs it to announce what it missed. */
export const recentCall = z
  .object({
    label: z.string(),
    queueId: entityId,
    callSeq: z.number().int(),
    calledAt: z.iso.datetime(),
  })
  .strict()
export type RecentCall = z.infer<typeof recentCall>

/** Enough to cover a board's reconnect (a few seconds to a minute); small, so the item stays one write unit. */
export const recentCallsKept = 5

/** The counter's recent calls with one more, oldest first, the oldest dropped past `recentCallsKept`. */
export const withRecentCall = (recent: RecentCall[] | undefined, call: RecentCall): RecentCall[] =>
  [...(recent ?? []), call].slice(-recentCallsKept)

export const counterCall = z
  .object({
    counterId: entityId,
    counterNumber: z.number().int(),
    /** Raised by every call and recall, so the display board knows to announce again. */
    callSeq: z.number().int(),
    priorityStreak: z.number().int(),
    ticketKey: z.string().optional(),
    label: z.string().optional(),
    queueId: entityId.optional(),
    /** What the officer needs at hand about the ticket called: its service and whether it claims priority. */
    serviceId: entityId.optional(),
    priority: z.boolean().optional(),
    channel: ticketChannel.optional(),
    status: z.enum(['called', 'serving', 'idle']),
    calledAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime(),
    /** Service durations of this counter's latest completed tickets, newest last: the wait estimate's input. */
    recentServiceSeconds: z.array(z.number()).optional(),
    /** Its last few calls and recalls, oldest first (`withRecentCall`): the board's resync announces the missed ones. */
    recentCalls: z.array(recentCall).max(recentCallsKept).optional(),
  })
  .strict()
export type CounterCall = z.infer<typeof counterCall>

const toLiveQueue = (item: Record<string, unknown>): LiveQueue => {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0)
  const services = groupedCounts(item, 'svc')
  const counts = zeroCounts()
  for (const m of dayMetrics) counts[m] = num(item[m])
  return {
    ...counts,
    queueId: String(item.queueId),
    last: num(item.last),
    services,
  }
}

/** What one counter did today, per queue and per service. */
export interface CounterStats {
  counterId: string
  queues: Record<string, DayCounts>
  services: Record<string, DayCounts>
}

export interface LiveDay {
  queues: LiveQueue[]
  counterStats: CounterStats[]
  /** The line, oldest arrival first. */
  waiting: WaitingMarker[]
  held: WaitingMarker[]
  counters: CounterCall[]
}

/**
 * The whole live state of a tenant's day in one Query. Consistent where a decision depends on it (calling
 * the next ticket); eventually consistent where a second of lag is fine (the display board).
 */
export const readLiveDay = async (
  db: Db,
  tenantId: TenantId,
  day: string,
  consistent: boolean,
): Promise<LiveDay> => {
  const live: LiveDay = { queues: [], counterStats: [], waiting: [], held: [], counters: [] }
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': livePk(tenantId, day) },
        ConsistentRead: consistent,
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) {
      const sk = String(item.sk)
      if (sk.startsWith(skPrefix.liveQueues)) live.queues.push(toLiveQueue(item))
      else if (sk.startsWith(skPrefix.waiting)) live.waiting.push(parseItem(waitingMarker, item))
      else if (sk.startsWith(skPrefix.held)) live.held.push(parseItem(waitingMarker, item))
      else if (sk.startsWith(skPrefix.counterCalls)) live.counters.push(parseItem(counterCall, item))
      else if (sk.startsWith(skPrefix.counterStats)) {
        live.counterStats.push({
          counterId: sk.slice(skPrefix.counterStats.length),
          queues: groupedCounts(item, 'q'),
          services: groupedCounts(item, 'svc'),
        })
      }
    }
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return live
}

/**
 * What calling the next ticket decides on, read consistently: the line and this counter's own call, in two
 * requests sent together. The rest of the live day (the queues' and counters' counts, the other counters'
 * calls, the held tickets) is not read: on a busy day it is a good part of the partition.
 */
export const readCallState = async (
  db: Db,
  tenantId: TenantId,
  day: string,
  counterId: string,
): Promise<{ waiting: WaitingMarker[]; current: CounterCall | undefined }> => {
  const [waiting, current] = await Promise.all([
    queryAll(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :waiting)',
      ExpressionAttributeValues: { ':pk': livePk(tenantId, day), ':waiting': skPrefix.waiting },
      ConsistentRead: true,
    }),
    db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.counterCall(tenantId, day, counterId),
        ConsistentRead: true,
      }),
    ),
  ])
  return {
    waiting: waiting.map((item) => parseItem(waitingMarker, item)),
    current: current.Item && parseItem(counterCall, current.Item),
  }
}

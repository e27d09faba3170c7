import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { Clock } from '@mpp/core/clock'
import type { CallMessage, LiveMessage, QueueMessage, TicketMessage } from '@mpp/core/live-messages'
import type { Tenant, TenantId } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import {
  type ConnectionTopic,
  deleteLiveConnection,
  type LiveConnection,
  queryLiveConnections,
} from '@mpp/db/live-connection-repository'
import { type CounterCall, type LiveDay, readLiveDay } from '@mpp/db/live-repository'
import { getTenant } from '@mpp/db/tenant-repository'
import { inTenantScope } from '@mpp/db/tenant-scope'
import { queueLine } from '../queue/line-position'
import { createTtlCache } from '../ttl-cache'

/**
 * One record of the table's stream as the fan-out reads it: the shape of a DynamoDB Streams record, whether it
 * came from Lambda's event source (AWS) or from GetRecords on DynamoDB Local's stream (`npm start`, tests).
 * The table's stream carries NEW_IMAGE: an insert or a change has the item, a removal only its keys.
 */
export interface LiveStreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' | string
  dynamodb?: {
    Keys?: Record<string, unknown>
    NewImage?: Record<string, unknown>
  }
}

/** Where the messages go: API Gateway's PostToConnection in AWS, the open node-ws socket locally. */
export interface LiveSender {
  /** `gone` when the connection no longer exists (410 in AWS, a closed socket locally): its record is pruned. */
  send(connectionId: string, message: LiveMessage): Promise<'sent' | 'gone'>
}

export type {
  CallMessage,
  ConsoleMessage,
  LiveMessage,
  QueueMessage,
  TicketMessage,
} from '@mpp/core/live-messages'

export interface FanoutDeps {
  db: Db
  now: Clock
  sender: LiveSender
}

export interface FanoutResult {
  sent: number
  gone: number
  /** Table requests made: one live-day Query per tenant-day whose lines changed, one Query per topic read. */
  reads: number
}

/** How long after `$connect` a connection answered as gone is still taken to be opening. */
export const openingGraceMs = 10_000

/** How many upcoming numbers a queue message lists, as the board does. */
const upcoming = 5

/**
 * A count that only moves a step at a time (a waiting citizen's place, a console's line) is told on every move
 * up to 10, and past that only at every fifth (15, 20, …): what a phone or console shows is never more than four
 * out, at a fraction of the messages; the officer's own next action shows the console the exact count.
 */
export const thinnedCounts = { everyMoveWithin: 10, step: 5 } as const
const tellsCount = (n: number) => n <= thinnedCounts.everyMoveWithin || n % thinnedCounts.step === 0

const livePartition = /^T#(\d{2}\.\d{2})#L#(\d{4}-\d{2}-\d{2})$/
const ticketPartition = /^T#(\d{2}\.\d{2})#TK#/
/** `<day>.<queueId>.<number>`: the queue a ticket (and so its waiting or held marker) belongs to. */
const queueOfTicketKey = (key: string) => key.split('.')[1]

interface TenantChanges {
  tenantId: TenantId
  /** Each counter's calls in stream order, one per call sequence (its latest state). */
  calls: Map<string, BatchCall[]>
  /** Changed queues per day. */
  queues: Map<string, Set<string>>
  /**
   * Per `<day>|<queueId>`, the tickets that joined its line when joining is all that changed it: a board is only
   * told when one of them is among the next numbers it shows.
   */
  joinedOnly: Map<string, Set<string>>
  tickets: Map<string, Record<string, unknown>>
}

/**
 * A call's latest state in the batch, and whether the batch holds the call (or recall) itself: a call and a
 * recall set `calledAt` and `updatedAt` alike, a start or finish only `updatedAt`.
 */
type BatchCall = CounterCall & { day: string; announced: boolean }

const changesOf = (records: LiveStreamRecord[]): Map<TenantId, TenantChanges> => {
  const byTenant = new Map<TenantId, TenantChanges>()
  const of = (tenantId: TenantId) => {
    let changes = byTenant.get(tenantId)
    if (!changes) {
      changes = { tenantId, calls: new Map(), queues: new Map(), joinedOnly: new Map(), tickets: new Map() }
      byTenant.set(tenantId, changes)
    }
    return changes
  }
  for (const record of records) {
    const keys = record.dynamodb?.Keys && unmarshall(record.dynamodb.Keys as never)
    const pk = typeof keys?.pk === 'string' ? keys.pk : undefined
    const sk = typeof keys?.sk === 'string' ? keys.sk : undefined
    if (!pk || !sk) continue
    const image = record.dynamodb?.NewImage && unmarshall(record.dynamodb.NewImage as never)
    const live = livePartition.exec(pk)
    if (live) {
      const [, tenantId, day] = live as unknown as [string, TenantId, string]
      const changes = of(tenantId)
      if (sk.startsWith('C#') && image) {
        const call = image as CounterCall
        const calls = changes.calls.get(call.counterId) ?? []
        const last = calls.at(-1)
        const announced = call.calledAt !== undefined && call.calledAt === call.updatedAt
        // A start or finish after a call in the same batch only updates that call's state.
        if (last && last.callSeq === call.callSeq)
          calls[calls.length - 1] = { ...call, day, announced: last.announced || announced }
        else calls.push({ ...call, day, announced })
        changes.calls.set(call.counterId, calls)
      } else if (sk.startsWith('W#') || sk.startsWith('H#')) {
        const ticketKey = sk.split('#').at(-1) ?? ''
        const queueId = queueOfTicketKey(ticketKey)
        if (!queueId) continue
        const queues = changes.queues.get(day) ?? new Set()
        const joined = sk.startsWith('W#') && record.eventName === 'INSERT'
        const lineKey = `${day}|${queueId}`
        if (!queues.has(queueId) && joined) changes.joinedOnly.set(lineKey, new Set([ticketKey]))
        else if (joined) changes.joinedOnly.get(lineKey)?.add(ticketKey)
        else changes.joinedOnly.delete(lineKey)
        queues.add(queueId)
        changes.queues.set(day, queues)
      }
      continue
    }
    const ticket = ticketPartition.exec(pk)
    if (ticket && image) of(ticket[1] as TenantId).tickets.set(sk, image)
  }
  return byTenant
}

const callMessage = (call: BatchCall & { label: string }): CallMessage => ({
  type: 'call',
  day: call.day,
  counterId: call.counterId,
  counterNumber: call.counterNumber,
  label: call.label,
  queueId: call.queueId ?? '',
  status: call.status,
  calledAt: call.calledAt ?? call.updatedAt,
  callSeq: call.callSeq,
})

const shows = (connection: LiveConnection, counterId: string | undefined, queueId: string | undefined) =>
  (!connection.counterIds || (counterId !== undefined && connection.counterIds.includes(counterId))) &&
  (!connection.queueIds || (queueId !== undefined && connection.queueIds.includes(queueId)))

/**
 * Turns a batch of the table's stream into messages for the connections that follow what changed, and sends
 * them. Every writer of the live state is covered without publishing anything: calls and counter actions, new
 * tickets, the scheduled day close. Per tenant: at most one live-day Query (for the lines), one Query per
 * topic kind, one per followed ticket that changed. Connections found gone are pruned.
 */
export const createFanout = (deps: FanoutDeps) => {
  // The priority ratio orders the line; a tenant's settings change seldom, so one read a minute will do.
  const tenants = createTtlCache((id) => getTenant(deps.db, id), deps.now, 60_000)

  const deliver = async (
    tenantId: TenantId,
    connection: LiveConnection,
    message: LiveMessage,
    result: FanoutResult,
  ) => {
    const outcome = await deps.sender.send(connection.connectionId, message)
    if (outcome === 'sent') {
      result.sent++
      return
    }
    result.gone++
    // API Gateway answers 410 until `$connect` has returned, after the records were written: a connection that
    // young is opening, not gone (it resyncs over HTTP once open, so it misses nothing).
    if (deps.now().getTime() - Date.parse(connection.connectedAt) < openingGraceMs) return
    await deleteLiveConnection(
      deps.db,
      tenantId,
      connection.topic as ConnectionTopic,
      connection.connectionId,
    )
  }

  const fanTenant = async (changes: TenantChanges, result: FanoutResult) => {
    const { tenantId } = changes
    const now = deps.now()
    const connectionsOf = async (prefix: string) => {
      result.reads++
      return queryLiveConnections(deps.db, tenantId, prefix, now)
    }
    const calls = [...changes.calls.values()]
      .flat()
      .filter((c): c is BatchCall & { label: string } => !!c.label)
      .map((c) => ({ message: callMessage(c), announced: c.announced }))
      .sort(
        (a, b) =>
          a.message.calledAt.localeCompare(b.message.calledAt) || a.message.callSeq - b.message.callSeq,
      )
    let queues: QueueMessage[] = []
    /** Queues whose change a board shows: every one but those where tickets only joined behind its next numbers. */
    const boardQueues = new Set<QueueMessage>()
    let lines: Map<string, LiveDay> = new Map()
    let ratio = 0
    /** Each queue's order, worked out once per batch for the boards, consoles, tickets and places alike. */
    const orders = new Map<string, ReturnType<typeof queueLine>>()
    const orderOf = (day: string, queueId: string, line: LiveDay) => {
      const key = `${day}|${queueId}`
      const order = orders.get(key) ?? queueLine(line, queueId, now, ratio)
      orders.set(key, order)
      return order
    }
    if (changes.queues.size > 0) {
      const tenant: Tenant | undefined = await tenants.get(tenantId)
      ratio = tenant?.queueSettings.priorityRatio ?? 0
      lines = new Map(
        await Promise.all(
          [...changes.queues.keys()].map(async (day) => {
            result.reads++
            return [day, await readLiveDay(deps.db, tenantId, day, true)] as const
          }),
        ),
      )
      queues = [...changes.queues].flatMap(([day, ids]) =>
        [...ids].map((id): QueueMessage => {
          const line = orderOf(day, id, lines.get(day) as LiveDay)
          const shown = line.slice(0, upcoming)
          const message: QueueMessage = {
            type: 'queue',
            day,
            id,
            waiting: line.length,
            next: shown.map((m) => m.label),
          }
          const joined = changes.joinedOnly.get(`${day}|${id}`)
          if (!joined || shown.some((m) => joined.has(m.ticketKey))) boardQueues.add(message)
          return message
        }),
      )
    }
    const sends: Promise<void>[] = []
    if (calls.length > 0 || queues.length > 0) {
      const [boards, consoles] = await Promise.all([connectionsOf('board#'), connectionsOf('counter#')])
      for (const board of boards) {
        // A board shows and announces calls; a counter starting or finishing changes nothing on it. A call
        // carries its queue's line, which then needs no message of its own.
        const told = new Set<QueueMessage>()
        for (const { message, announced } of calls) {
          if (!announced || !shows(board, message.counterId, message.queueId)) continue
          const line = queues.find((q) => q.day === message.day && q.id === message.queueId && !told.has(q))
          if (line) told.add(line)
          const queue = line && { waiting: line.waiting, next: line.next }
          sends.push(deliver(tenantId, board, { ...message, ...(queue && { queue }) }, result))
        }
        for (const queue of boardQueues)
          if (!told.has(queue) && shows({ ...board, counterIds: undefined }, undefined, queue.id))
            sends.push(deliver(tenantId, board, queue, result))
      }
      for (const console of consoles) {
        const counterId = console.topic.slice('counter#'.length)
        const call = calls.filter((c) => c.message.counterId === counterId).at(-1)?.message
        // With its own call the message goes anyway and carries every line; alone, a line is thinned.
        const served = queues.filter(
          (q) => console.queueIds?.includes(q.id) && (call || tellsCount(q.waiting)),
        )
        if (call || served.length > 0)
          sends.push(
            deliver(
              tenantId,
              console,
              { type: 'console', counterId, ...(call && { call }), queues: served },
              result,
            ),
          )
      }
    }
    for (const [key, ticket] of changes.tickets) {
      const followers = await connectionsOf(`ticket#${key}#`)
      if (followers.length === 0) continue
      const message: TicketMessage = {
        type: 'ticket',
        key,
        label: String(ticket.label),
        status: String(ticket.status),
        queueId: String(ticket.queueId),
        ...(typeof ticket.counterNumber === 'number' && { counterNumber: ticket.counterNumber }),
        ...(typeof ticket.calledAt === 'string' && { calledAt: ticket.calledAt }),
      }
      const line = lines.get(String(ticket.day))
      if (line && ticket.status === 'waiting') {
        const ahead = orderOf(String(ticket.day), message.queueId, line).findIndex((m) => m.ticketKey === key)
        if (ahead >= 0) message.peopleAhead = ahead
      }
      for (const follower of followers) sends.push(deliver(tenantId, follower, message, result))
    }
    // A line that moved (a call, a ticket back from hold, one cancelled) moves the places of those behind, whose
    // tickets did not change: their followers are told their new place, thinned (`thinnedCounts`). Joining at the
    // back moves no one.
    for (const queue of queues) {
      if (changes.joinedOnly.has(`${queue.day}|${queue.id}`)) continue
      const followers = await connectionsOf(`ticket#${queue.day}.${queue.id}.`)
      if (followers.length === 0) continue
      const order = orderOf(queue.day, queue.id, lines.get(queue.day) as LiveDay)
      const places = new Map(order.map((marker, ahead) => [marker.ticketKey, { marker, ahead }]))
      for (const follower of followers) {
        const key = follower.topic.slice('ticket#'.length)
        const place = places.get(key)
        if (!place || changes.tickets.has(key) || !tellsCount(place.ahead)) continue
        const message: TicketMessage = {
          type: 'ticket',
          key,
          label: place.marker.label,
          status: 'waiting',
          queueId: queue.id,
          peopleAhead: place.ahead,
        }
        sends.push(deliver(tenantId, follower, message, result))
      }
    }
    await Promise.all(sends)
  }

  return {
    /** Handles one batch of stream records; tenants one after another, each in its own tenant scope. */
    async handle(records: LiveStreamRecord[]): Promise<FanoutResult> {
      const result: FanoutResult = { sent: 0, gone: 0, reads: 0 }
      for (const changes of changesOf(records).values())
        await inTenantScope(changes.tenantId, () => fanTenant(changes, result))
      return result
    },
  }
}
export type Fanout = ReturnType<typeof createFanout>

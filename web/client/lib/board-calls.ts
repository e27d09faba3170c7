import type { CallMessage, QueueMessage } from '@mpp/core/live-messages'
import { callAnnouncement } from '@mpp/core/spoken-number'

export type { CallMessage, QueueMessage }

/** The display board's data as GET /api/board returns it. */
export interface BoardCall {
  counterNumber: number
  label: string
  queueId: string
  status: string
  calledAt: string
  callSeq: number
}

export interface BoardQueue {
  id: string
  prefix: string
  name: string
  waiting: number
  next: string[]
}

export interface BoardData {
  day: string
  now: string
  timeZone: string
  calls: BoardCall[]
  /** Every shown counter's last few calls, oldest first: what a resync announces past the cursors. */
  recentCalls?: Omit<BoardCall, 'status'>[]
  queues: BoardQueue[]
}

const labelPattern = /^([A-Z]{1,2})-(\d{1,9})$/

/** The prefix and number of a printed label: `A-012` is A and 12. */
export const parseLabel = (label: string): { prefix: string; number: number } | undefined => {
  const match = labelPattern.exec(label)
  return match ? { prefix: match[1] as string, number: Number(match[2]) } : undefined
}

/** What the board says for a call, exactly as core words it; undefined for a label it cannot read. */
export const announcementFor = (call: Pick<BoardCall, 'label' | 'counterNumber'>): string | undefined => {
  const parsed = parseLabel(call.label)
  if (!parsed) return undefined
  try {
    return callAnnouncement(parsed.prefix, parsed.number, call.counterNumber)
  } catch {
    return undefined
  }
}

/** A call as the board's resync (`recentCalls`) and the `call` message carry it. */
type Seen = Pick<BoardCall, 'counterNumber' | 'callSeq' | 'calledAt'>

/** The order calls happened in: by `calledAt`, then `callSeq` (a recall in the same millisecond). */
const byTime = (a: Seen, b: Seen) => a.calledAt.localeCompare(b.calledAt) || a.callSeq - b.callSeq

/**
 * Finds the calls the board has not announced yet. The cursor is the highest `callSeq` seen per counter (a call
 * or a recall raises it; a start or finish keeps it); `callSeq` restarts each business day, so a new day starts
 * every cursor afresh. The calls on the board when it loaded are the starting point and are never reported.
 */
export class CallTracker {
  private readonly cursor = new Map<number, number>()

  constructor(
    private day: string,
    initial: readonly Seen[],
  ) {
    for (const call of initial) this.see(call)
  }

  private see(call: Seen) {
    this.cursor.set(call.counterNumber, Math.max(call.callSeq, this.cursor.get(call.counterNumber) ?? 0))
  }

  /**
   * The calls of `day` in `calls` past each counter's cursor, oldest first (the order to announce them in),
   * each once: the cursors move past them. Works the same for a resync's `recentCalls` (several per counter)
   * and a pushed `call` message.
   */
  update<C extends Seen>(day: string, calls: readonly C[]): C[] {
    if (day < this.day) return []
    if (day > this.day) {
      this.day = day
      this.cursor.clear()
    }
    const fresh: C[] = []
    for (const call of [...calls].sort(byTime)) {
      if (call.callSeq > (this.cursor.get(call.counterNumber) ?? 0)) fresh.push(call)
      this.see(call)
    }
    return fresh
  }
}

export type BoardMessage = CallMessage | QueueMessage

/**
 * Each counter's latest call, newest first, after a `call` message: the counter's row takes the message's state
 * unless the row already shows a later call of the same day.
 */
export const withCall = (
  calls: readonly BoardCall[],
  day: string,
  boardDay: string,
  message: CallMessage,
) => {
  const before = calls.find((c) => c.counterNumber === message.counterNumber)
  if (day === boardDay && before && before.callSeq > message.callSeq) return [...calls]
  const call: BoardCall = {
    counterNumber: message.counterNumber,
    label: message.label,
    queueId: message.queueId,
    status: message.status,
    calledAt: message.calledAt,
    callSeq: message.callSeq,
  }
  return [call, ...calls.filter((c) => c.counterNumber !== message.counterNumber)].sort(
    (a, b) => b.calledAt.localeCompare(a.calledAt) || b.callSeq - a.callSeq,
  )
}

/** The queues after a `queue` message: a queue this board shows takes the new count and numbers. */
export const withQueue = (queues: readonly BoardQueue[], message: QueueMessage) =>
  queues.map((q) => (q.id === message.id ? { ...q, waiting: message.waiting, next: [...message.next] } : q))

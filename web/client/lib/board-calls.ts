import { callAnnouncement } from '@mpp/core/spoken-number'

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

type Seen = Pick<BoardCall, 'counterNumber' | 'callSeq' | 'calledAt'>

/**
 * Finds the calls that are new since the board last looked: a counter whose `callSeq` rose (a call or a
 * recall), or a counter not seen calling before. The calls present when the board was loaded are the
 * starting point and are never reported.
 */
export class CallTracker {
  private readonly seen = new Map<number, Seen>()

  constructor(initial: readonly Seen[]) {
    for (const call of initial) this.seen.set(call.counterNumber, call)
  }

  /** The new calls in `calls`, oldest first (the order to announce them in). */
  update<C extends Seen>(calls: readonly C[]): C[] {
    const fresh = calls.filter((call) => {
      const before = this.seen.get(call.counterNumber)
      return (
        !before ||
        call.callSeq > before.callSeq ||
        // A new business day starts the sequence again.
        (call.callSeq < before.callSeq && call.calledAt > before.calledAt)
      )
    })
    for (const call of calls) this.seen.set(call.counterNumber, call)
    return [...fresh].sort((a, b) => a.calledAt.localeCompare(b.calledAt))
  }
}

import type { TicketChannel } from './queue'

export interface WaitingTicket {
  /** Unique and stable; breaks ties so the order is total. */
  key: string
  queueId: string
  /** A vulnerable-group ticket (UU 25/2009 art. 29). */
  priority: boolean
  channel: TicketChannel
  /** When it joined the line: arrival, or the slot time for an appointment. */
  arrivedAt: Date
  slotAt?: Date
}

export interface CallContext {
  now: Date
  /** Priority tickets this counter called in a row so far. */
  priorityStreak: number
  priorityRatio: number
}

export interface NextCall {
  ticket: WaitingTicket
  /** The streak to keep for this counter after the call. */
  priorityStreak: number
}

const slotOf = (t: WaitingTicket): number => (t.slotAt ?? t.arrivedAt).getTime()

/** Keys end in the ticket's number: `A-2` before `A-10`, as they were issued. */
const byKey = new Intl.Collator('en', { numeric: true }).compare

const byTime =
  (time: (t: WaitingTicket) => number) =>
  (a: WaitingTicket, b: WaitingTicket): number =>
    time(a) - time(b) || byKey(a.key, b.key)

const first = (tickets: WaitingTicket[], time: (t: WaitingTicket) => number): WaitingTicket | undefined =>
  tickets.reduce<WaitingTicket | undefined>(
    (best, t) => (!best || byTime(time)(t, best) < 0 ? t : best),
    undefined,
  )

/**
 * The ticket a counter calls next, from the tickets waiting in the queues it serves:
 * 1. an appointment whose slot has come, earliest slot first (an appointment not yet due is called before its
 *    slot only when nothing else waits);
 * 2. the oldest priority ticket, unless the counter already called `priorityRatio` of them in a row and a
 *    regular ticket waits: pure priority-first would starve everyone else;
 * 3. the oldest regular ticket, which resets the streak.
 *
 * The streak is kept per counter: a counter calls at most `priorityRatio` priority tickets in a row while a
 * regular ticket waits in the queues it serves. Calling an appointment leaves it unchanged. Ties on time break
 * by `key` (its number in numeric order), so two calls over the same tickets always agree.
 */
export const pickNext = (waiting: readonly WaitingTicket[], ctx: CallContext): NextCall | undefined => {
  const now = ctx.now.getTime()
  const appointments = waiting.filter((t) => t.channel === 'appointment')
  const due = first(
    appointments.filter((t) => slotOf(t) <= now),
    slotOf,
  )
  if (due) return { ticket: due, priorityStreak: ctx.priorityStreak }

  const walkIns = waiting.filter((t) => t.channel !== 'appointment')
  const arrival = (t: WaitingTicket) => t.arrivedAt.getTime()
  const priority = first(
    walkIns.filter((t) => t.priority),
    arrival,
  )
  const regular = first(
    walkIns.filter((t) => !t.priority),
    arrival,
  )
  if (priority && (ctx.priorityStreak < ctx.priorityRatio || !regular)) {
    return { ticket: priority, priorityStreak: ctx.priorityStreak + 1 }
  }
  if (regular) return { ticket: regular, priorityStreak: 0 }

  const early = first(appointments, slotOf)
  return early && { ticket: early, priorityStreak: ctx.priorityStreak }
}

/**
 * The order in which the waiting tickets would be called from here on, the same as repeating `pickNext` but
 * in O(n log n): due appointments by slot, then priority and regular tickets interleaved by the ratio, then
 * appointments not yet due. It gives the place a citizen sees ("3 people ahead") and the board's next numbers.
 */
export const lineOrder = <T extends WaitingTicket>(waiting: readonly T[], ctx: CallContext): T[] => {
  const now = ctx.now.getTime()
  const bySlot = byTime(slotOf)
  const byArrival = byTime((t) => t.arrivedAt.getTime())
  const appointments = waiting.filter((t) => t.channel === 'appointment')
  const due = appointments.filter((t) => slotOf(t) <= now).sort(bySlot)
  const notDue = appointments.filter((t) => slotOf(t) > now).sort(bySlot)
  const walkIns = waiting.filter((t) => t.channel !== 'appointment')
  const priority = walkIns.filter((t) => t.priority).sort(byArrival)
  const regular = walkIns.filter((t) => !t.priority).sort(byArrival)

  const interleaved: T[] = []
  let streak = ctx.priorityStreak
  let p = 0
  let r = 0
  while (p < priority.length || r < regular.length) {
    if (p < priority.length && (streak < ctx.priorityRatio || r >= regular.length)) {
      interleaved.push(priority[p++] as T)
      streak++
    } else {
      interleaved.push(regular[r++] as T)
      streak = 0
    }
  }
  return [...due, ...interleaved, ...notDue]
}

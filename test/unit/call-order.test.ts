import { pickNext, type WaitingTicket } from '@mpp/core/call-order'
import { describe, expect, it } from 'vitest'

const now = new Date('2026-11-23T03:00:00Z') // 10:00 WIB
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)

const walkIn = (key: string, priority: boolean, arrivedMinutesAgo: number): WaitingTicket => ({
  key,
  queueId: 'disdukcapil',
  priority,
  channel: 'kiosk',
  arrivedAt: minutesAgo(arrivedMinutesAgo),
})

const appointment = (key: string, slotMinutesAgo: number): WaitingTicket => ({
  key,
  queueId: 'disdukcapil',
  priority: false,
  channel: 'appointment',
  arrivedAt: minutesAgo(slotMinutesAgo),
  slotAt: minutesAgo(slotMinutesAgo),
})

/** Calls until nobody waits, keeping the streak as a counter would; returns the keys in call order. */
const drain = (tickets: WaitingTicket[], priorityRatio = 2): string[] => {
  const waiting = [...tickets]
  const order: string[] = []
  let priorityStreak = 0
  for (let next = pickNext(waiting, { now, priorityStreak, priorityRatio }); next; ) {
    order.push(next.ticket.key)
    priorityStreak = next.priorityStreak
    waiting.splice(waiting.indexOf(next.ticket), 1)
    next = pickNext(waiting, { now, priorityStreak, priorityRatio })
  }
  return order
}

describe('pickNext', () => {
  it('calls at most two priority tickets in a row while regular ones wait', () => {
    const tickets = [
      ...[1, 2, 3, 4, 5].map((i) => walkIn(`P${i}`, true, 60 - i)),
      ...[1, 2, 3].map((i) => walkIn(`R${i}`, false, 60 - i)),
    ]
    expect(drain(tickets).map((k) => k[0])).toEqual(['P', 'P', 'R', 'P', 'P', 'R', 'P', 'R'])
    expect(drain(tickets)).toEqual(['P1', 'P2', 'R1', 'P3', 'P4', 'R2', 'P5', 'R3'])
  })

  it('follows another ratio', () => {
    const tickets = [
      ...[1, 2, 3, 4].map((i) => walkIn(`P${i}`, true, 60 - i)),
      ...[1, 2].map((i) => walkIn(`R${i}`, false, 60 - i)),
    ]
    expect(drain(tickets, 1)).toEqual(['P1', 'R1', 'P2', 'R2', 'P3', 'P4'])
  })

  it('still calls every priority ticket when no regular one waits', () => {
    const tickets = [1, 2, 3, 4].map((i) => walkIn(`P${i}`, true, 60 - i))
    expect(drain(tickets)).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(pickNext(tickets, { now, priorityStreak: 5, priorityRatio: 2 })).toEqual({
      ticket: tickets[0],
      priorityStreak: 6,
    })
  })

  it('calls a due appointment before an older priority ticket, keeping the streak', () => {
    const older = walkIn('P1', true, 50)
    const due = appointment('J1', 2)
    expect(pickNext([older, due], { now, priorityStreak: 1, priorityRatio: 2 })).toEqual({
      ticket: due,
      priorityStreak: 1,
    })
  })

  it('calls due appointments earliest slot first', () => {
    expect(drain([appointment('J2', 5), appointment('J1', 20), walkIn('R1', false, 60)])).toEqual([
      'J1',
      'J2',
      'R1',
    ])
  })

  it('keeps a not-yet-due appointment behind walk-ins, and calls it when nobody else waits', () => {
    const later = appointment('J1', -15)
    const evenLater = appointment('J0', -45)
    const tickets = [evenLater, later, walkIn('R1', false, 5), walkIn('P1', true, 1)]
    expect(drain(tickets)).toEqual(['P1', 'R1', 'J1', 'J0'])
    expect(pickNext([later], { now, priorityStreak: 2, priorityRatio: 2 })).toEqual({
      ticket: later,
      priorityStreak: 2,
    })
  })

  it('gives nothing when nobody waits', () => {
    expect(pickNext([], { now, priorityStreak: 0, priorityRatio: 2 })).toBeUndefined()
  })

  it('breaks ties on arrival by key, whatever the input order', () => {
    const tickets = [walkIn('b', false, 10), walkIn('c', false, 10), walkIn('a', false, 10)]
    expect(drain(tickets)).toEqual(['a', 'b', 'c'])
    expect(drain([...tickets].reverse())).toEqual(['a', 'b', 'c'])
    const slots = [appointment('y', 3), appointment('x', 3)]
    expect(pickNext(slots, { now, priorityStreak: 0, priorityRatio: 2 })?.ticket.key).toBe('x')
  })
})

describe('lineOrder', () => {
  it('is exactly what repeating pickNext would call, on many random lines', async () => {
    const { lineOrder, pickNext } = await import('@mpp/core/call-order')
    // A small deterministic generator, so a failure can be replayed.
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const now = new Date('2026-11-23T03:00:00Z')
    for (let round = 0; round < 200; round++) {
      const waiting = Array.from({ length: Math.floor(random() * 30) }, (_, i) => {
        const appointment = random() < 0.2
        const at = new Date(now.getTime() + Math.floor((random() - 0.7) * 3_600_000))
        return {
          key: `k${i}`,
          queueId: 'q',
          priority: random() < 0.3,
          channel: appointment ? ('appointment' as const) : ('online' as const),
          arrivedAt: at,
          ...(appointment ? { slotAt: at } : {}),
        }
      })
      const ctx = {
        now,
        priorityStreak: Math.floor(random() * 3),
        priorityRatio: 1 + Math.floor(random() * 3),
      }
      const expected: string[] = []
      const rest = [...waiting]
      let streak = ctx.priorityStreak
      for (;;) {
        const next = pickNext(rest, { ...ctx, priorityStreak: streak })
        if (!next) break
        expected.push(next.ticket.key)
        streak = next.priorityStreak
        rest.splice(rest.indexOf(next.ticket as (typeof rest)[number]), 1)
      }
      expect(lineOrder(waiting, ctx).map((t) => t.key)).toEqual(expected)
    }
  })
})

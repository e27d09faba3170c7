import {
  isFinal,
  nextStatus,
  type TicketAction,
  type TicketStatus,
  ticketAction,
  ticketStatus,
} from '@mpp/core/ticket-lifecycle'
import { describe, expect, it } from 'vitest'

// Every legal move; everything else must be refused.
const legal: Partial<Record<`${TicketStatus}:${TicketAction}`, TicketStatus>> = {
  'waiting:call': 'called',
  'called:recall': 'called',
  'called:start': 'serving',
  'serving:complete': 'completed',
  'called:no_show': 'no_show',
  'waiting:transfer': 'waiting',
  'called:transfer': 'waiting',
  'held:transfer': 'waiting',
  'waiting:hold': 'held',
  'called:hold': 'held',
  'held:resume': 'waiting',
  'waiting:expire': 'expired',
  'called:expire': 'expired',
  'held:expire': 'expired',
}

describe('nextStatus', () => {
  const table = ticketStatus.options.flatMap((from) =>
    ticketAction.options.map((action) => [from, action] as const),
  )

  it('covers every status and action', () => {
    expect(table).toHaveLength(7 * 9)
  })

  it.each(table)('%s + %s', (from, action) => {
    expect(nextStatus(from, action)).toBe(legal[`${from}:${action}`])
  })
})

describe('isFinal', () => {
  it('marks completed, no-show and expired as final, and they accept nothing', () => {
    expect(ticketStatus.options.filter(isFinal)).toEqual(['completed', 'no_show', 'expired'])
    for (const status of ticketStatus.options.filter(isFinal)) {
      for (const action of ticketAction.options) expect(nextStatus(status, action)).toBeUndefined()
    }
  })
})

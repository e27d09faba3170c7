import {
  counter,
  defaultQueueSettings,
  holiday,
  isOnlineChannel,
  offersOnline,
  queue,
  queuePrefix,
  queueSettings,
  quotaOf,
  ticketChannel,
} from '@mpp/core/queue'
import { describe, expect, it } from 'vitest'

const civilRegistry = {
  id: 'disdukcapil',
  prefix: 'A',
  name: 'Disdukcapil',
  serviceIds: ['ktp-el', 'kartu-keluarga'],
  dailyCapacity: 400,
  onlineSharePercent: 50,
}

describe('queue schemas', () => {
  it('accepts a queue and refuses bad prefixes and capacities', () => {
    expect(queue.safeParse(civilRegistry).success).toBe(true)
    expect(queue.safeParse({ ...civilRegistry, floor: 'Lantai 1' }).success).toBe(true)
    for (const prefix of ['a', 'ABC', 'A1', '']) expect(queuePrefix.safeParse(prefix).success).toBe(false)
    expect(queue.safeParse({ ...civilRegistry, dailyCapacity: 0 }).success).toBe(false)
    expect(queue.safeParse({ ...civilRegistry, onlineSharePercent: 101 }).success).toBe(false)
    expect(queue.safeParse({ ...civilRegistry, serviceIds: [] }).success).toBe(false)
    expect(queue.safeParse({ ...civilRegistry, extra: true }).success).toBe(false)
  })

  it('accepts a counter serving several queues', () => {
    expect(
      counter.safeParse({ id: 'loket-3', number: 3, queueIds: ['disdukcapil'], active: true }).success,
    ).toBe(true)
    expect(counter.safeParse({ id: 'loket-0', number: 0, queueIds: ['a'], active: true }).success).toBe(false)
    expect(counter.safeParse({ id: 'loket-3', number: 3, queueIds: [], active: true }).success).toBe(false)
  })

  it('accepts a holiday with a date', () => {
    expect(holiday.safeParse({ date: '2026-12-25', name: 'Hari Raya Natal' }).success).toBe(true)
    expect(holiday.safeParse({ date: '25-12-2026', name: 'Hari Raya Natal' }).success).toBe(false)
  })
})

describe('queue settings', () => {
  it('fills in the defaults', () => {
    expect(defaultQueueSettings).toEqual({
      priorityRatio: 2,
      appointment: {
        slotMinutes: 15,
        capacityPerSlot: 2,
        daysAhead: 14,
        checkInEarlyMinutes: 30,
        checkInLateMinutes: 10,
        maxNoShows: 3,
        noShowWindowDays: 30,
        blockDays: 30,
      },
    })
    expect(queueSettings.parse({ appointment: { slotMinutes: 20 } }).appointment).toMatchObject({
      slotMinutes: 20,
      capacityPerSlot: 2,
    })
  })

  it('refuses values out of range', () => {
    expect(queueSettings.safeParse({ priorityRatio: 0 }).success).toBe(false)
    expect(queueSettings.safeParse({ appointment: { slotMinutes: 4 } }).success).toBe(false)
    expect(queueSettings.safeParse({ appointment: { checkInLateMinutes: 61 } }).success).toBe(false)
  })
})

describe('quotaOf', () => {
  it('splits the daily capacity, rounding in favour of walk-ins', () => {
    expect(quotaOf(civilRegistry)).toEqual({ online: 200, walkIn: 200 })
    expect(quotaOf({ dailyCapacity: 7, onlineSharePercent: 50 })).toEqual({ online: 3, walkIn: 4 })
    expect(quotaOf({ dailyCapacity: 100, onlineSharePercent: 0 })).toEqual({ online: 0, walkIn: 100 })
    expect(quotaOf({ dailyCapacity: 100, onlineSharePercent: 100 })).toEqual({ online: 100, walkIn: 0 })
  })
})

describe('isOnlineChannel', () => {
  it('counts online bookings and appointments against the online share', () => {
    expect(ticketChannel.options.filter(isOnlineChannel)).toEqual(['online', 'appointment'])
  })
})

describe('offersOnline', () => {
  it('offers a service online only when a queue covers it with an online share', () => {
    expect(offersOnline([civilRegistry], 'ktp-el')).toBe(true)
    expect(offersOnline([civilRegistry], 'paspor')).toBe(false)
    expect(offersOnline([], 'ktp-el')).toBe(false)
    expect(offersOnline([{ ...civilRegistry, onlineSharePercent: 0 }], 'ktp-el')).toBe(false)
    // 1% of 50 numbers rounds to none online.
    expect(offersOnline([{ ...civilRegistry, dailyCapacity: 50, onlineSharePercent: 1 }], 'ktp-el')).toBe(
      false,
    )
  })
})

import { z } from 'zod'
import { entityId } from './catalog'
import { rule } from './issue-rules'

/** The letters before a ticket number; one or two capitals so the board can spell them out. */
export const queuePrefix = z.string().regex(/^[A-Z]{1,2}$/, rule('queuePrefix'))

/** A line of tickets, for one service or for all services of an agency; numbers restart every business day. */
export const queue = z
  .object({
    id: entityId,
    prefix: queuePrefix,
    name: z.string().min(2).max(80),
    serviceIds: z.array(entityId).min(1).max(300),
    /** Tickets a day across all channels, such as 400 numbers for civil registry. */
    dailyCapacity: z.number().int().min(1).max(5000),
    /** The share of the daily capacity that online booking may take; walk-ins get the rest. */
    onlineSharePercent: z.number().int().min(0).max(100),
    floor: z.string().max(40).optional(),
  })
  .strict()
export type Queue = z.infer<typeof queue>

/** A service counter (loket); it calls from every queue it serves. */
export const counter = z
  .object({
    id: entityId,
    /** The number the board speaks: "silakan ke loket tiga". */
    number: z.number().int().min(1).max(999),
    queueIds: z.array(entityId).min(1).max(20),
    floor: z.string().max(40).optional(),
    active: z.boolean(),
  })
  .strict()
export type Counter = z.infer<typeof counter>

/**
 * A calendar date that exists, `2026-11-23`: zod's ISO date, whose published pattern knows the days of each
 * month and leap years, so 2026-02-30 and 2026-13-01 are refused where they come in (a 400), never deep in a
 * time zone conversion (a RangeError, a 500).
 */
export const isoDate = z.iso.date()

/** A public holiday or a local closing day: no tickets, no appointments. */
export const holiday = z.object({ date: isoDate, name: z.string().min(2).max(80) }).strict()
export type Holiday = z.infer<typeof holiday>

/** Appointment rules; defaults follow the ASAN model MPPs copied (DOMAIN.md, "Queues as MPPs run them"). */
export const appointmentSettings = z
  .object({
    slotMinutes: z.number().int().min(5).max(120).default(15),
    capacityPerSlot: z.number().int().min(1).max(50).default(2),
    /** How far ahead a citizen may book, in days after today. */
    daysAhead: z.number().int().min(1).max(60).default(14),
    checkInEarlyMinutes: z.number().int().min(0).max(120).default(30),
    checkInLateMinutes: z.number().int().min(0).max(60).default(10),
    maxNoShows: z.number().int().min(1).max(10).default(3),
    noShowWindowDays: z.number().int().min(1).max(365).default(30),
    blockDays: z.number().int().min(1).max(365).default(30),
  })
  .strict()
export type AppointmentSettings = z.infer<typeof appointmentSettings>

export const queueSettings = z
  .object({
    /** At most this many priority calls in a row while a regular ticket waits; pure priority-first starves. */
    priorityRatio: z.number().int().min(1).max(10).default(2),
    appointment: appointmentSettings.prefault({}),
  })
  .strict()
export type QueueSettings = z.infer<typeof queueSettings>

/** The settings of a tenant that has not changed any. */
export const defaultQueueSettings: QueueSettings = queueSettings.parse({})

/** How a daily capacity splits between online booking and walk-ins; rounding favours walk-ins. */
export const quotaOf = (
  queue: Pick<Queue, 'dailyCapacity' | 'onlineSharePercent'>,
): { online: number; walkIn: number } => {
  const online = Math.floor((queue.dailyCapacity * queue.onlineSharePercent) / 100)
  return { online, walkIn: queue.dailyCapacity - online }
}

/** Where a ticket came from. */
export const ticketChannel = z.enum(['online', 'kiosk', 'officer', 'appointment'])
export type TicketChannel = z.infer<typeof ticketChannel>

/** Online bookings and appointments draw on the online share; kiosk and officer tickets on the walk-in share. */
export const isOnlineChannel = (channel: TicketChannel): boolean =>
  channel === 'online' || channel === 'appointment'

/**
 * What the citizen site can offer for a service: a ticket taken on a phone and a booking both need a queue
 * for it and draw on its online share, so a service without a queue, or whose queue keeps every number for
 * walk-ins, offers neither (a button there would lead only to a refusal).
 */
export const offersOnline = (
  queues: Pick<Queue, 'serviceIds' | 'dailyCapacity' | 'onlineSharePercent'>[],
  serviceId: string,
): boolean => {
  const queue = queues.find((q) => q.serviceIds.includes(serviceId))
  return queue !== undefined && quotaOf(queue).online > 0
}

import { z } from 'zod'
import { entityId } from './catalog'
import { isoDate, queuePrefix, ticketChannel } from './queue'
import { ticketAction, ticketStatus } from './ticket-lifecycle'

/** A ticket's identity: business day, the queue that issued it and its number (`2026-11-23.ktp.12`). */
export const ticketKey = z.string().regex(/^\d{4}-\d{2}-\d{2}\.[a-z0-9-]+\.\d{1,5}$/)

export const ticketKeyOf = (day: string, queueId: string, number: number) => `${day}.${queueId}.${number}`

export const parseTicketKey = (key: string) => {
  const [day, queueId, number] = key.split('.')
  return { day: day as string, queueId: queueId as string, number: Number(number) }
}

/** One step in a ticket's life, kept for ever (who, when, where). */
export const ticketEvent = z
  .object({
    action: z.union([z.literal('issue'), ticketAction]),
    status: ticketStatus,
    at: z.iso.datetime(),
    counterId: entityId.optional(),
    queueId: entityId.optional(),
    by: z.string().max(254).optional(),
  })
  .strict()
export type TicketEvent = z.infer<typeof ticketEvent>

export const ticket = z
  .object({
    key: ticketKey,
    day: isoDate,
    /** The queue it waits in now; `originalQueueId` issued it (they differ after a transfer). */
    queueId: entityId,
    originalQueueId: entityId,
    prefix: queuePrefix,
    number: z.number().int().min(1),
    label: z.string(),
    serviceId: entityId,
    channel: ticketChannel,
    priority: z.boolean(),
    phone: z.string().optional(),
    status: ticketStatus,
    /** The unguessable part of the ticket's link; whoever holds the printed QR can follow the ticket. */
    secret: z.string().min(16),
    issuedAt: z.iso.datetime(),
    /** Place in line: arrival, or the slot time of an appointment. Kept across transfers. */
    arrivedAt: z.iso.datetime(),
    slotAt: z.iso.datetime().optional(),
    appointmentCode: z.string().optional(),
    calledAt: z.iso.datetime().optional(),
    startedAt: z.iso.datetime().optional(),
    endedAt: z.iso.datetime().optional(),
    counterId: entityId.optional(),
    counterNumber: z.number().int().optional(),
    events: z.array(ticketEvent),
  })
  .strict()
export type Ticket = z.infer<typeof ticket>

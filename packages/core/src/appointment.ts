import { z } from 'zod'
import { entityId } from './catalog'
import { rule } from './issue-rules'
import { isoDate } from './queue'

/** Six characters that cannot be misread on a phone screen or a kiosk keypad (no 0/O, 1/I). */
export const bookingCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const bookingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${bookingCodeAlphabet}]{6}$`), rule('bookingCode'))

export const bookingStatus = z.enum(['booked', 'cancelled', 'checked_in', 'no_show'])

export const booking = z
  .object({
    code: bookingCode,
    date: isoDate,
    /** Local wall time of the slot, 'HH:MM'. */
    time: z.string().regex(/^\d{2}:\d{2}$/, rule('time')),
    slotAt: z.iso.datetime(),
    serviceId: entityId,
    queueId: entityId,
    phone: z.string(),
    status: bookingStatus,
    secret: z.string().min(16),
    bookedAt: z.iso.datetime(),
    ticketKey: z.string().optional(),
  })
  .strict()
export type Booking = z.infer<typeof booking>

import { z } from 'zod'
import { entityId } from './catalog'
import { rule } from './issue-rules'
import { isoDate } from './queue'

/** A wall time `HH:MM`, 24-hour, in the tenant's own time zone. */
export const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('time'))

/** An address a citizen may open: http(s) only, so no `javascript:` ever lands in a link. */
export const webLink = z.url({ protocol: /^https?$/ }).max(500)

const realDate = (date: string) => {
  const time = Date.parse(`${date}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date
}

const fields = z
  .object({
    id: entityId,
    date: isoDate.refine(realDate, rule('realDate')),
    start: wallTime,
    end: wallTime,
    /** Where the van or bus stands: a village office, a market, a school. */
    place: z.string().trim().min(3).max(160),
    mapUrl: webLink.optional(),
    serviceIds: z.array(entityId).min(1).max(50),
  })
  .strict()

const endsAfterStart = <T extends { start: string; end: string }>(v: T) => v.end > v.start
const endIssue = { path: ['end'], message: rule('endAfterStart') }

/** One stop of the mobile service (layanan bergerak): a date, its hours, a place and the services offered. */
export const mobileVisit = fields.refine(endsAfterStart, endIssue)
export type MobileVisit = z.infer<typeof mobileVisit>

/** What an admin sends to add a stop; the id is given by the server. */
export const mobileVisitInput = fields.omit({ id: true }).refine(endsAfterStart, endIssue)
export type MobileVisitInput = z.infer<typeof mobileVisitInput>

/** Upcoming first: by date, then start time. */
export const byVisitTime = (a: MobileVisit, b: MobileVisit) =>
  a.date.localeCompare(b.date) || a.start.localeCompare(b.start)

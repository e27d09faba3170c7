import { type IsoDate, localClock, type TimeZone } from '@mpp/core/business-day'
import type { Agency, Service } from '@mpp/core/catalog'
import { raw } from 'hono/html'
import { renderSVG } from 'uqr'
import type { Lang } from '../i18n/messages'

/**
 * Pieces shared by the queue pages for citizens and the kiosk: services grouped by agency, dates and times in
 * the tenant's own time zone, and a QR code rendered on the server (an inline SVG needs no script).
 */

/** The services of each agency, leaving out agencies with none. */
export interface ServiceGroup {
  agency: Agency
  services: Service[]
}

export const groupByAgency = (agencies: Agency[], services: Service[]): ServiceGroup[] =>
  agencies
    .map((agency) => ({ agency, services: services.filter((s) => s.agencyId === agency.id) }))
    .filter((g) => g.services.length > 0)

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' }

const zoneNames: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** The zone as Indonesians name it: WIB, WITA or WIT. */
export const zoneName = (timeZone: TimeZone) => zoneNames[timeZone]

/** A calendar date in words: "Senin, 23 November 2026". */
export const formatDate = (date: IsoDate, lang: Lang) =>
  new Intl.DateTimeFormat(locales[lang], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`))

/** A short date for a row of choices: "Sen, 23 Nov". */
export const formatShortDate = (date: IsoDate, lang: Lang) =>
  new Intl.DateTimeFormat(locales[lang], {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${date}T00:00:00Z`))

/** A wall time with its zone: "10:15 WIB". */
export const formatTime = (time: string, timeZone: TimeZone) => `${time} ${zoneNames[timeZone]}`

/** An instant as the tenant's clock shows it: "Senin, 23 November 2026, 10:15 WIB". */
export const formatInstant = (iso: string, timeZone: TimeZone, lang: Lang) => {
  const clock = localClock(new Date(iso), timeZone)
  return `${formatDate(clock.date, lang)}, ${formatTime(clock.time, timeZone)}`
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A QR code of `data` as inline SVG, named for screen readers. */
export const QrCode = ({ data, label, class: className }: { data: string; label: string; class?: string }) =>
  raw(
    renderSVG(data, { ecc: 'M', border: 2, pixelSize: 4 }).replace(
      '<svg ',
      `<svg role="img" aria-label="${escapeAttr(label)}" class="${escapeAttr(className ?? 'qr')}" `,
    ),
  )

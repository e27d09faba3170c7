import { type IsoDate, localClock, type TimeZone } from '@mpp/core/business-day'
import type { Lang } from '../i18n/messages'

/** Dates and times as the tenant's own clock shows them, in the page's language. */
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

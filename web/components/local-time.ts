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

/*
 * Calendar dates and months carry no time of day, so they are formatted at UTC midnight: the tenant's zone
 * cannot move them to another day. Instants go through `localClock` in the tenant's zone first.
 */
const utcDay = (date: IsoDate) => new Date(`${date}T00:00:00Z`)
const calendar = (lang: Lang, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locales[lang], { timeZone: 'UTC', ...options })
const dayMonthYear = (lang: Lang) => calendar(lang, { day: 'numeric', month: 'long', year: 'numeric' })
const monthYear = (lang: Lang) => calendar(lang, { month: 'long', year: 'numeric' })

/** A calendar date in words: "Senin, 23 November 2026". */
export const formatDate = (date: IsoDate, lang: Lang) =>
  calendar(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utcDay(date))

/** A short date for a row of choices: "Sen, 23 Nov". */
export const formatShortDate = (date: IsoDate, lang: Lang) =>
  calendar(lang, { weekday: 'short', day: 'numeric', month: 'short' }).format(utcDay(date))

/** A wall time with its zone: "10:15 WIB". */
export const formatTime = (time: string, timeZone: TimeZone) => `${time} ${zoneNames[timeZone]}`

/** An instant as the tenant's clock shows it: "Senin, 23 November 2026, 10:15 WIB". */
export const formatInstant = (iso: string, timeZone: TimeZone, lang: Lang) => {
  const clock = localClock(new Date(iso), timeZone)
  return `${formatDate(clock.date, lang)}, ${formatTime(clock.time, timeZone)}`
}

/** A calendar date without the weekday: "1 Januari 2026". */
export const formatDay = (date: IsoDate, lang: Lang) => dayMonthYear(lang).format(utcDay(date))

/** A day for a chart axis: "5 Okt". */
export const formatDayShort = (date: IsoDate, lang: Lang) =>
  calendar(lang, { day: 'numeric', month: 'short' }).format(utcDay(date))

/** A month (`2026-10`) in words: "Oktober 2026". */
export const formatMonth = (month: string, lang: Lang) => monthYear(lang).format(utcDay(`${month}-01`))

/** A month for a chart axis: "Okt 2026". */
export const formatMonthShort = (month: string, lang: Lang) =>
  calendar(lang, { month: 'short', year: 'numeric' }).format(utcDay(`${month}-01`))

/** A period of days, sharing what the ends share: "1 Januari – 1 Desember 2026", "5–9 Oktober 2026". */
export const formatPeriod = (from: IsoDate, to: IsoDate, lang: Lang) =>
  from === to ? formatDay(from, lang) : dayMonthYear(lang).formatRange(utcDay(from), utcDay(to))

/** A period of whole months (`2026-01`..`2026-12`): "Januari – Desember 2026". */
export const formatMonthPeriod = (from: string, to: string, lang: Lang) =>
  from === to
    ? formatMonth(from, lang)
    : monthYear(lang).formatRange(utcDay(`${from}-01`), utcDay(`${to}-01`))

/** Whole days between two instants, for how long something has waited (0 for less than a day). */
export const elapsedDays = (fromIso: string, nowIso: string) =>
  Math.max(0, Math.floor((Date.parse(nowIso) - Date.parse(fromIso)) / 86_400_000))

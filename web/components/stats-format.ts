import type { ServiceRequestFigures } from '@mpp/core/stats-summary'
import type { Messages } from '../i18n/messages'

/** Numbers in the page's language: 88,31 in Indonesian, 88.31 in English. */
export const decimals = (lang: string, digits = 2) => {
  const format = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  return (n: number | undefined) => (n === undefined ? '-' : format.format(n))
}

/** Formats a summary's numbers in the page's language. */
export const statsFormat = (m: Messages, lang: string) => {
  const d1 = decimals(lang, 1)
  const d2 = decimals(lang)
  const t = m.ministryStats
  return {
    minutes: (n: number | undefined) => (n === undefined ? t.noData : t.minutes(d1(n))),
    share: (n: number | undefined) => (n === undefined ? t.noData : `${d1(n * 100)}%`),
    ikm: (n: number | undefined) => (n === undefined ? t.noData : d2(n)),
    countAndShare: (count: number, share: number | undefined) =>
      share === undefined ? String(count) : `${count} (${d1(share * 100)}%)`,
    workingDays: (n: number | undefined) => (n === undefined ? t.noData : m.serviceRequestStats.days(d1(n))),
  }
}

/** The online applications' figures as label and value pairs (the ministry's summary, the tenant's report). */
export const serviceRequestFacts = (
  m: Messages,
  lang: string,
  s: ServiceRequestFigures,
): [string, string][] => {
  const a = m.serviceRequestStats
  const f = statsFormat(m, lang)
  return [
    [a.receivedLong, String(s.serviceRequests)],
    [a.doneLong, String(s.serviceRequestsDone)],
    [a.onTimeLong, f.countAndShare(s.serviceRequestsOnTime, s.serviceRequestsOnTimeShare)],
    [a.averageDaysLong, f.workingDays(s.serviceRequestsAverageDays)],
    [a.rejectedLong, String(s.serviceRequestsRejected)],
  ]
}

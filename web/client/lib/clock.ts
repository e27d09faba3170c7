/** The board's clock and date in the tenant's time zone, the same on the server (first render) and the client. */

/** The locale a page's dates are written in. */
export const dateLocale = (lang: string) => (lang === 'en' ? 'en-GB' : 'id-ID')

export interface ClockText {
  /** `10.05` in Indonesian, `10:05` in English. */
  time: string
  /** `Senin, 23 November 2026`. */
  date: string
  /** The local calendar day, `2026-11-23`: the board reloads when it changes. */
  day: string
}

/** A formatter for one locale and time zone; building Intl formatters is slow, so make it once. */
export const clockFormat = (locale: string, timeZone: string) => {
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  return (instant: Date): ClockText => {
    const parts: Record<string, string> = {}
    for (const part of day.formatToParts(instant)) parts[part.type] = part.value
    return {
      time: time.format(instant),
      date: date.format(instant),
      day: `${parts.year}-${parts.month}-${parts.day}`,
    }
  }
}

import type { IsoDate, TimeZone } from '@mpp/core/business-day'
import { formatShortDate, zoneName } from './local-time'
import type { PageContext } from './page-context'

export interface DateChoice {
  date: IsoDate
  /** False on a closed day or a holiday, and today once its last slot has begun. */
  open: boolean
}

/** The bookable days as links (so picking one works without script), the chosen one marked. */
export const DateLinks = ({
  ctx,
  dates,
  date,
  hrefOf,
}: {
  ctx: PageContext
  dates: DateChoice[]
  date: IsoDate
  hrefOf: (date: IsoDate) => string
}) => (
  <ul class="date-list">
    {dates.map((d) => (
      <li>
        {d.open ? (
          <a href={hrefOf(d.date)} aria-current={d.date === date ? 'date' : undefined}>
            {formatShortDate(d.date, ctx.lang)}
          </a>
        ) : (
          <span class="date-closed">
            {formatShortDate(d.date, ctx.lang)} <span class="muted">{ctx.m.appointments.closedDay}</span>
          </span>
        )}
      </li>
    ))}
  </ul>
)

/** The day's slots as one select (`jam`), full ones shown but not choosable, with the time zone said. */
export const SlotSelect = ({
  ctx,
  slots,
  time,
  timeZone,
  describedBy,
  invalid,
}: {
  ctx: PageContext
  slots: { time: string; left: number }[]
  time?: string | undefined
  timeZone: TimeZone
  describedBy: string
  invalid?: boolean
}) => {
  const t = ctx.m.appointments
  return (
    <>
      <label for="jam">{t.slotLabel}</label>
      <p class="hint" id="slot-hint">
        {t.slotHint(zoneName(timeZone))}
      </p>
      <select
        id="jam"
        name="jam"
        required
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
      >
        <option value="" selected={!time}>
          {t.slotPlaceholder}
        </option>
        {slots.map((s) => (
          <option value={s.time} disabled={s.left === 0} selected={s.time === time && s.left > 0}>
            {s.left === 0 ? t.slotFull(s.time) : t.slotLeft(s.time, s.left)}
          </option>
        ))}
      </select>
    </>
  )
}

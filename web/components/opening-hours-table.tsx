import { groupWeekdays, isAllDay, type WeeklyHours } from '@mpp/core/opening-hours'
import type { Messages } from '../i18n/messages'

export const OpeningHoursTable = ({ hours, m }: { hours: WeeklyHours; m: Messages }) => (
  <table class="hours">
    <caption class="visually-hidden">{m.tenantHome.hours}</caption>
    <tbody>
      {groupWeekdays(hours).map(({ from, to, intervals }) => {
        const days = from === to ? m.weekdays[from] : `${m.weekdays[from]}–${m.weekdays[to]}`
        const text =
          intervals.length === 0
            ? m.common.closed
            : isAllDay(intervals)
              ? m.common.allDay
              : intervals.map((i) => `${i.open}–${i.close}`).join(', ')
        return (
          <tr>
            <th scope="row">{days}</th>
            <td>{text}</td>
          </tr>
        )
      })}
    </tbody>
  </table>
)

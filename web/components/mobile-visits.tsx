import type { TimeZone } from '@mpp/core/business-day'
import type { MobileVisit } from '@mpp/core/mobile-visit'
import { formatDate, zoneName } from './local-time'
import type { PageContext } from './page-context'

interface Props {
  ctx: PageContext
  visits: MobileVisit[]
  /** Service names by id, for the services each stop offers. */
  serviceNames: Map<string, string>
  timeZone: TimeZone
  /** The heading level of each stop: 3 under a section's h2, 2 on a page of their own. */
  level?: 2 | 3
}

/** Upcoming stops of the mobile service as citizens read them: when (local time), where, which services. */
export const MobileVisitList = ({ ctx, visits, serviceNames, timeZone, level = 3 }: Props) => {
  const t = ctx.m.mobile
  const zone = zoneName(timeZone)
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <ul class="visit-list">
      {visits.map((v) => (
        <li>
          <Heading class="visit-place">{v.place}</Heading>
          <p class="visit-when">{t.when(formatDate(v.date, ctx.lang), v.start, `${v.end} ${zone}`)}</p>
          {v.mapUrl && (
            <p>
              <a href={v.mapUrl} rel="noopener noreferrer">
                {t.map}
              </a>
            </p>
          )}
          <p class="muted small">{t.services}:</p>
          <ul class="service-list">
            {v.serviceIds
              .filter((id) => serviceNames.has(id))
              .map((id) => (
                <li>
                  <a href={`/layanan/${id}`}>{serviceNames.get(id)}</a>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}

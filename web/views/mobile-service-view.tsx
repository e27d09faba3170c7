import type { TimeZone } from '@mpp/core/business-day'
import type { MobileVisit } from '@mpp/core/mobile-visit'
import { Layout } from '../components/layout'
import { MobileVisitList } from '../components/mobile-visits'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  visits: MobileVisit[]
  serviceNames: Map<string, string>
  timeZone: TimeZone
}

/** The mobile service's schedule for citizens: every upcoming stop. */
export const MobileServicePage = ({ ctx, visits, serviceNames, timeZone }: Props) => {
  const t = ctx.m.mobile
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css']}>
      <p>
        <a href="/">{ctx.m.common.backHome}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {visits.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <MobileVisitList
          ctx={ctx}
          visits={visits}
          serviceNames={serviceNames}
          timeZone={timeZone}
          level={2}
        />
      )}
    </Layout>
  )
}

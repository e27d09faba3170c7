import { localClock } from '@mpp/core/business-day'
import { Layout } from '../components/layout'
import { elapsedDays, formatDay } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'
import type { TenantLink } from './platform-home'

/** An application waiting for the ministry's decision. */
export interface WaitingApplication {
  id: string
  regencyName: string
  provinceName: string
  /** When it started waiting for the ministry: the applicant confirmed the email. */
  waitingSince: string
}

interface Props {
  ctx: PageContext
  tenants: TenantLink[]
  /** Oldest first: the one that has waited longest is decided first. */
  waiting: WaitingApplication[]
  /** The request's instant, to count how long each has waited. */
  now: string
}

/** The ministry's console: what waits for a decision and for how long (Jakarta's calendar), then every MPP. */
export const MinistryHome = ({ ctx, tenants, waiting, now }: Props) => {
  const { m, lang } = ctx
  const t = m.ministryHome
  return (
    <Layout ctx={ctx} title={t.title}>
      <MinistryNav m={m} current="home" />
      <h1>{t.title}</h1>
      <section aria-labelledby="waiting">
        <h2 id="waiting">{t.waiting(waiting.length)}</h2>
        {waiting.length === 0 ? (
          <p>{t.noneWaiting}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.regency}</th>
                  <th scope="col">{t.province}</th>
                  <th scope="col">{t.waitingSince}</th>
                  <th scope="col">{t.age}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((a) => {
                  const days = elapsedDays(a.waitingSince, now)
                  return (
                    <tr>
                      <td>
                        <a href={`/kementerian/permohonan/${a.id}`}>{a.regencyName}</a>
                      </td>
                      <td>{a.provinceName}</td>
                      <td>{formatDay(localClock(new Date(a.waitingSince), 'Asia/Jakarta').date, lang)}</td>
                      <td>{t.days(days)}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/kementerian/permohonan">{t.allApplications}</a>
        </p>
      </section>
      <h2>{t.tenants}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.province}</th>
              <th scope="col">{t.stage}</th>
              <th scope="col">{t.site}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr>
                <td>
                  <a href={`/kementerian/tenant/${tenant.id}`}>{tenant.name}</a>
                </td>
                <td>{tenant.provinceName}</td>
                <td>{m.stages[tenant.stage]}</td>
                <td>
                  <a href={tenant.url}>{new URL(tenant.url).host}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}

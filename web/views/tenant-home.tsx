import type { Agency, Service } from '@mpp/core/catalog'
import type { MobileVisit } from '@mpp/core/mobile-visit'
import type { Tenant } from '@mpp/core/tenant'
import { Layout } from '../components/layout'
import { MobileVisitList } from '../components/mobile-visits'
import { OpeningHoursTable } from '../components/opening-hours-table'
import type { PageContext } from '../components/page-context'
import { SearchForm } from '../components/search-form'

interface Props {
  ctx: PageContext
  tenant: Tenant
  agencies: Agency[]
  services: Service[]
  /** The next stops of the mobile service, if any (the page shows a few and links to the rest). */
  visits?: MobileVisit[]
  /** Whether some service takes tickets and bookings online now; without it the page offers neither. */
  offersOnline: boolean
}

const visitsOnHome = 3

/** The citizen's first page: who this MPP is, when it is open, what it has and which services it offers. */
export const TenantHome = ({ ctx, tenant, agencies, services, visits = [], offersOnline }: Props) => {
  const { m } = ctx
  // A suspended or closed MPP says why under its banner and offers nothing here.
  const serving = tenant.stage === 'trial' || tenant.stage === 'live'
  const servicesOf = (agencyId: string) => services.filter((s) => s.agencyId === agencyId)
  return (
    <Layout ctx={ctx} title={tenant.name} styles={['catalog.css']}>
      <section class="hero" aria-labelledby="mpp-name">
        <h1 id="mpp-name">{tenant.name}</h1>
        {tenant.tagline && <p class="lead">{tenant.tagline}</p>}
        <p class="badge">{m.stages[tenant.stage]}</p>
        {offersOnline ? (
          <p class="actions">
            <a class="button" href="/ambil">
              {m.takeTicket.button}
            </a>{' '}
            <a class="button" href="/janji">
              {m.appointments.button}
            </a>
          </p>
        ) : (
          serving && (
            <p class="notice">{services.length === 0 ? m.tenantHome.preparing : m.tenantHome.walkInOnly}</p>
          )
        )}
        {serving && (
          <p>
            <a href="/pengaduan">{m.complaints.homeLink}</a>
          </p>
        )}
      </section>

      <section class="home-search" aria-label={m.search.title}>
        <SearchForm ctx={ctx} id="home-search-q" />
      </section>

      <div class="grid-2">
        <section aria-labelledby="hours">
          <h2 id="hours">{m.tenantHome.hours}</h2>
          <OpeningHoursTable hours={tenant.openingHours} m={m} />
        </section>
        <section aria-labelledby="address">
          <h2 id="address">{m.tenantHome.address}</h2>
          <address>
            <p>{tenant.address}</p>
            {tenant.mapUrl && (
              <p>
                <a href={tenant.mapUrl} rel="noopener">
                  {m.tenantHome.map}
                </a>
              </p>
            )}
            {tenant.phone && (
              <p>
                {m.tenantHome.phone}:{' '}
                <a href={`tel:${tenant.phone.replace(/[^+\d]/g, '')}`}>{tenant.phone}</a>
              </p>
            )}
            {tenant.email && (
              <p>
                {m.tenantHome.email}: <a href={`mailto:${tenant.email}`}>{tenant.email}</a>
              </p>
            )}
          </address>
        </section>
      </div>

      <section aria-labelledby="agencies">
        <h2 id="agencies">{m.tenantHome.agencies}</h2>
        {agencies.length === 0 ? (
          <p>{m.tenantHome.noAgencies}</p>
        ) : (
          <>
            <p class="muted">{m.tenantHome.summary(agencies.length, services.length)}</p>
            <ul class="agency-list">
              {agencies.map((agency) => {
                const list = servicesOf(agency.id)
                return (
                  <li>
                    <details>
                      <summary>
                        <span class="agency-name">{agency.name}</span>
                        <span class="muted">
                          {m.agencyKinds[agency.kind]} · {m.tenantHome.servicesOf(list.length)}
                          {agency.counterNumbers && ` · ${m.catalogAdmin.counters(agency.counterNumbers)}`}
                        </span>
                      </summary>
                      {agency.description && <p class="agency-description">{agency.description}</p>}
                      {list.length === 0 ? (
                        <p>{m.tenantHome.noServices}</p>
                      ) : (
                        <ul class="service-list">
                          {list.map((s) => (
                            <li>
                              <a href={`/layanan/${s.id}`}>{s.name}</a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </details>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>

      {visits.length > 0 && (
        <section aria-labelledby="mobile-service">
          <h2 id="mobile-service">{m.mobile.upcoming}</h2>
          <MobileVisitList
            ctx={ctx}
            visits={visits.slice(0, visitsOnHome)}
            serviceNames={new Map(services.map((s) => [s.id, s.name]))}
            timeZone={tenant.timeZone}
          />
          <p>
            <a href="/layanan-bergerak">{m.mobile.all}</a>
          </p>
        </section>
      )}

      {(tenant.facilities.length > 0 || tenant.otherFacilities.length > 0) && (
        <section aria-labelledby="facilities">
          <h2 id="facilities">{m.tenantHome.facilities}</h2>
          <ul class="chips">
            {tenant.facilities.map((f) => (
              <li>{m.facilities[f]}</li>
            ))}
            {tenant.otherFacilities.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  )
}

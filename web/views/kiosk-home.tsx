import type { PageContext } from '../components/page-context'
import type { ServiceGroup } from '../components/service-groups'
import { KioskFrame } from './kiosk-frame'

/** The kiosk's start screen: a big button per service, grouped by agency, and the way in for appointments. */
export const KioskHome = ({ ctx, groups }: { ctx: PageContext; groups: ServiceGroup[] }) => {
  const t = ctx.m.kiosk
  return (
    <KioskFrame ctx={ctx} title={t.title} stay>
      <h1>{t.welcome}</h1>
      <p class="kiosk-lead">{t.chooseService}</p>
      <p>
        <a class="kiosk-button kiosk-button--accent" href="/kios/janji">
          {t.haveAppointment}
        </a>
      </p>
      {groups.length === 0 ? (
        <p>{ctx.m.takeTicket.noServices}</p>
      ) : (
        groups.map(({ agency, services }) => (
          <section aria-labelledby={`agency-${agency.id}`}>
            <h2 id={`agency-${agency.id}`}>{agency.name}</h2>
            <ul class="kiosk-grid">
              {services.map((s) => (
                <li>
                  <a class="kiosk-button" href={`/kios/layanan/${s.id}`}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </KioskFrame>
  )
}

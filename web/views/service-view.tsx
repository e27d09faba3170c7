import type { Agency, Service } from '@mpp/core/catalog'
import type { BilingualName } from '@mpp/core/document-kind'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  service: Service
  agency: Agency | undefined
  /** Why tickets and bookings cannot be taken online for it now; the buttons show only without one. */
  unavailable?: string
  /** When the service takes online applications: its completion time and the documents it asks for. */
  online?: { completionDays: number; documents: { name: BilingualName; note?: string }[] }
  /** Whether a citizen is signed in: the apply button then starts the application, else leads to the sign-in. */
  citizen?: boolean
}

/** A service's published standard: the six components a citizen must be able to read. */
export const ServicePage = ({ ctx, service, agency, unavailable, online, citizen }: Props) => {
  const { m } = ctx
  const t = m.servicePage
  return (
    <Layout
      ctx={ctx}
      title={service.name}
      description={t.metaDescription(service.name, ctx.brand?.name ?? m.common.platformName)}
    >
      <p>
        <a href="/#agencies">{t.backToCatalog}</a>
      </p>
      <h1>{service.name}</h1>
      {agency && (
        <p class="muted">
          {t.providedBy}: {agency.name}
        </p>
      )}
      {unavailable ? (
        <p class="notice">{unavailable}</p>
      ) : (
        <p class="actions">
          <a class="button" href={`/ambil?layanan=${service.id}`}>
            {m.takeTicket.button}
          </a>{' '}
          <a class="button" href={`/janji?layanan=${service.id}`}>
            {m.appointments.button}
          </a>
        </p>
      )}
      {online && (
        <section aria-labelledby="apply-online" class="notice">
          <h2 id="apply-online">{m.onlineAdmin.applyOnline}</h2>
          <p>{m.onlineAdmin.applyOnlineLead(online.completionDays)}</p>
          {online.documents.length > 0 && <p>{m.onlineAdmin.documentsToBring}</p>}
          {online.documents.length > 0 && (
            <ul class="checklist">
              {online.documents.map((d) => (
                <li>
                  {d.name[ctx.lang]}
                  {d.note && ` (${d.note})`}
                </li>
              ))}
            </ul>
          )}
          {citizen ? (
            <form method="post" action="/warga/permohonan">
              <input type="hidden" name="layanan" value={service.id} />
              <button type="submit" class="button">
                {m.serviceRequests.applyButton}
              </button>
            </form>
          ) : (
            <p>
              <a class="button" href={`/warga/masuk?lanjut=${encodeURIComponent(`/layanan/${service.id}`)}`}>
                {m.serviceRequests.signInToApply}
              </a>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="requirements">
        <h2 id="requirements">{t.requirements}</h2>
        <ul class="checklist">
          {service.requirements.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="procedure">
        <h2 id="procedure">{t.procedure}</h2>
        <ol>
          {service.procedure.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
      </section>
      <dl class="facts">
        <div>
          <dt>{t.completionTime}</dt>
          <dd>{service.completionTime}</dd>
        </div>
        <div>
          <dt>{t.fee}</dt>
          <dd>{service.fee}</dd>
        </div>
        <div>
          <dt>{t.product}</dt>
          <dd>{service.product}</dd>
        </div>
        <div>
          <dt>{t.complaints}</dt>
          <dd>{service.complaintChannel ?? t.noComplaintChannel}</dd>
        </div>
      </dl>
    </Layout>
  )
}

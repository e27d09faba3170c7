import type { Agency, Service } from '@mpp/core/catalog'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'
import { ServiceFormHeader } from '../components/service-form-header'
import type { ServiceGroup } from '../components/service-groups'

/** The choices of the priority question; any but `tidak` puts the ticket in the priority line. */
export const priorityGroups = ['tidak', 'disabilitas', 'hamil', 'menyusui', 'anak', 'lansia'] as const
export type PriorityGroup = (typeof priorityGroups)[number]

interface ListProps {
  ctx: PageContext
  groups: ServiceGroup[]
}

/** Step one on a phone: every service that has a queue, grouped by agency, as plain links. */
export const TakeTicketList = ({ ctx, groups }: ListProps) => {
  const t = ctx.m.takeTicket
  return (
    <Layout ctx={ctx} title={t.title} styles={['citizen-queue.css']}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        {t.appointmentInstead} <a href="/janji">{ctx.m.appointments.title}</a>
      </p>
      <h2>{t.chooseService}</h2>
      {groups.length === 0 ? (
        <p>{t.noServices}</p>
      ) : (
        groups.map(({ agency, services }) => (
          <section class="service-group" aria-labelledby={`agency-${agency.id}`}>
            <h3 id={`agency-${agency.id}`}>{agency.name}</h3>
            <ul class="pick-list">
              {services.map((s) => (
                <li>
                  <a href={`/ambil?layanan=${s.id}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Layout>
  )
}

interface FormProps {
  ctx: PageContext
  service: Service
  agency: Agency | undefined
  /** The hidden idempotency key: a second post of this very form gives the same ticket. */
  formKey: string
  priority?: PriorityGroup
  phone?: string
  /** The catalog message of a refusal, shown next to the form. */
  error?: string
  /** Which field the error is about, so it is marked invalid. */
  errorField?: 'phone'
  /** Shown before the form when the MPP is closed now: when it opens again. */
  closedNote?: string
  /** The service has no queue: the form is replaced by this message. */
  unavailable?: string
}

/** Step two: the form for one service: priority group, an optional phone number, and the hidden key. */
export const TakeTicketForm = ({
  ctx,
  service,
  agency,
  formKey,
  priority = 'tidak',
  phone,
  error,
  errorField,
  closedNote,
  unavailable,
}: FormProps) => {
  const { m } = ctx
  const t = m.takeTicket
  const phoneInvalid = errorField === 'phone'
  return (
    <Layout ctx={ctx} title={`${t.title}: ${service.name}`} styles={['citizen-queue.css']}>
      <ServiceFormHeader
        m={m}
        title={t.title}
        service={service}
        agency={agency}
        backHref="/ambil"
        backLabel={t.otherService}
      />
      {unavailable ? (
        <p class="alert" role="alert">
          {unavailable}
        </p>
      ) : (
        <>
          {closedNote && <p class="notice">{closedNote}</p>}
          <form method="post" action="/ambil" class="form narrow" novalidate>
            {error && (
              <p class="alert" role="alert" id="take-ticket-error">
                {error}
              </p>
            )}
            <input type="hidden" name="layanan" value={service.id} />
            <input type="hidden" name="kunci" value={formKey} />
            <fieldset class="choices" aria-describedby="priority-hint">
              <legend>{t.priorityLegend}</legend>
              <p class="muted" id="priority-hint">
                {t.priorityHint}
              </p>
              {priorityGroups.map((group) => (
                <label class="choice">
                  <input type="radio" name="prioritas" value={group} checked={group === priority} />
                  <span>{t.priorityGroups[group]}</span>
                </label>
              ))}
            </fieldset>
            <label for="telepon">{t.phoneLabel}</label>
            <p class="hint" id="phone-hint">
              {t.phoneHint}
            </p>
            <input
              id="telepon"
              name="telepon"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              value={phone ?? ''}
              aria-describedby={phoneInvalid ? 'take-ticket-error phone-hint' : 'phone-hint'}
              aria-invalid={phoneInvalid ? 'true' : undefined}
            />
            <button type="submit" class="button">
              {t.submit}
            </button>
          </form>
        </>
      )}
    </Layout>
  )
}

import { type Agency, agencyKind, internalComponents, type Service } from '@mpp/core/catalog'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

const styles = ['catalog.css']

interface OverviewProps {
  ctx: PageContext
  agencies: Agency[]
  services: Service[]
  /** The services that take online applications now. */
  online: ReadonlySet<string>
  saved?: boolean
  refusal?: FormRefusal
}

/** The fields of an agency, for a new one (with its id) or an existing one. */
const AgencyFields = ({
  ctx,
  form,
  agency,
  refusal,
}: {
  ctx: PageContext
  form: string
  agency?: Agency
  refusal?: FormRefusal
}) => {
  const t = ctx.m.catalogAdmin
  const { value, errorOf } = refusalHelpers(refusal)
  const p = agency ? 'agency' : 'agency-new'
  const kind = value(form, 'kind', agency?.kind ?? 'opd')
  return (
    <>
      {!agency && (
        <Field id={`${p}-id`} label={t.id} hint={t.idHint} error={errorOf(form, 'id')}>
          <input
            id={`${p}-id`}
            name="id"
            value={value(form, 'id', '')}
            maxlength={64}
            aria-describedby={`${p}-id-hint`}
          />
        </Field>
      )}
      <Field id={`${p}-name`} label={t.name} error={errorOf(form, 'name')}>
        <input id={`${p}-name`} name="name" value={value(form, 'name', agency?.name ?? '')} required />
      </Field>
      <div class="field-row">
        <Field id={`${p}-short`} label={t.shortName} error={errorOf(form, 'shortName')}>
          <input
            id={`${p}-short`}
            name="shortName"
            value={value(form, 'shortName', agency?.shortName ?? '')}
          />
        </Field>
        <Field id={`${p}-kind`} label={t.kind} error={errorOf(form, 'kind')}>
          <select id={`${p}-kind`} name="kind">
            {agencyKind.options.map((k) => (
              <option value={k} selected={k === kind}>
                {ctx.m.agencyKinds[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="field-row">
        <Field
          id={`${p}-counters`}
          label={t.counterNumbers}
          hint={t.counterNumbersHint}
          error={errorOf(form, 'counterNumbers')}
        >
          <input
            id={`${p}-counters`}
            name="counterNumbers"
            value={value(form, 'counterNumbers', agency?.counterNumbers ?? '')}
            maxlength={40}
            aria-describedby={`${p}-counters-hint`}
          />
        </Field>
        <Field id={`${p}-order`} label={t.order} hint={t.orderHint} error={errorOf(form, 'order')}>
          <input
            id={`${p}-order`}
            name="order"
            type="number"
            min={0}
            max={10000}
            value={value(form, 'order', agency ? String(agency.order) : '')}
            aria-describedby={`${p}-order-hint`}
          />
        </Field>
      </div>
      <Field id={`${p}-description`} label={t.description} error={errorOf(form, 'description')}>
        <textarea id={`${p}-description`} name="description" rows={3} maxlength={500}>
          {value(form, 'description', agency?.description ?? '')}
        </textarea>
      </Field>
    </>
  )
}

/** The tenant admin's catalog: agencies with their services, tools, and a form for a new agency. */
export const CatalogAdminPage = ({ ctx, agencies, services, online, saved, refusal }: OverviewProps) => {
  const { m } = ctx
  const t = m.catalogAdmin
  const { refusalOf, Alert } = refusalHelpers(refusal)
  return (
    <Layout ctx={ctx} title={t.title} styles={styles}>
      <AdminNav m={ctx.m} current="catalog" />
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      <nav aria-label={t.tools}>
        <ul class="tool-links">
          <li>
            <a href="/admin/katalog/impor">{t.importLink}</a>
          </li>
          <li>
            <a href="/api/admin/catalog/template.csv" download>
              {t.templateLink}
            </a>
          </li>
          <li>
            <a href="/api/admin/export.json" download>
              {t.exportLink}
            </a>
          </li>
          <li>
            <a href="/admin/katalog/dokumen">{m.onlineAdmin.kindsLink}</a>
          </li>
          <li>
            <a href="/admin/fasilitas">{t.facilitiesLink}</a>
          </li>
          <li>
            <a href="/admin/layanan-bergerak">{t.mobileLink}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="agencies">
        <h2 id="agencies">{t.agencies}</h2>
        {agencies.length === 0 ? (
          <p>{t.noAgencies}</p>
        ) : (
          <>
            <p class="muted">{m.tenantHome.summary(agencies.length, services.length)}</p>
            <ul class="admin-agencies">
              {agencies.map((a) => {
                const list = services.filter((s) => s.agencyId === a.id)
                return (
                  <li id={`a-${a.id}`}>
                    <h3>{a.name}</h3>
                    <p class="muted small">
                      {m.agencyKinds[a.kind]}
                      {a.counterNumbers && ` · ${t.counters(a.counterNumbers)}`} · {a.id}
                    </p>
                    {list.length === 0 ? (
                      <p>{t.noServices}</p>
                    ) : (
                      <ul class="service-list">
                        {list.map((s) => (
                          <li>
                            <a href={`/admin/katalog/layanan/${s.id}`}>{s.name}</a>
                            {online.has(s.id) && ` · ${m.onlineAdmin.onlineBadge}`}
                          </li>
                        ))}
                      </ul>
                    )}
                    <p class="button-row">
                      <a class="button button--secondary" href={`/admin/katalog/instansi/${a.id}`}>
                        {t.editAgency(a.name)}
                      </a>
                      <a
                        class="button button--secondary"
                        href={`/admin/katalog/layanan-baru?instansi=${a.id}`}
                      >
                        {t.addServiceTo(a.name)}
                      </a>
                    </p>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="new-agency">
        <h2 id="new-agency">{t.newAgency}</h2>
        <details class="admin-details" open={refusalOf('agency:new') !== undefined || agencies.length === 0}>
          <summary>{t.newAgency}</summary>
          <form method="post" action="/admin/katalog/instansi" class="form admin-form">
            <Alert form="agency:new" />
            <AgencyFields ctx={ctx} form="agency:new" refusal={refusal} />
            <button type="submit" class="button">
              {t.save}
            </button>
          </form>
        </details>
      </section>
    </Layout>
  )
}

interface AgencyProps {
  ctx: PageContext
  agency: Agency
  services: Service[]
  refusal?: FormRefusal
}

/** One agency: its fields and its removal (refused while it has services). */
export const AgencyAdminPage = ({ ctx, agency, services, refusal }: AgencyProps) => {
  const t = ctx.m.catalogAdmin
  const { Alert } = refusalHelpers(refusal)
  return (
    <Layout ctx={ctx} title={t.agencyTitle(agency.name)} styles={styles}>
      <AdminNav m={ctx.m} current="catalog" within />
      <p>
        <a href={`/admin/katalog#a-${agency.id}`}>{t.backToCatalog}</a>
      </p>
      <h1>{t.agencyTitle(agency.name)}</h1>
      <p class="muted">{agency.id}</p>
      <form method="post" action={`/admin/katalog/instansi/${agency.id}`} class="form admin-form">
        <Alert form="agency" />
        <AgencyFields ctx={ctx} form="agency" agency={agency} refusal={refusal} />
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      <section aria-labelledby="remove-agency" class="danger-zone">
        <h2 id="remove-agency">{t.removeAgency(agency.name)}</h2>
        <p>{t.removeAgencyHint}</p>
        <p class="muted">{ctx.m.tenantHome.servicesOf(services.length)}</p>
        <form method="post" action={`/admin/katalog/instansi/${agency.id}/hapus`}>
          <Alert form="agency:delete" />
          <button type="submit" class="button button--secondary">
            {t.removeAgency(agency.name)}
          </button>
        </form>
      </section>
    </Layout>
  )
}

interface ServiceProps {
  ctx: PageContext
  agencies: Agency[]
  /** The service being edited; none for a new one. */
  service?: Service
  /** The agency a new service starts in. */
  agencyId?: string
  refusal?: FormRefusal
}

/** A service with all 14 components of its standard; the 8 internal ones folded away, marked unpublished. */
export const ServiceAdminPage = ({ ctx, agencies, service, agencyId, refusal }: ServiceProps) => {
  const t = ctx.m.catalogAdmin
  const { value, refusalOf, Alert, errorOf } = refusalHelpers(refusal)
  const form = 'service'
  const title = service ? t.serviceTitle(service.name) : t.newServiceTitle
  const chosenAgency = value(form, 'agencyId', service?.agencyId ?? agencyId ?? '')
  const internalTyped = internalComponents.some((k) => value(form, k, '') !== '')
  const text = (name: string, label: string, current: string | undefined, required = true) => (
    <Field id={`service-${name}`} label={label} error={errorOf(form, name)}>
      <input
        id={`service-${name}`}
        name={name}
        value={value(form, name, current ?? '')}
        required={required}
      />
    </Field>
  )
  const lines = (name: 'requirements' | 'procedure', label: string, hint: string, current: string[]) => (
    <Field id={`service-${name}`} label={label} hint={hint} error={errorOf(form, name)}>
      <textarea id={`service-${name}`} name={name} rows={5} aria-describedby={`service-${name}-hint`}>
        {value(form, name, current.join('\n'))}
      </textarea>
    </Field>
  )
  return (
    <Layout ctx={ctx} title={title} styles={styles}>
      <AdminNav m={ctx.m} current="catalog" within />
      <p>
        <a href={chosenAgency ? `/admin/katalog#a-${chosenAgency}` : '/admin/katalog'}>{t.backToCatalog}</a>
      </p>
      <h1>{title}</h1>
      {service && (
        <>
          <p class="muted">{service.id}</p>
          <p>
            <a href={`/admin/katalog/layanan/${service.id}/online`}>{ctx.m.onlineAdmin.onlineLink}</a>
          </p>
        </>
      )}
      <form
        method="post"
        action={service ? `/admin/katalog/layanan/${service.id}` : '/admin/katalog/layanan'}
        class="form admin-form"
      >
        <Alert form={form} />
        {!service && (
          <Field id="service-id" label={t.id} hint={t.idHint} error={errorOf(form, 'id')}>
            <input
              id="service-id"
              name="id"
              value={value(form, 'id', '')}
              maxlength={64}
              aria-describedby="service-id-hint"
            />
          </Field>
        )}
        <Field id="service-agency" label={t.agency} error={errorOf(form, 'agencyId')}>
          <select id="service-agency" name="agencyId" required>
            {agencies.map((a) => (
              <option value={a.id} selected={a.id === chosenAgency}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        {text('name', t.name, service?.name)}
        <Field
          id="service-keywords"
          label={t.keywords}
          hint={t.keywordsHint}
          error={errorOf(form, 'keywords')}
        >
          <input
            id="service-keywords"
            name="keywords"
            value={value(form, 'keywords', service?.keywords?.join(', ') ?? '')}
            aria-describedby="service-keywords-hint"
          />
        </Field>
        <fieldset>
          <legend>{t.published}</legend>
          {lines('requirements', t.requirements, t.requirementsHint, service?.requirements ?? [])}
          {lines('procedure', t.procedure, t.procedureHint, service?.procedure ?? [])}
          <div class="field-row">
            {text('completionTime', t.completionTime, service?.completionTime)}
            {text('fee', t.fee, service?.fee)}
          </div>
          {text('product', t.product, service?.product)}
          {text('complaintChannel', t.complaintChannel, service?.complaintChannel, false)}
        </fieldset>
        <details
          class="admin-details internal-components"
          open={refusalOf(form) !== undefined && internalTyped}
        >
          <summary>{t.internal}</summary>
          <p class="muted small">{t.internalLead}</p>
          {internalComponents.map((k) => (
            <Field id={`service-${k}`} label={t.internalFields[k]} error={errorOf(form, `internal.${k}`)}>
              <textarea id={`service-${k}`} name={k} rows={k === 'staffCount' ? 1 : 3}>
                {value(form, k, service?.internal?.[k] ?? '')}
              </textarea>
            </Field>
          ))}
        </details>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      {service && (
        <section aria-labelledby="remove-service" class="danger-zone">
          <h2 id="remove-service">{t.removeService(service.name)}</h2>
          <p>{t.removeServiceHint}</p>
          <form method="post" action={`/admin/katalog/layanan/${service.id}/hapus`}>
            <Alert form="service:delete" />
            <button type="submit" class="button button--secondary">
              {t.removeService(service.name)}
            </button>
          </form>
        </section>
      )}
    </Layout>
  )
}

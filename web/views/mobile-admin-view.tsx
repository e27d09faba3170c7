import type { TimeZone } from '@mpp/core/business-day'
import type { Agency, Service } from '@mpp/core/catalog'
import type { MobileVisit } from '@mpp/core/mobile-visit'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import { formatShortDate, zoneName } from '../components/local-time'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  visits: MobileVisit[]
  agencies: Agency[]
  services: Service[]
  timeZone: TimeZone
  /** Today in the tenant's time zone: the earliest date a stop can have. */
  today: string
  saved?: boolean
  refusal?: FormRefusal
}

/** The mobile service's upcoming stops, each removable, and a form for a new one. */
export const MobileAdminPage = ({
  ctx,
  visits,
  agencies,
  services,
  timeZone,
  today,
  saved,
  refusal,
}: Props) => {
  const { m } = ctx
  const t = m.mobileAdmin
  const { value, checked, Alert, errorOf } = refusalHelpers(refusal)
  const form = 'visit:new'
  const names = new Map(services.map((s) => [s.id, s.name]))
  const zone = zoneName(timeZone)
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css']}>
      <AdminNav m={ctx.m} current="mobile" />
      <p>
        <a href="/admin/katalog">{m.catalogAdmin.backToCatalog}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}

      <section>
        <h2 id="upcoming">{t.upcoming}</h2>
        {visits.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <section class="table-scroll" tabindex={0} aria-labelledby="upcoming">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.time}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.services}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr>
                    <td>{formatShortDate(v.date, ctx.lang)}</td>
                    <td>
                      {v.start}–{v.end} {zone}
                    </td>
                    <td>{v.place}</td>
                    <td>{v.serviceIds.map((id) => names.get(id) ?? id).join(', ')}</td>
                    <td>
                      <Alert form={`visit:${v.id}`} />
                      <form method="post" action={`/admin/layanan-bergerak/${v.id}/hapus`}>
                        <button type="submit" class="link-button">
                          {t.remove(v.place, formatShortDate(v.date, ctx.lang))}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="add-visit">
        <h2 id="add-visit">{t.add}</h2>
        <form method="post" action="/admin/layanan-bergerak" class="form admin-form">
          <Alert form={form} />
          <div class="field-row">
            <Field id="visit-date" label={t.date} error={errorOf(form, 'date')}>
              <input
                id="visit-date"
                name="date"
                type="date"
                min={today}
                value={value(form, 'date', '')}
                required
              />
            </Field>
            <Field id="visit-start" label={t.start} hint={t.timeHint(zone)} error={errorOf(form, 'start')}>
              <input
                id="visit-start"
                name="start"
                type="time"
                value={value(form, 'start', '08:00')}
                aria-describedby="visit-start-hint"
                required
              />
            </Field>
            <Field id="visit-end" label={t.end} error={errorOf(form, 'end')}>
              <input id="visit-end" name="end" type="time" value={value(form, 'end', '12:00')} required />
            </Field>
          </div>
          <Field id="visit-place" label={t.place} error={errorOf(form, 'place')}>
            <input id="visit-place" name="place" value={value(form, 'place', '')} maxlength={160} required />
          </Field>
          <Field id="visit-map" label={t.mapUrl} hint={t.mapUrlHint} error={errorOf(form, 'mapUrl')}>
            <input
              id="visit-map"
              name="mapUrl"
              type="url"
              value={value(form, 'mapUrl', '')}
              aria-describedby="visit-map-hint"
            />
          </Field>
          <fieldset>
            <legend>{t.services}</legend>
            {agencies.map((a) => (
              <div class="check-group">
                <p class="muted small">{a.name}</p>
                {services
                  .filter((s) => s.agencyId === a.id)
                  .map((s) => (
                    <label class="checkbox">
                      <input
                        type="checkbox"
                        name="serviceIds"
                        value={s.id}
                        checked={checked(form, 'serviceIds', s.id, false)}
                      />{' '}
                      {s.name}
                    </label>
                  ))}
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>
    </Layout>
  )
}

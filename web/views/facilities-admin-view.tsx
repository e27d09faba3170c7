import { type FacilityKind, facilityKinds } from '@mpp/core/tenant'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  facilities: FacilityKind[]
  otherFacilities: string[]
  saved?: boolean
  refusal?: FormRefusal
}

/** The MPP's facilities: the standard list as checkboxes, the rest as free text. */
export const FacilitiesAdminPage = ({ ctx, facilities, otherFacilities, saved, refusal }: Props) => {
  const { m } = ctx
  const t = m.facilitiesAdmin
  const { value, checked, Alert, errorOf } = refusalHelpers(refusal)
  const form = 'facilities'
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css']}>
      <AdminNav m={ctx.m} current="facilities" />
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
      <form method="post" action="/admin/fasilitas" class="form admin-form">
        <Alert form={form} />
        <fieldset>
          <legend>{t.standard}</legend>
          {facilityKinds.map((f) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="facilities"
                value={f}
                checked={checked(form, 'facilities', f, facilities.includes(f))}
              />{' '}
              {m.facilities[f]}
            </label>
          ))}
        </fieldset>
        <Field
          id="other-facilities"
          label={t.other}
          hint={t.otherHint}
          error={errorOf(form, 'otherFacilities')}
        >
          <textarea
            id="other-facilities"
            name="otherFacilities"
            rows={5}
            aria-describedby="other-facilities-hint"
          >
            {value(form, 'otherFacilities', otherFacilities.join('\n'))}
          </textarea>
        </Field>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </Layout>
  )
}

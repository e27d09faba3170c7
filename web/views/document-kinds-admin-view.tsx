import type { DocumentKind } from '@mpp/core/document-kind'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  kinds: DocumentKind[]
  saved?: boolean
  refusal?: FormRefusal
}

/** The names and words of a kind, for a new one (with its id) or an existing one. */
const KindFields = ({
  ctx,
  form,
  kind,
  refusal,
}: {
  ctx: PageContext
  form: string
  kind?: DocumentKind
  refusal?: FormRefusal
}) => {
  const t = ctx.m.onlineAdmin
  const { value, checked, errorOf } = refusalHelpers(refusal)
  const p = kind ? `kind-${kind.id}` : 'kind-new'
  return (
    <>
      {!kind && (
        <Field id={`${p}-id`} label={t.id} hint={t.idHint} error={errorOf(form, 'id')}>
          <input id={`${p}-id`} name="id" value={value(form, 'id', '')} maxlength={64} />
        </Field>
      )}
      <div class="field-row">
        <Field id={`${p}-name-id`} label={t.nameId} error={errorOf(form, 'name.id')}>
          <input
            id={`${p}-name-id`}
            name="nameId"
            value={value(form, 'nameId', kind?.name.id ?? '')}
            required
            maxlength={80}
          />
        </Field>
        <Field id={`${p}-name-en`} label={t.nameEn} error={errorOf(form, 'name.en')}>
          <input
            id={`${p}-name-en`}
            name="nameEn"
            lang="en"
            value={value(form, 'nameEn', kind?.name.en ?? '')}
            required
            maxlength={80}
          />
        </Field>
      </div>
      <Field id={`${p}-keywords`} label={t.keywords} hint={t.keywordsHint} error={errorOf(form, 'keywords')}>
        <input
          id={`${p}-keywords`}
          name="keywords"
          value={value(form, 'keywords', kind?.keywords?.join(', ') ?? '')}
        />
      </Field>
      {kind && (
        <label class="checkbox">
          <input
            type="checkbox"
            name="retired"
            value="yes"
            checked={checked(form, 'retired', 'yes', kind.retired)}
          />{' '}
          {t.retired}
        </label>
      )}
    </>
  )
}

/** The tenant's document kinds: each with its names and status, editable in place, and a form to add one. */
export const DocumentKindsAdminPage = ({ ctx, kinds, saved, refusal }: Props) => {
  const t = ctx.m.onlineAdmin
  const { refusalOf, Alert } = refusalHelpers(refusal)
  return (
    <Layout ctx={ctx} title={t.kindsTitle} styles={['catalog.css']}>
      <AdminNav m={ctx.m} current="catalog" within />
      <p>
        <a href="/admin/katalog">{ctx.m.catalogAdmin.backToCatalog}</a>
      </p>
      <h1>{t.kindsTitle}</h1>
      <p>{t.kindsLead}</p>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      <ul class="admin-agencies">
        {kinds.map((k) => {
          const form = `kind:${k.id}`
          return (
            <li id={`k-${k.id}`}>
              <h2>{k.name.id}</h2>
              <p class="muted small">
                <span lang="en">{k.name.en}</span> · {k.id} · {k.retired ? t.retiredStatus : t.inUse}
              </p>
              <details class="admin-details" open={refusalOf(form) !== undefined}>
                <summary>{t.edit(k.name.id)}</summary>
                <form method="post" action={`/admin/katalog/dokumen/${k.id}`} class="form admin-form">
                  <Alert form={form} />
                  <KindFields ctx={ctx} form={form} kind={k} refusal={refusal} />
                  <button type="submit" class="button">
                    {t.save}
                  </button>
                </form>
              </details>
            </li>
          )
        })}
      </ul>
      <section aria-labelledby="new-kind">
        <h2 id="new-kind">{t.newKind}</h2>
        <form method="post" action="/admin/katalog/dokumen" class="form admin-form">
          <Alert form="kind:new" />
          <KindFields ctx={ctx} form="kind:new" refusal={refusal} />
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>
    </Layout>
  )
}

import type { Service } from '@mpp/core/catalog'
import type { DocumentKind, DocumentSuggestion } from '@mpp/core/document-kind'
import { type FormField, formFieldType, type ServiceOnlineForm } from '@mpp/core/service-online-form'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  service: Service
  kinds: DocumentKind[]
  form?: ServiceOnlineForm
  suggestions: { documents: DocumentSuggestion[]; completionDays?: number }
  saved?: boolean
  refusal?: FormRefusal
}

/** Empty rows offered after the stored fields: a page without script adds fields by saving. */
export const blankFieldRows = 2

const optionLines = (field: FormField | undefined) =>
  (field?.options ?? []).map((o) => `${o.id} | ${o.en}`).join('\n')

/**
 * A service's online form: open or not, the working days, the documents asked for (suggested from the
 * standard's requirements on the first setup, ticked but saved only when the admin saves) and the fields.
 */
export const ServiceOnlineFormPage = ({ ctx, service, kinds, form, suggestions, saved, refusal }: Props) => {
  const t = ctx.m.onlineAdmin
  const name = 'online'
  const { value, checked, errorOf, Alert } = refusalHelpers(refusal)
  const refused = refusal?.form === name
  // The first setup ticks what the requirements suggest; once a form is stored, only what it asks for.
  const suggested = form ? [] : suggestions.documents
  const asked = (kindId: string) =>
    form ? form.documents.some((d) => d.kindId === kindId) : suggested.some((s) => s.kindId === kindId)
  const shown = kinds.filter((k) => !k.retired || asked(k.id) || checked(name, 'doc', k.id, false))
  const rows = refused
    ? Math.min(40, Math.max(0, Number(value(name, 'rows', '0')) || 0))
    : (form?.fields.length ?? 0) + blankFieldRows
  const title = t.formTitle(service.name)
  return (
    <Layout ctx={ctx} title={title} styles={['catalog.css']}>
      <AdminNav m={ctx.m} current="catalog" within />
      <p>
        <a href={`/admin/katalog/layanan/${service.id}`}>{t.backToService}</a>
      </p>
      <h1>{title}</h1>
      <p>{t.formLead}</p>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      {!refused && suggested.length > 0 && <p class="notice">{t.suggestedNotice(suggested.length)}</p>}
      <form method="post" action={`/admin/katalog/layanan/${service.id}/online`} class="form admin-form">
        <Alert form={name} />
        <label class="checkbox">
          <input
            type="checkbox"
            name="online"
            value="yes"
            checked={checked(name, 'online', 'yes', form?.online ?? false)}
            aria-describedby="online-hint"
          />{' '}
          {t.online}
        </label>
        <p class="muted small" id="online-hint">
          {t.onlineHint}
        </p>
        <Field
          id="completion-days"
          label={t.completionDays}
          hint={t.completionDaysHint(service.completionTime)}
          error={errorOf(name, 'completionDays')}
        >
          <input
            id="completion-days"
            name="completionDays"
            type="number"
            inputmode="numeric"
            min={1}
            max={365}
            required
            value={value(
              name,
              'completionDays',
              String(form?.completionDays ?? suggestions.completionDays ?? ''),
            )}
            aria-describedby="completion-days-hint"
          />
        </Field>

        <fieldset>
          <legend>{t.documents}</legend>
          <p class="muted small">{t.documentsLead}</p>
          {shown.map((k) => {
            const from = suggested.find((s) => s.kindId === k.id)
            const stored = form?.documents.find((d) => d.kindId === k.id)
            const error = errorOf(name, `doc.${k.id}`)
            return (
              <div class="field" id={`doc-${k.id}`}>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name="doc"
                    value={k.id}
                    checked={checked(name, 'doc', k.id, asked(k.id))}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `doc-${k.id}-note-error` : undefined}
                  />{' '}
                  {k.name.id} {k.retired && t.retiredKind}
                </label>
                {from && <p class="muted small">{t.suggestedFrom(from.requirement)}</p>}
                <Field id={`doc-${k.id}-note`} label={t.note(k.name.id)} error={error}>
                  <input
                    id={`doc-${k.id}-note`}
                    name={`note.${k.id}`}
                    value={value(name, `note.${k.id}`, stored?.note ?? '')}
                    maxlength={200}
                  />
                </Field>
              </div>
            )
          })}
        </fieldset>

        <fieldset>
          <legend>{t.fields}</legend>
          <p class="muted small">{t.fieldsLead}</p>
          <input type="hidden" name="rows" value={String(rows)} />
          {Array.from({ length: rows }, (_, i) => {
            const f = refused ? undefined : form?.fields[i]
            const p = `fields.${i}`
            const id = `field-${i}`
            const type = value(name, `${p}.type`, f?.type ?? 'text')
            return (
              <fieldset>
                <legend>{t.field(i + 1)}</legend>
                <input type="hidden" name={`${p}.id`} value={value(name, `${p}.id`, f?.id ?? '')} />
                <div class="field-row">
                  <Field id={`${id}-label-id`} label={t.labelId} error={errorOf(name, `${p}.labelId`)}>
                    <input
                      id={`${id}-label-id`}
                      name={`${p}.labelId`}
                      value={value(name, `${p}.labelId`, f?.label.id ?? '')}
                      maxlength={80}
                    />
                  </Field>
                  <Field id={`${id}-label-en`} label={t.labelEn} error={errorOf(name, `${p}.labelEn`)}>
                    <input
                      id={`${id}-label-en`}
                      name={`${p}.labelEn`}
                      lang="en"
                      value={value(name, `${p}.labelEn`, f?.label.en ?? '')}
                      maxlength={80}
                    />
                  </Field>
                </div>
                <div class="field-row">
                  <Field id={`${id}-type`} label={t.type} error={errorOf(name, `${p}.type`)}>
                    <select id={`${id}-type`} name={`${p}.type`}>
                      {formFieldType.options.map((o) => (
                        <option value={o} selected={o === type}>
                          {t.types[o]}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      name={`${p}.required`}
                      value="yes"
                      checked={checked(name, `${p}.required`, 'yes', f?.required ?? false)}
                    />{' '}
                    {t.required}
                  </label>
                </div>
                <Field
                  id={`${id}-options`}
                  label={t.options}
                  hint={t.optionsHint}
                  error={errorOf(name, `${p}.options`)}
                >
                  <textarea
                    id={`${id}-options`}
                    name={`${p}.options`}
                    rows={3}
                    aria-describedby={`${id}-options-hint`}
                  >
                    {value(name, `${p}.options`, optionLines(f))}
                  </textarea>
                </Field>
              </fieldset>
            )
          })}
        </fieldset>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </Layout>
  )
}

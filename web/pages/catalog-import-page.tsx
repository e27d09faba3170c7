import { Field } from '../components/admin-form'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'
import type { Messages } from '../i18n/messages'

export type ImportColumn = keyof Messages['catalogImport']['columnHelp']

export interface ImportIssue {
  line: number
  field: string
  message: string
}

interface Props {
  ctx: PageContext
  /** The columns in template order, and which the header row must have. */
  columns: readonly ImportColumn[]
  required: readonly ImportColumn[]
  /** After a successful import: how many agencies and services were written. */
  imported?: { agencies: number; services: number }
  /** A refused import: its problems and the CSV as it was sent, to fix and send again. */
  refusal?: { issues: ImportIssue[]; csv: string }
}

/** The CSV import: what the columns mean, the template, and a file or pasted text; refusals by line. */
export const CatalogImportPage = ({ ctx, columns, required, imported, refusal }: Props) => {
  const { m } = ctx
  const t = m.catalogImport
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css']}>
      <p>
        <a href="/admin/katalog">{m.catalogAdmin.backToCatalog}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {imported && (
        <p class="notice" role="status">
          {t.imported(imported.agencies, imported.services)}
        </p>
      )}
      <p>
        <a class="button button--secondary" href="/api/admin/catalog/template.csv" download>
          {t.template}
        </a>
      </p>

      {refusal && (
        <section>
          <p class="alert" role="alert">
            {t.refused}
          </p>
          <h2 id="import-errors">{t.errorsTable}</h2>
          <section class="table-scroll" tabindex={0} aria-labelledby="import-errors">
            <table class="issue-table">
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.field}</th>
                  <th scope="col">{t.message}</th>
                </tr>
              </thead>
              <tbody>
                {refusal.issues.map((i) => (
                  <tr>
                    <td>{i.line}</td>
                    <td>
                      <code>{i.field}</code>
                    </td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}

      <form method="post" action="/admin/katalog/impor" enctype="multipart/form-data" class="form admin-form">
        <Field id="import-file" label={t.file} hint={t.fileHint}>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
          />
        </Field>
        <Field id="import-text" label={t.text}>
          <textarea id="import-text" name="csv" rows={refusal ? 12 : 6} class="mono" spellcheck={false}>
            {refusal?.csv ?? ''}
          </textarea>
        </Field>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>

      <section>
        <h2 id="columns">{t.columns}</h2>
        <section class="table-scroll" tabindex={0} aria-labelledby="columns">
          <table class="column-table">
            <thead>
              <tr>
                <th scope="col">{t.column}</th>
                <th scope="col">{t.meaning}</th>
                <th scope="col">{t.required}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr>
                  <td>
                    <code>{c}</code>
                  </td>
                  <td>{t.columnHelp[c]}</td>
                  <td>
                    {required.includes(c)
                      ? t.yes
                      : c === 'agency_name' || c === 'agency_kind'
                        ? t.requiredIfNew
                        : t.no}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </Layout>
  )
}

import { Field } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
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
  /** After a confirmed import: how many agencies and services were added and changed. */
  imported?: { added: number; changed: number }
  /** A refused import: its problems and the CSV as it was sent, to fix and send again. */
  refusal?: { issues: ImportIssue[]; csv: string }
}

type ImportMessages = Messages['catalogImport']

/** Problems by line and column, where a spreadsheet user finds them. */
const IssueTable = ({ t, issues }: { t: ImportMessages; issues: ImportIssue[] }) => (
  <>
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
          {issues.map((i) => (
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
  </>
)

/** The CSV import: what the columns mean, the template, and a file or pasted text; refusals by line. */
export const CatalogImportPage = ({ ctx, columns, required, imported, refusal }: Props) => {
  const { m } = ctx
  const t = m.catalogImport
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css']}>
      <AdminNav m={ctx.m} current="catalog" within />
      <p>
        <a href="/admin/katalog">{m.catalogAdmin.backToCatalog}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {imported && (
        <p class="notice" role="status">
          {t.imported(imported.added, imported.changed)}
        </p>
      )}
      <p>
        <a class="button button--secondary" href="/api/admin/catalog/template.csv" download>
          {t.template}
        </a>
      </p>
      <p class="hint">{t.templateHint}</p>

      {refusal && (
        <section>
          <p class="alert" role="alert">
            {t.refused}
          </p>
          <IssueTable t={t} issues={refusal.issues} />
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

/** One agency or service of a previewed file (the API's ImportEntry). */
export interface PreviewEntry {
  kind: 'agency' | 'service'
  id: string
  name: string
  line: number
  status: 'added' | 'changed' | 'unchanged'
  changes: { column: string; before: string; after: string }[]
}

interface PreviewProps {
  ctx: PageContext
  entries: PreviewEntry[]
  /** The CSV as read (line ends as LF) and its token, sent back unchanged to confirm. */
  csv: string
  previewToken: string
  /** The catalog changed since the previous preview, and this is the new one. */
  stale?: boolean
}

const EntryTable = ({
  t,
  id,
  title,
  entries,
  withChanges,
}: {
  t: ImportMessages
  id: string
  title: string
  entries: PreviewEntry[]
  withChanges?: boolean
}) => (
  <>
    <h2 id={id}>
      {title} ({entries.length})
    </h2>
    <section class="table-scroll" tabindex={0} aria-labelledby={id}>
      <table class="issue-table import-preview">
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.name}</th>
            {withChanges && <th scope="col">{t.changes}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{e.line}</td>
              <td>{e.kind === 'agency' ? t.kindAgency : t.kindService}</td>
              <td>
                {e.name}
                <br />
                <code>{e.id}</code>
              </td>
              {withChanges && (
                <td>
                  <ul class="import-changes">
                    {e.changes.map((c) => (
                      <li>
                        <code>{c.column}</code>: <del>{c.before || t.emptyValue}</del> →{' '}
                        <ins>{c.after || t.emptyValue}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  </>
)

/**
 * What a CSV would do, before anything is saved: added, changed (column by column, old and new) and unchanged
 * agencies and services, and a form that confirms exactly this (the CSV and the preview's token, hidden).
 */
export const CatalogImportPreviewPage = ({ ctx, entries, csv, previewToken, stale }: PreviewProps) => {
  const { m } = ctx
  const t = m.catalogImport
  const of = (status: PreviewEntry['status']) => entries.filter((e) => e.status === status)
  const added = of('added')
  const changed = of('changed')
  const unchanged = of('unchanged')
  const count = added.length + changed.length
  return (
    <Layout ctx={ctx} title={t.previewTitle} styles={['catalog.css']}>
      <p>
        <a href="/admin/katalog">{m.catalogAdmin.backToCatalog}</a>
      </p>
      <h1>{t.previewTitle}</h1>
      {stale ? (
        <p class="alert" role="alert">
          {m.errors.import_stale}
        </p>
      ) : (
        <p class="notice" role="status">
          {t.previewLead}
        </p>
      )}
      <p>{t.summary(added.length, changed.length, unchanged.length)}</p>
      {added.length > 0 && <EntryTable t={t} id="import-added" title={t.added} entries={added} />}
      {changed.length > 0 && (
        <EntryTable t={t} id="import-changed" title={t.changed} entries={changed} withChanges />
      )}
      {unchanged.length > 0 && (
        <details class="admin-details">
          <summary>
            {t.unchanged} ({unchanged.length})
          </summary>
          <EntryTable t={t} id="import-unchanged" title={t.unchanged} entries={unchanged} />
        </details>
      )}
      {count === 0 ? (
        <p>{t.nothingToDo}</p>
      ) : (
        <form
          method="post"
          action="/admin/katalog/impor/konfirmasi"
          enctype="multipart/form-data"
          class="form admin-form"
        >
          <input type="hidden" name="csv" value={csv} />
          <input type="hidden" name="previewToken" value={previewToken} />
          <button type="submit" class="button">
            {t.confirm(count)}
          </button>
        </form>
      )}
      <p>
        <a href="/admin/katalog/impor">{t.cancel}</a>
      </p>
    </Layout>
  )
}

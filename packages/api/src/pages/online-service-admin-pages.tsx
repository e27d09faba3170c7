import { entityId } from '@mpp/core/catalog'
import { serviceOnlineFormInput } from '@mpp/core/service-online-form'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import { DocumentKindsAdminPage } from '@mpp/web/views/document-kinds-admin-view'
import { ServiceOnlineFormPage } from '@mpp/web/views/service-online-form-view'
import { type Context, Hono } from 'hono'
import {
  createDocumentKind,
  documentKindInput,
  documentKindUpdate,
  updateDocumentKind,
} from '../admin/document-kinds'
import { getOnlineSetup, setServiceOnlineForm } from '../admin/service-online-form'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import {
  commaList,
  formValues,
  list,
  optional,
  type PageRefusal,
  type RefusalStatus,
  saveOrRefuse,
  text,
} from './admin-refusal'
import { pageContext } from './page-context'

type FormValues = Record<string, string | string[]>

/** A choice per line, `Indonesian | English`; a line without English uses its Indonesian for both. */
const optionLines = (v: string | string[] | undefined) => {
  const options = text(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [id = '', en] = l.split('|').map((p) => p.trim())
      return { id, en: en || id }
    })
  return options.length > 0 ? options : undefined
}

const labelsOf = (m: Messages): Record<string, string> => {
  const t = m.onlineAdmin
  return {
    id: t.id,
    'name.id': t.nameId,
    'name.en': t.nameEn,
    keywords: t.keywords,
    online: t.online,
    completionDays: t.completionDays,
    documents: t.documents,
    fields: t.fields,
  }
}

/** The form's rows as the API takes them, with where each came from: refusals point back at the row. */
const onlineFormOf = (values: FormValues) => {
  const rows = Math.min(40, Math.max(0, Number(text(values.rows)) || 0))
  const rowOf: number[] = []
  const fields = []
  for (let i = 0; i < rows; i++) {
    const at = (k: string) => values[`fields.${i}.${k}`]
    const label = { id: text(at('labelId')), en: text(at('labelEn')) }
    // A row left empty is one of the blank rows the page offers.
    if (!label.id && !label.en && !text(at('options'))) continue
    rowOf.push(i)
    fields.push({
      id: optional(at('id')),
      type: text(at('type')),
      label,
      required: text(at('required')) === 'yes',
      options: optionLines(at('options')),
    })
  }
  const kinds = list(values.doc)
  const completionDays = text(values.completionDays)
  const input = {
    online: text(values.online) === 'yes',
    completionDays: completionDays === '' ? undefined : Number(completionDays),
    fields,
    documents: kinds.map((kindId) => ({ kindId, note: optional(values[`note.${kindId}`]) })),
  }
  /** A refused path of the API's input as the page names the control. */
  const pagePath = (path: string) => {
    const field = /^fields\.(\d+)\.(.*)$/.exec(path)
    if (field) {
      const rest = (field[2] ?? '').replace(/^label\.en.*/, 'labelEn').replace(/^(label|id)\b.*/, 'labelId')
      return `fields.${rowOf[Number(field[1])]}.${rest}`
    }
    const document = /^documents\.(\d+)/.exec(path)
    return document ? `doc.${kinds[Number(document[1])]}` : path
  }
  return { input, pagePath }
}

/**
 * The tenant admin's pages for e-service setup: the document kinds, and a service's online form. Plain forms:
 * a refusal re-renders the page with its message and what was typed; a success redirects (303).
 */
export const onlineServiceAdminPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const { db } = deps
  for (const path of [
    '/admin/katalog/dokumen',
    '/admin/katalog/dokumen/*',
    '/admin/katalog/layanan/:id/online',
  ])
    pages.use(path, requireSite('tenant'), requireRole('admin'))

  const html = (
    c: Context<AppEnv>,
    page: Parameters<Context<AppEnv>['html']>[0],
    status: 200 | RefusalStatus,
  ) => {
    c.header('Cache-Control', 'no-store')
    return c.html(page, status)
  }

  const handle = (
    c: Context<AppEnv>,
    name: string,
    values: FormValues,
    save: () => Promise<unknown>,
    page: (refusal: PageRefusal) => Promise<Response>,
    redirect: string,
    pagePath?: (path: string) => string,
  ) => saveOrRefuse(c, { name, values, labels: labelsOf(c.var.m) }, save, page, redirect, pagePath)

  // Document kinds.
  const renderKinds = async (c: Context<AppEnv>, refusal?: PageRefusal) =>
    html(
      c,
      <DocumentKindsAdminPage
        ctx={pageContext(c, deps.config)}
        kinds={await listDocumentKinds(db, tenantOf(c.var.site).id)}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  const kindFields = (values: FormValues) => ({
    name: { id: text(values.nameId), en: text(values.nameEn) },
    keywords: commaList(values.keywords),
  })

  pages.get('/admin/katalog/dokumen', (c) => renderKinds(c))

  pages.post('/admin/katalog/dokumen', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      'kind:new',
      values,
      () =>
        createDocumentKind(
          db,
          tenantOf(c.var.site),
          documentKindInput.parse({ ...kindFields(values), id: optional(values.id) }),
          c.var.m,
        ),
      (refusal) => renderKinds(c, refusal),
      '/admin/katalog/dokumen?tersimpan',
    )
  })

  pages.post('/admin/katalog/dokumen/:id', async (c) => {
    const id = entityId.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiError(404, 'not_found')
    const values = formValues(await c.req.parseBody({ all: true }))
    return handle(
      c,
      `kind:${id.data}`,
      values,
      () =>
        updateDocumentKind(
          db,
          tenantOf(c.var.site),
          id.data,
          documentKindUpdate.parse({ ...kindFields(values), retired: text(values.retired) === 'yes' }),
        ),
      (refusal) => renderKinds(c, refusal),
      `/admin/katalog/dokumen?tersimpan#k-${id.data}`,
    )
  })

  // A service's online form.
  const serviceId = (c: Context<AppEnv>) => {
    const id = entityId.safeParse(c.req.param('id'))
    if (!id.success) throw new ApiError(404, 'not_found')
    return id.data
  }
  const renderForm = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    const [setup, kinds] = await Promise.all([
      getOnlineSetup(db, tenant, serviceId(c)),
      listDocumentKinds(db, tenant.id),
    ])
    return html(
      c,
      <ServiceOnlineFormPage
        ctx={pageContext(c, deps.config)}
        service={setup.service}
        kinds={kinds}
        form={setup.form}
        suggestions={setup.suggestions}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  pages.get('/admin/katalog/layanan/:id/online', (c) => renderForm(c))

  pages.post('/admin/katalog/layanan/:id/online', async (c) => {
    const id = serviceId(c)
    const values = formValues(await c.req.parseBody({ all: true }))
    const { input, pagePath } = onlineFormOf(values)
    return handle(
      c,
      'online',
      values,
      () => setServiceOnlineForm(db, tenantOf(c.var.site), id, serviceOnlineFormInput.parse(input)),
      (refusal) => renderForm(c, refusal),
      `/admin/katalog/layanan/${id}/online?tersimpan`,
      pagePath,
    )
  })

  return pages
}

import { listAgencies } from '@mpp/db/catalog-repository'
import { listDocumentKinds } from '@mpp/db/document-kind-repository'
import { getServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import {
  type RequestListFilter,
  ServiceRequestListPage,
  ServiceRequestStaffPage,
} from '@mpp/web/views/service-request-staff-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { originOf } from '../onboarding/origin'
import {
  listServiceRequests,
  openRequestDocument,
  requestDocumentViews,
  reviewInput,
  reviewServiceRequest,
  serviceRequestFilters,
  staffServiceRequestOr404,
  staffServiceRequestView,
} from '../service-requests/staff-service-requests'
import { formValues, type PageRefusal, saveOrRefuse, text } from './admin-refusal'
import { pageContext } from './page-context'

type FormFields = Record<string, string | string[]>

/** The form field a refused path of the review's body came from: `documents.1.reason` -> `alasan-kk`. */
const fieldOfPath = (body: unknown, path: string) => {
  const doc = /^documents\.(\d+)\.reason$/.exec(path)
  const documents = (body as { documents?: { kindId: string }[] }).documents
  if (doc && documents) return `alasan-${documents[Number(doc[1])]?.kindId ?? ''}`
  return path === 'reason' ? 'alasan' : path
}

/** The staff's pages for service requests: the list, one request with its decisions, its documents. */
export const serviceRequestStaffPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const html = (c: Context<AppEnv>, page: unknown, status: 200 | 400 | 404 | 409 | 413 | 415 = 200) => {
    c.header('Cache-Control', 'no-store')
    return c.html(page as string, status)
  }
  pages.use('/staf/permohonan', requireSite('tenant'), requireRole('admin', 'officer'))
  pages.use('/staf/permohonan/*', requireSite('tenant'), requireRole('admin', 'officer'))

  pages.get('/staf/permohonan', async (c) => {
    const tenant = tenantOf(c.var.site)
    const asked = c.req.query('status') ?? 'open'
    const filter = (serviceRequestFilters as readonly string[]).includes(asked)
      ? (asked as RequestListFilter)
      : 'open'
    const agencyId = c.req.query('instansi') || undefined
    const staff = c.var.session as Session
    const [{ agencies, requests }, all] = await Promise.all([
      listServiceRequests(deps, tenant, staff, filter, agencyId),
      listAgencies(deps.db, tenant.id),
    ])
    return html(
      c,
      <ServiceRequestListPage
        ctx={pageContext(c, deps.config)}
        filter={filter}
        agencies={all
          .filter((a) => agencies.includes(a.id))
          .map((a) => ({ id: a.id, name: a.shortName ?? a.name }))}
        {...(agencyId ? { agencyId } : {})}
        requests={requests}
        timeZone={tenant.timeZone}
      />,
    )
  })

  const render = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    const staff = c.var.session as Session
    const code = c.req.param('code') ?? ''
    const found = await staffServiceRequestOr404(deps, tenant, staff, code)
    const [views, kinds, form] = await Promise.all([
      requestDocumentViews(deps, tenant, staff, code),
      listDocumentKinds(deps.db, tenant.id),
      getServiceOnlineForm(deps.db, tenant.id, found.serviceId),
    ])
    const lang = c.var.lang
    return html(
      c,
      <ServiceRequestStaffPage
        ctx={pageContext(c, deps.config)}
        request={staffServiceRequestView(deps, tenant, found)}
        fieldLabels={Object.fromEntries((form?.fields ?? []).map((f) => [f.id, f.label[lang]]))}
        kindNames={Object.fromEntries(kinds.map((k) => [k.id, k.name[lang]]))}
        views={views}
        timeZone={tenant.timeZone}
        saved={c.req.query('tersimpan') !== undefined}
        {...(refusal ? { refusal } : {})}
      />,
      refusal?.status ?? 200,
    )
  }

  pages.get('/staf/permohonan/:code', (c) => render(c))

  pages.get('/staf/permohonan/:code/dokumen/:kindId', async (c) => {
    const url = await openRequestDocument(
      deps,
      tenantOf(c.var.site),
      c.var.session as Session,
      c.req.param('code'),
      c.req.param('kindId'),
    )
    c.header('Cache-Control', 'no-store')
    return c.redirect(url, 302)
  })

  /**
   * One decision form: its fields become the review's body, checked by the API's schema; a refusal shows the
   * page again with what was typed and each message beside its field.
   */
  const decision = (path: string, form: string, bodyOf: (values: FormFields) => unknown) =>
    pages.post(`/staf/permohonan/:code/${path}`, async (c) => {
      const tenant = tenantOf(c.var.site)
      const values = formValues(await c.req.parseBody())
      const code = c.req.param('code') ?? ''
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      const body = bodyOf(values)
      const staff = c.var.session as Session
      const t = c.var.m.serviceRequestStaff
      return saveOrRefuse(
        c,
        { name: form, values, labels: { reason: t.rejectReason } },
        () => reviewServiceRequest(deps, tenant, staff, code, reviewInput.parse(body), site),
        (refusal) => render(c, refusal),
        `/staf/permohonan/${code}?tersimpan`,
        (p) => fieldOfPath(body, p),
      )
    })

  decision('periksa', 'review', (values) => ({
    action: 'review',
    documents: Object.keys(values)
      .filter((k) => k.startsWith('putusan-'))
      .map((k) => {
        const kindId = k.slice('putusan-'.length)
        const verdict = text(values[k])
        return verdict === 'fix'
          ? { kindId, verdict, reason: text(values[`alasan-${kindId}`]) }
          : { kindId, verdict }
      }),
  }))
  decision('siap', 'ready', () => ({ action: 'ready' }))
  decision('selesai', 'complete', () => ({ action: 'complete' }))
  decision('tolak', 'reject', (values) => ({ action: 'reject', reason: text(values.alasan) }))

  return pages
}

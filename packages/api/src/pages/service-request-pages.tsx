import { entityId } from '@mpp/core/catalog'
import { formatTrackingCode, normaliseTrackingCode } from '@mpp/core/complaint'
import type { DocumentKind } from '@mpp/core/document-kind'
import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import type { ServiceRequest } from '@mpp/core/service-request'
import type { Tenant } from '@mpp/core/tenant'
import { getServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { type KeptDocument, keptDocuments } from '@mpp/db/service-request-repository'
import type { FieldIssue } from '@mpp/web/components/form-errors'
import type { Messages } from '@mpp/web/i18n/messages'
import { MessagePage } from '@mpp/web/views/message-view'
import {
  type DocumentRow,
  type FieldRow,
  MyDocumentsPage,
  MyServiceRequestsPage,
  type RequestSummary,
  ServiceRequestDraftPage,
  ServiceRequestPage,
  ServiceRequestReceiptPage,
  ServiceRequestTrackPage,
} from '@mpp/web/views/service-request-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { isRuleIssue, wordIssue } from '../issue-messages'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { originOf } from '../onboarding/origin'
import {
  citizenViewOf,
  documentKindsById,
  listMyServiceRequests,
  ownServiceRequest,
  publicTrackingOf,
  saveAnswers,
  startServiceRequest,
  submitServiceRequest,
  trackedServiceRequest,
  trackingLink,
} from '../service-requests/citizen-service-requests'
import { deleteMyDocument, listMyDocuments } from '../service-requests/kept-documents'
import {
  acceptDocumentUpload,
  canHandIn,
  documentUploadForm,
  useKeptDocument,
} from '../service-requests/request-documents'
import { citizenPageGuard, signInThen } from './citizen-page-guard'
import { pageContext } from './page-context'
import { formString, refusable } from './take-ticket-pages'

const kindName = (kinds: Map<string, DocumentKind>, kindId: string, lang: 'id' | 'en') =>
  kinds.get(kindId)?.name[lang] ?? kindId

/** A refusal's details in the reader's words, by path. */
const issuesOf = (error: ApiError | undefined, m: Messages): FieldIssue[] =>
  Array.isArray(error?.details) ? error.details.flatMap((d) => (isRuleIssue(d) ? [wordIssue(d, m)] : [])) : []

const summaryOf = (view: ReturnType<typeof citizenViewOf>): RequestSummary => ({
  display: view.display,
  serviceName: view.serviceName,
  status: view.status,
  startedAt: view.startedAt,
  ...(view.submittedAt ? { submittedAt: view.submittedAt } : {}),
  ...(view.completionDays ? { completionDays: view.completionDays } : {}),
  ...(view.deadline ? { deadline: view.deadline } : {}),
  ...(view.result ? { result: view.result } : {}),
  steps: view.steps,
})

/**
 * The citizen's online applications as pages (issue 14): start from a service's page, the draft with its
 * documents and form, the receipt, "Permohonan saya", "Dokumen saya", and the public tracking page. Plain
 * forms (Post/Redirect/Get), no script; a refused form comes back with what was typed and each reason.
 */
export const serviceRequestPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const { citizenHere, signedIn } = citizenPageGuard(deps)

  const html = (c: Context<AppEnv>, page: Parameters<Context<AppEnv>['html']>[0], status = 200) => {
    c.header('Cache-Control', 'no-store')
    return c.html(page, status as 200)
  }

  pages.post('/warga/permohonan', requireSite('tenant'), async (c) => {
    const serviceId = formString((await c.req.parseBody()).layanan)
    const citizen = await citizenHere(c)
    const service = entityId.safeParse(serviceId)
    if (!citizen)
      return c.redirect(signInThen(service.success ? `/layanan/${service.data}` : '/warga/permohonan'), 303)
    if (!service.success) throw new ApiError(404, 'service_not_found')
    const result = await refusable(() =>
      startServiceRequest(deps, tenantOf(c.var.site), citizen, service.data),
    )
    if ('refused' in result) {
      const refused = result.refused
      if (refused.status !== 409) throw refused
      return html(
        c,
        <MessagePage
          ctx={pageContext(c, deps.config)}
          title={c.var.m.serviceRequests.applyButton}
          text={c.var.m.errors[refused.code]}
        >
          <p>
            <a href={`/layanan/${service.data}`}>{c.var.m.servicePage.backToCatalog}</a>
          </p>
        </MessagePage>,
        409,
      )
    }
    return c.redirect(`/warga/permohonan/${formatTrackingCode(result.ok.request.code)}`, 303)
  })

  pages.get(
    '/warga/permohonan',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const tenant = tenantOf(c.var.site)
      const lines = await listMyServiceRequests(deps, tenant, citizen)
      return html(
        c,
        <MyServiceRequestsPage
          ctx={pageContext(c, deps.config)}
          timeZone={tenant.timeZone}
          lines={lines.map((l) => ({ ...l, display: formatTrackingCode(l.code) }))}
        />,
      )
    }),
  )

  /** The form's fields with what was typed (or kept) and each refusal. */
  const fieldRows = (
    form: ServiceOnlineForm | undefined,
    values: Record<string, string>,
    issues: FieldIssue[],
    lang: 'id' | 'en',
  ): FieldRow[] =>
    (form?.fields ?? []).map((f) => {
      const error = issues.find((i) => i.path === f.id)?.message
      return {
        id: f.id,
        type: f.type,
        label: f.label[lang],
        required: f.required,
        value: values[f.id] ?? '',
        ...(f.options ? { options: f.options.map((o) => ({ value: o.id, label: o[lang] })) } : {}),
        ...(error ? { error } : {}),
      }
    })

  /** Each document the form asks for: what was handed in, the upload form, the kept document to use instead. */
  const documentRows = async (
    c: Context<AppEnv>,
    tenant: Tenant,
    request: ServiceRequest,
    form: ServiceOnlineForm | undefined,
    issues: FieldIssue[],
  ): Promise<DocumentRow[]> => {
    const lang = c.var.lang
    const [kinds, kept] = await Promise.all([
      documentKindsById(deps, tenant),
      keptDocuments(deps.db, tenant.id, request.citizen),
    ])
    const keptByKind = new Map<string, KeptDocument>(kept.map((k) => [k.kindId, k]))
    const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
    const last = (key: string) => key.split('/').at(-1) ?? ''
    return Promise.all(
      (form?.documents ?? []).map(async (d): Promise<DocumentRow> => {
        const handed = request.documents.find((x) => x.kindId === d.kindId)
        const keptOne = keptByKind.get(d.kindId)
        const error = issues.find((i) => i.path === `documents.${d.kindId}`)?.message
        const open = canHandIn(request, form, d.kindId)
        // A kept file already on the request (its copy, or the upload it was kept from) is not offered again.
        const onRequest =
          keptOne !== undefined &&
          handed !== undefined &&
          [last(keptOne.file.key), `k-${last(keptOne.file.key)}`].includes(last(handed.file.key))
        const upload = open ? await documentUploadForm(deps, tenant, request, d.kindId, site) : undefined
        return {
          kindId: d.kindId,
          name: kindName(kinds, d.kindId, lang),
          ...(d.note ? { note: d.note } : {}),
          ...(handed
            ? {
                handedIn: {
                  fileName: handed.file.name,
                  bytes: handed.file.bytes,
                  version: handed.version,
                  status: handed.status,
                  ...(handed.reason ? { reason: handed.reason } : {}),
                },
              }
            : {}),
          ...(open && keptOne && !onRequest
            ? { kept: { fileName: keptOne.file.name, keptAt: keptOne.keptAt } }
            : {}),
          ...(upload ? { upload: { url: upload.url, fields: upload.fields } } : {}),
          ...(error ? { error } : {}),
        }
      }),
    )
  }

  /** The request's page: the draft form while the citizen may change it, else the request as it stands. */
  const renderRequest = async (
    c: Context<AppEnv>,
    request: ServiceRequest,
    refusal?: { error: ApiError; values: Record<string, string>; kindId?: string },
    notice?: string,
  ) => {
    const tenant = tenantOf(c.var.site)
    const m = c.var.m
    const lang = c.var.lang
    const form = await getServiceOnlineForm(deps.db, tenant.id, request.serviceId)
    const view = citizenViewOf(deps, tenant, request)
    if (request.status === 'draft' || request.status === 'needs_fix') {
      const issues = issuesOf(refusal?.error, m)
      // A refused file is about its document: the reason goes beside it (when the form asks for that kind).
      const kindId = refusal?.kindId
      const aboutRow = kindId !== undefined && (form?.documents ?? []).some((d) => d.kindId === kindId)
      if (refusal && aboutRow)
        issues.push({ path: `documents.${kindId}`, message: m.errors[refusal.error.code] })
      return html(
        c,
        <ServiceRequestDraftPage
          ctx={pageContext(c, deps.config)}
          code={request.code}
          display={view.display}
          serviceName={request.serviceName}
          status={request.status}
          documents={await documentRows(c, tenant, request, form, issues)}
          fields={fieldRows(form, refusal?.values ?? request.answers, issues, lang)}
          {...(refusal
            ? {
                alert:
                  refusal.error.code === 'invalid_request' || aboutRow
                    ? m.serviceRequests.refused
                    : m.errors[refusal.error.code],
              }
            : {})}
          {...(notice ? { notice } : {})}
          timeZone={tenant.timeZone}
          steps={view.steps}
        />,
        refusal ? (refusal.error.status === 409 ? 409 : 400) : 200,
      )
    }
    const kinds = await documentKindsById(deps, tenant)
    return html(
      c,
      <ServiceRequestPage
        ctx={pageContext(c, deps.config)}
        request={summaryOf(view)}
        documents={view.documents.map((d) => ({
          name: kindName(kinds, d.kindId, lang),
          handedIn: {
            fileName: d.fileName,
            bytes: d.bytes,
            version: d.version,
            status: d.status,
            ...(d.reason ? { reason: d.reason } : {}),
          },
        }))}
        answers={(form?.fields ?? []).flatMap((f) => {
          const value = request.answers[f.id]
          return value ? [{ label: f.label[lang], value }] : []
        })}
        timeZone={tenant.timeZone}
        {...(refusal ? { notice: m.errors[refusal.error.code] } : notice ? { notice } : {})}
      />,
      refusal ? refusal.error.status : 200,
    )
  }

  const noticeOf = (c: Context<AppEnv>) => {
    const t = c.var.m.serviceRequests
    if (c.req.query('tersimpan') !== undefined) return t.saved
    if (c.req.query('dokumen') !== undefined) return t.documentUploaded
    if (c.req.query('terjadwal') !== undefined) return c.var.m.serviceRequestCollection.bookedNotice
    return undefined
  }

  pages.get(
    '/warga/permohonan/:code',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const request = await ownServiceRequest(deps, tenantOf(c.var.site), citizen, c.req.param('code') ?? '')
      return renderRequest(c, request, undefined, noticeOf(c))
    }),
  )

  pages.post(
    '/warga/permohonan/:code',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const tenant = tenantOf(c.var.site)
      const code = c.req.param('code') ?? ''
      const body = await c.req.parseBody()
      const values = Object.fromEntries(
        Object.entries(body).flatMap(([name, value]) =>
          name.startsWith('isian.') && typeof value === 'string'
            ? [[name.slice('isian.'.length), value]]
            : [],
        ),
      )
      const sending = formString(body.aksi) === 'kirim'
      const saved = await refusable(() => saveAnswers(deps, tenant, citizen, code, values))
      if ('refused' in saved) {
        if (saved.refused.status === 404) throw saved.refused
        const current = await ownServiceRequest(deps, tenant, citizen, code)
        // Sent already (a second click, a page kept open): the receipt again, nothing changed.
        if (sending && current.submittedAt && saved.refused.code === 'service_request_locked')
          return c.redirect(`/warga/permohonan/${formatTrackingCode(current.code)}/tanda-terima`, 303)
        return renderRequest(c, current, { error: saved.refused, values })
      }
      const display = formatTrackingCode(saved.ok.code)
      if (!sending) return c.redirect(`/warga/permohonan/${display}?tersimpan`, 303)
      const submitted = await refusable(() => submitServiceRequest(deps, tenant, citizen, code))
      if ('refused' in submitted) {
        if (submitted.refused.status === 404) throw submitted.refused
        return renderRequest(c, saved.ok, { error: submitted.refused, values })
      }
      return c.redirect(`/warga/permohonan/${display}/tanda-terima?baru`, 303)
    }),
  )

  /**
   * A step on one document of the request (an accepted upload, a kept document used): back to the request at
   * that document, or the request again with the refusal beside it. An unknown request is the 404 page.
   */
  const documentStep =
    (
      step: (
        tenant: Tenant,
        citizen: string,
        code: string,
        kindId: string,
        c: Context<AppEnv>,
      ) => Promise<ServiceRequest>,
    ) =>
    async (c: Context<AppEnv>, citizen: string) => {
      const tenant = tenantOf(c.var.site)
      const code = c.req.param('code') ?? ''
      const kindId = c.req.param('kindId') ?? ''
      const result = await refusable(() => step(tenant, citizen, code, kindId, c))
      if ('refused' in result) {
        if (result.refused.code === 'service_request_not_found') throw result.refused
        const request = await ownServiceRequest(deps, tenant, citizen, code)
        return renderRequest(c, request, { error: result.refused, values: request.answers, kindId })
      }
      return c.redirect(
        `/warga/permohonan/${formatTrackingCode(result.ok.code)}?dokumen#dokumen-${kindId}`,
        303,
      )
    }

  // Where the file store sends the browser once a document is uploaded: checked, recorded, kept.
  pages.get(
    '/warga/permohonan/:code/dokumen/:kindId/diterima',
    requireSite('tenant'),
    signedIn(
      documentStep((tenant, citizen, code, kindId, c) =>
        acceptDocumentUpload(deps, tenant, citizen, code, kindId, c.req.query('unggahan') ?? ''),
      ),
    ),
  )

  pages.post(
    '/warga/permohonan/:code/dokumen/:kindId/tersimpan',
    requireSite('tenant'),
    signedIn(
      documentStep((tenant, citizen, code, kindId) => useKeptDocument(deps, tenant, citizen, code, kindId)),
    ),
  )

  pages.get(
    '/warga/permohonan/:code/tanda-terima',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const tenant = tenantOf(c.var.site)
      const request = await ownServiceRequest(deps, tenant, citizen, c.req.param('code') ?? '')
      const view = citizenViewOf(deps, tenant, request)
      if (!request.submittedAt) return c.redirect(`/warga/permohonan/${view.display}`, 303)
      const kinds = await documentKindsById(deps, tenant)
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      return html(
        c,
        <ServiceRequestReceiptPage
          ctx={pageContext(c, deps.config)}
          request={summaryOf(view)}
          documents={view.documents.map((d) => ({
            name: kindName(kinds, d.kindId, c.var.lang),
            fileName: d.fileName,
          }))}
          trackingUrl={new URL(trackingLink(request.code), site).toString()}
          timeZone={tenant.timeZone}
          justSubmitted={c.req.query('baru') !== undefined}
        />,
      )
    }),
  )

  /** The lookup form, refused: what was typed and why. */
  const lookupRefused = (c: Context<AppEnv>, typed: string, error: ApiError | string, status: number) => {
    if (error instanceof ApiError)
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
    return html(
      c,
      <ServiceRequestTrackPage
        ctx={pageContext(c, deps.config)}
        typed={typed}
        error={error instanceof ApiError ? c.var.m.errors[error.code] : error}
        timeZone={tenantOf(c.var.site).timeZone}
      />,
      status,
    )
  }

  pages.get('/permohonan', requireSite('tenant'), async (c) => {
    const typed = c.req.query('kode')
    const tenant = tenantOf(c.var.site)
    if (typed === undefined)
      return html(c, <ServiceRequestTrackPage ctx={pageContext(c, deps.config)} timeZone={tenant.timeZone} />)
    const code = normaliseTrackingCode(typed)
    if (!code) return lookupRefused(c, typed, c.var.m.serviceRequests.trackInvalid, 400)
    const found = await refusable(async () => {
      await countPublicWrite(deps, c, 'trackingLookup')
      return trackedServiceRequest(deps, tenant, code)
    })
    if ('refused' in found) return lookupRefused(c, typed, found.refused, found.refused.status)
    return c.redirect(trackingLink(code), 303)
  })

  pages.get('/permohonan/:code', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const typed = c.req.param('code') ?? ''
    // Its owner, signed in, sees everything (and is not counted); anyone else what the code alone shows.
    const citizen = await citizenHere(c)
    const code = normaliseTrackingCode(typed)
    if (citizen && code) {
      const own = await refusable(() => ownServiceRequest(deps, tenant, citizen, code))
      if ('ok' in own)
        return own.ok.status === 'draft'
          ? c.redirect(`/warga/permohonan/${formatTrackingCode(code)}`, 303)
          : renderRequest(c, own.ok)
    }
    await countPublicWrite(deps, c, 'trackingLookup')
    const found = await trackedServiceRequest(deps, tenant, typed)
    const view = publicTrackingOf(deps, tenant, found)
    // The address is the request's only key: keep it out of search engines.
    c.header('X-Robots-Tag', 'noindex')
    return html(
      c,
      <ServiceRequestTrackPage
        ctx={pageContext(c, deps.config)}
        request={{ ...view, startedAt: found.startedAt }}
        timeZone={tenant.timeZone}
      />,
    )
  })

  pages.get(
    '/warga/dokumen',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      const tenant = tenantOf(c.var.site)
      const kept = await listMyDocuments(deps, tenant, citizen)
      return html(
        c,
        <MyDocumentsPage
          ctx={pageContext(c, deps.config)}
          timeZone={tenant.timeZone}
          documents={kept.map((k) => ({ ...k, name: k.name[c.var.lang] }))}
          {...(c.req.query('dihapus') !== undefined
            ? { notice: c.var.m.serviceRequests.documentDeleted }
            : {})}
        />,
      )
    }),
  )

  pages.post(
    '/warga/dokumen/:kindId/hapus',
    requireSite('tenant'),
    signedIn(async (c, citizen) => {
      await deleteMyDocument(deps, tenantOf(c.var.site), citizen, c.req.param('kindId') ?? '')
      return c.redirect('/warga/dokumen?dihapus', 303)
    }),
  )

  return pages
}

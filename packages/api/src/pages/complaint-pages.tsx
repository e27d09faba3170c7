import {
  closeNote,
  complaintInput,
  complaintText,
  formatTrackingCode,
  laporReference,
  normaliseTrackingCode,
  responseText,
} from '@mpp/core/complaint'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { getCatalog } from '@mpp/db/catalog-repository'
import { getComplaint } from '@mpp/db/complaint-repository'
import { groupByAgency } from '@mpp/web/components/service-groups'
import {
  type ComplaintListFilter,
  ComplaintListPage,
  ComplaintStaffPage,
  complaintListFilters,
} from '@mpp/web/views/complaint-staff-view'
import {
  type ComplaintField,
  ComplaintFormPage,
  type ComplaintFormValues,
  ComplaintTrackPage,
} from '@mpp/web/views/complaint-view'
import { type Context, Hono } from 'hono'
import type { z } from 'zod'
import type { AppDeps, AppEnv, Session } from '../app-env'
import {
  citizenView,
  closeComplaint,
  complaintOr404,
  complaintToday,
  listComplaints,
  replyToComplaint,
  respondComplaint,
  setLaporReference,
  staffView,
  submitComplaint,
  verifyComplaint,
} from '../complaints/complaints'
import { ApiError } from '../errors'
import { countPublicWrite } from '../limits/public-writes'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { originOf } from '../onboarding/origin'
import { pageContext } from './page-context'
import { formString, isFormKey, newFormKey, refusable, refusalText } from './take-ticket-pages'

type Status = 400 | 404 | 409 | 429

/** A refusal's words; a step no longer possible is explained in terms of complaints. */
const refusalMessage = (c: Context<AppEnv>, error: ApiError) =>
  error.code === 'invalid_transition' ? c.var.m.complaints.invalidTransition : c.var.m.errors[error.code]
const statusOf = (error: ApiError): Status =>
  error.status === 404 || error.status === 409 || error.status === 429 ? error.status : 400

/** The typed values of the complaint form, trimmed, as they go back into a refused form. */
const complaintFormValues = (form: Record<string, unknown>): ComplaintFormValues => ({
  layanan: formString(form.layanan).trim(),
  jenis: formString(form.jenis).trim(),
  isi: formString(form.isi),
  tanpaNama: formString(form.tanpaNama) === 'ya',
  nama: formString(form.nama).trim(),
  telepon: formString(form.telepon).trim(),
  email: formString(form.email).trim(),
})

/** The form as the API's body, so the page and `POST /api/complaints` validate alike. */
const complaintBody = (v: ComplaintFormValues) => {
  const contact = {
    ...(v.nama ? { name: v.nama } : {}),
    ...(v.telepon ? { phone: v.telepon } : {}),
    ...(v.email ? { email: v.email } : {}),
  }
  return {
    ...(v.layanan ? { serviceId: v.layanan } : {}),
    category: v.jenis,
    text: v.isi,
    anonymous: v.tanpaNama,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  }
}

/** Which form field a validation issue is about. */
const fieldOf = (path: PropertyKey[]): ComplaintField => {
  const [first, second] = path
  if (first === 'text') return 'isi'
  if (first === 'category') return 'jenis'
  if (first === 'serviceId') return 'layanan'
  if (first === 'contact' && second === 'name') return 'nama'
  if (first === 'contact' && second === 'phone') return 'telepon'
  if (first === 'contact' && second === 'email') return 'email'
  return 'tanpaNama'
}

/**
 * Complaints as pages: the citizen's form and tracking page on `/pengaduan`, and the staff's list and
 * handling on `/staf/pengaduan` (officers and admins alike). Plain forms with Post/Redirect/Get; a refused
 * form comes back with what was typed and the reason (400/404/409).
 */
export const complaintPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const html = (
    c: Context<AppEnv>,
    page: Parameters<Context<AppEnv>['html']>[0],
    status: 200 | Status = 200,
  ) => {
    c.header('Cache-Control', 'no-store')
    return c.html(page, status)
  }

  const serviceGroups = async (tenant: Tenant) => {
    const { agencies, services } = await getCatalog(deps.db, tenant.id)
    return groupByAgency(agencies, services)
  }

  const renderForm = async (
    c: Context<AppEnv>,
    props: Omit<Parameters<typeof ComplaintFormPage>[0], 'ctx' | 'groups' | 'formKey'> & { formKey?: string },
    status: 200 | Status = 200,
  ) => {
    const tenant = tenantOf(c.var.site)
    // A suspended or closed MPP takes no complaint here (the API refuses it): the page says why, tracking stays.
    const closed = servesCitizens(tenant.stage)
      ? undefined
      : refusalText(c, tenant, new ApiError(409, 'tenant_unavailable'))
    return html(
      c,
      <ComplaintFormPage
        ctx={pageContext(c, deps.config)}
        groups={await serviceGroups(tenant)}
        {...props}
        closed={closed}
        formKey={props.formKey ?? newFormKey()}
      />,
      status,
    )
  }

  pages.get('/pengaduan', requireSite('tenant'), async (c) => {
    const typed = c.req.query('kode')
    if (typed === undefined) return renderForm(c, {})
    const m = c.var.m
    const code = normaliseTrackingCode(typed)
    if (!code) return renderForm(c, { track: { code: typed, error: m.complaints.trackInvalid } }, 400)
    if (!(await getComplaint(deps.db, tenantOf(c.var.site).id, code)))
      return renderForm(c, { track: { code: typed, error: m.errors.complaint_not_found } }, 404)
    return c.redirect(`/pengaduan/${formatTrackingCode(code)}`, 303)
  })

  pages.post('/pengaduan', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const form = await c.req.parseBody()
    const values = complaintFormValues(form)
    const key = formString(form.kunci)
    const t = c.var.m.complaints
    if (!isFormKey(key)) return renderForm(c, { values, refusal: c.var.m.errors.invalid_request }, 400)

    const parsed = complaintInput.safeParse(complaintBody(values))
    if (!parsed.success) {
      const errors: Partial<Record<ComplaintField, string>> = {}
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path)
        const anonymousClash =
          field === 'tanpaNama' || (issue.path[0] === 'contact' && issue.path.length === 1)
        errors[anonymousClash ? 'tanpaNama' : field] ??= anonymousClash
          ? t.fieldErrors.anonymous
          : {
              isi: t.fieldErrors.text,
              jenis: t.fieldErrors.category,
              layanan: t.fieldErrors.service,
              nama: t.fieldErrors.name,
              telepon: t.fieldErrors.phone,
              email: t.fieldErrors.email,
              tanpaNama: t.fieldErrors.anonymous,
            }[field]
      }
      return renderForm(c, { values, errors, formKey: key }, 400)
    }
    const result = await refusable(async () => {
      await countPublicWrite(deps, c, 'complaint')
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      return submitComplaint(deps, tenant, parsed.data, { site, lang: c.var.lang }, `CP#form-${key}`)
    })
    if ('refused' in result) {
      const refused = result.refused
      return renderForm(
        c,
        {
          values,
          // A key that went with other answers before is spent: the form comes back with a new one.
          ...(refused.code === 'idempotency_key_reused' ? {} : { formKey: key }),
          ...(refused.code === 'service_not_found'
            ? { errors: { layanan: t.fieldErrors.service } }
            : { refusal: refusalText(c, tenant, refused) }),
        },
        statusOf(refused),
      )
    }
    return c.redirect(`/pengaduan/${formatTrackingCode(result.ok.complaint.code)}?baru`, 303)
  })

  const renderTrack = async (
    c: Context<AppEnv>,
    extra: { reply?: { text: string; error: string } } = {},
    status: 200 | Status = 200,
  ) => {
    const tenant = tenantOf(c.var.site)
    const found = await complaintOr404(deps, tenant, c.req.param('code') ?? '')
    // The address is the complaint's only key: keep it out of search engines.
    c.header('X-Robots-Tag', 'noindex')
    return html(
      c,
      <ComplaintTrackPage
        ctx={pageContext(c, deps.config)}
        complaint={citizenView(found)}
        timeZone={tenant.timeZone}
        justFiled={c.req.query('baru') !== undefined}
        replySent={c.req.query('terkirim') !== undefined}
        {...extra}
      />,
      status,
    )
  }

  pages.get('/pengaduan/:code', requireSite('tenant'), (c) => renderTrack(c))

  pages.post('/pengaduan/:code/balas', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const text = formString((await c.req.parseBody()).isi)
    const parsed = complaintText.safeParse(text)
    if (!parsed.success)
      return renderTrack(c, { reply: { text, error: c.var.m.complaints.fieldErrors.text } }, 400)
    const result = await refusable(async () => {
      await countPublicWrite(deps, c, 'complaintReply')
      return replyToComplaint(deps, tenant, c.req.param('code'), parsed.data)
    })
    if ('refused' in result) {
      if (result.refused.status === 404) throw result.refused
      return renderTrack(
        c,
        { reply: { text, error: refusalText(c, tenant, result.refused) } },
        statusOf(result.refused),
      )
    }
    return c.redirect(`/pengaduan/${formatTrackingCode(result.ok.code)}?terkirim`, 303)
  })

  // Staff: officers and admins handle complaints.
  pages.use('/staf/pengaduan', requireSite('tenant'), requireRole('admin', 'officer'))
  pages.use('/staf/pengaduan/*', requireSite('tenant'), requireRole('admin', 'officer'))

  pages.get('/staf/pengaduan', async (c) => {
    const tenant = tenantOf(c.var.site)
    const asked = c.req.query('status') ?? 'open'
    const filter: ComplaintListFilter = (complaintListFilters as readonly string[]).includes(asked)
      ? (asked as ComplaintListFilter)
      : 'open'
    const { today, complaints } = await listComplaints(deps, tenant, filter)
    return html(
      c,
      <ComplaintListPage
        ctx={pageContext(c, deps.config)}
        filter={filter}
        complaints={complaints.map((x) => staffView(x, today))}
        timeZone={tenant.timeZone}
      />,
    )
  })

  const renderStaff = async (
    c: Context<AppEnv>,
    refusal?: { form: string; message: string; values: Record<string, string>; status: Status },
  ) => {
    const tenant = tenantOf(c.var.site)
    const found = await complaintOr404(deps, tenant, c.req.param('code') ?? '')
    return html(
      c,
      <ComplaintStaffPage
        ctx={pageContext(c, deps.config)}
        complaint={staffView(found, complaintToday(tenant, deps.now()))}
        timeZone={tenant.timeZone}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  pages.get('/staf/pengaduan/:code', (c) => renderStaff(c))

  /**
   * One staff form: the field is checked with its schema (a refusal names it), then the change is made; a
   * refusal of the change itself (409 for a step that is no longer possible) comes back on the same page.
   */
  const staffAction = <S extends z.ZodType>(
    path: string,
    form: string,
    field: string,
    schema: S,
    invalidMessage: (c: Context<AppEnv>) => string,
    act: (c: Context<AppEnv>, tenant: Tenant, value: z.output<S>, by: string) => Promise<unknown>,
  ) =>
    pages.post(`/staf/pengaduan/:code/${path}`, async (c) => {
      const tenant = tenantOf(c.var.site)
      const typed = formString((await c.req.parseBody())[field])
      const values = { [field]: typed }
      const parsed = schema.safeParse(typed.trim() === '' ? undefined : typed)
      if (!parsed.success) return renderStaff(c, { form, values, message: invalidMessage(c), status: 400 })
      const by = (c.var.session as Session).email
      const result = await refusable(() => act(c, tenant, parsed.data, by))
      if ('refused' in result) {
        if (result.refused.status === 404) throw result.refused
        return renderStaff(c, {
          form,
          values,
          message: refusalMessage(c, result.refused),
          status: statusOf(result.refused),
        })
      }
      return c.redirect(`/staf/pengaduan/${c.req.param('code')}?tersimpan`, 303)
    })

  staffAction(
    'verifikasi',
    'verify',
    'laporRef',
    laporReference.optional(),
    (c) => c.var.m.complaints.laporInvalid,
    (c, tenant, laporRef, by) => verifyComplaint(deps, tenant, c.req.param('code') ?? '', by, laporRef),
  )
  staffAction(
    'tanggapi',
    'respond',
    'isi',
    responseText,
    (c) => c.var.m.complaints.respondInvalid,
    (c, tenant, text, by) => respondComplaint(deps, tenant, c.req.param('code') ?? '', by, text),
  )
  staffAction(
    'tutup',
    'close',
    'catatan',
    closeNote.optional(),
    (c) => c.var.m.complaints.closeInvalid,
    (c, tenant, note, by) => closeComplaint(deps, tenant, c.req.param('code') ?? '', by, note),
  )
  staffAction(
    'lapor',
    'lapor',
    'laporRef',
    laporReference.optional(),
    (c) => c.var.m.complaints.laporInvalid,
    (c, tenant, laporRef) => setLaporReference(deps, tenant, c.req.param('code') ?? '', laporRef),
  )

  return pages
}

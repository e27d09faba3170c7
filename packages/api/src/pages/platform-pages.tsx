import { isoDate } from '@mpp/core/queue'
import { normaliseForSearch } from '@mpp/core/search'
import { applicationStatus } from '@mpp/core/tenant-lifecycle'
import { listApplicationsByStatus } from '@mpp/db/application-repository'
import { listAudit } from '@mpp/db/audit-repository'
import { listMail, type MailMessage } from '@mpp/db/mail-repository'
import { getTenant } from '@mpp/db/tenant-repository'
import { MinistryApplicationPage } from '@mpp/web/views/ministry-application-view'
import { MinistryApplicationsPage } from '@mpp/web/views/ministry-applications-view'
import { MinistryHome } from '@mpp/web/views/ministry-home'
import { MinistryMailPage } from '@mpp/web/views/ministry-mail-view'
import { MinistryTenantPage } from '@mpp/web/views/ministry-tenant-view'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { ApiError } from '../errors'
import { pdfType } from '../files/file-types'
import { mailRef, resendFailedMail } from '../mail/resend'
import { hideSecretLinks } from '../mail/secret-links'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import {
  applicationSubject,
  decideApplication,
  getApplication,
  tenantSubject,
} from '../onboarding/applications'
import { originOf } from '../onboarding/origin'
import { decideTenant } from '../onboarding/tenant-lifecycle'
import type { TenantCache } from '../tenant-cache'
import { pageContext } from './page-context'
import { tenantLinks } from './platform-home'
import { tenantUrl } from './tenant-url'

/** The ministry's console on the platform host. */
export const platformPages = (deps: AppDeps, tenants: TenantCache) => {
  const pages = new Hono<AppEnv>()

  pages.use('/kementerian', requireSite('platform'), requireRole('ministry'))
  pages.use('/kementerian/*', requireSite('platform'), requireRole('ministry'))
  pages.get('/kementerian', async (c) => {
    const now = deps.now()
    const [tenantList, verified] = await Promise.all([
      tenantLinks(deps, c),
      listApplicationsByStatus(deps.db, 'verified', now),
    ])
    // Waiting for the ministry since it last became `verified` (the email confirmed, or a revision sent back):
    // its last change. The longest wait comes first.
    const waiting = verified
      .map((a) => ({
        id: a.id,
        regencyName: a.regencyName,
        provinceName: a.provinceName,
        waitingSince: a.updatedAt,
      }))
      .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince))
    return c.html(
      <MinistryHome
        ctx={pageContext(c, deps.config)}
        tenants={tenantList}
        waiting={waiting}
        now={now.toISOString()}
      />,
    )
  })

  pages.get('/kementerian/permohonan', async (c) => {
    const parsed = applicationStatus.safeParse(c.req.query('status'))
    const status = parsed.success ? parsed.data : 'verified'
    const q = (c.req.query('q') ?? '').slice(0, 80)
    const query = normaliseForSearch(q)
    const applications = (await listApplicationsByStatus(deps.db, status, deps.now())).filter(
      (a) =>
        !query ||
        normaliseForSearch(`${a.regencyName} ${a.provinceName} ${a.applicant.name} ${a.subdomain}`).includes(
          query,
        ),
    )
    return c.html(
      <MinistryApplicationsPage
        ctx={pageContext(c, deps.config)}
        status={status}
        q={q}
        applications={applications}
      />,
    )
  })

  const applicationPage = async (
    c: Context<AppEnv>,
    id: string,
    refusal?: { form: string; message: string; note: string },
  ) => {
    const [application, audit] = await Promise.all([
      getApplication(deps, id),
      listAudit(deps.db, applicationSubject(id)),
    ])
    return c.html(
      <MinistryApplicationPage
        ctx={pageContext(c, deps.config)}
        application={application}
        audit={audit}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal ? 400 : 200,
    )
  }

  pages.get('/kementerian/permohonan/:id', (c) => applicationPage(c, c.req.param('id')))

  // The urgency study's PDF, through a short-lived link from the store (S3 presigned in AWS).
  pages.get('/kementerian/permohonan/:id/kajian', async (c) => {
    const file = (await getApplication(deps, c.req.param('id'))).urgencyStudyFile
    if (!file) throw new ApiError(404, 'not_found')
    c.header('Cache-Control', 'no-store')
    return c.redirect(
      await deps.files.downloadUrl(file.key, { fileName: file.name, contentType: pdfType.contentType }),
      302,
    )
  })

  pages.post('/kementerian/permohonan/:id/keputusan', async (c) => {
    const id = c.req.param('id')
    const form = await c.req.parseBody()
    const action = decisionAction.safeParse(form.action)
    const note = typeof form.note === 'string' ? form.note.trim() : ''
    if (!action.success)
      return applicationPage(c, id, { form: '', message: c.var.m.errors.invalid_request, note })
    // The same rule as the API: a reason is required for anything but an approval.
    if (action.data !== 'approve' && note.length < 5) {
      return applicationPage(c, id, { form: action.data, message: c.var.m.errors.invalid_request, note })
    }
    try {
      await decideApplication(
        deps,
        { id, action: action.data, by: (c.var.session as Session).email, ...(note ? { note } : {}) },
        originOf(c, deps.config.rootDomain),
      )
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        return applicationPage(c, id, { form: action.data, message: c.var.m.errors[error.code], note })
      }
      throw error
    }
    return c.redirect(`/kementerian/permohonan/${id}?tersimpan`, 303)
  })

  const tenantPage = async (
    c: Context<AppEnv>,
    id: string,
    refusal?: { form: string; message: string; values: Record<string, string> },
  ) => {
    const [tenant, audit] = await Promise.all([getTenant(deps.db, id), listAudit(deps.db, tenantSubject(id))])
    if (!tenant) throw new ApiError(404, 'not_found')
    return c.html(
      <MinistryTenantPage
        ctx={pageContext(c, deps.config)}
        tenant={tenant}
        siteUrl={tenantUrl(c.req.url, deps.config.rootDomain, tenant.slug)}
        audit={audit}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal ? 400 : 200,
    )
  }

  pages.get('/kementerian/tenant/:id', (c) => tenantPage(c, c.req.param('id')))

  pages.post('/kementerian/tenant/:id/keputusan', async (c) => {
    const id = c.req.param('id')
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']),
    )
    const decision = tenantDecision.safeParse(form)
    if (!decision.success) {
      return tenantPage(c, id, {
        form: form.action ?? '',
        message: c.var.m.errors.invalid_request,
        values: form,
      })
    }
    try {
      const next = await decideTenant(deps, id, decision.data, (c.var.session as Session).email)
      tenants.forget(next.slug)
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        return tenantPage(c, id, {
          form: decision.data.action,
          message: c.var.m.errors[error.code],
          values: form,
        })
      }
      throw error
    }
    return c.redirect(`/kementerian/tenant/${id}?tersimpan`, 303)
  })

  pages.get('/kementerian/surat', async (c) => {
    const shown = (m: MailMessage) => ({
      ...m,
      text: hideSecretLinks(m.text, c.var.m.ministryConsole.secretLinkHidden),
    })
    const [mail, failed] = await Promise.all([listMail(deps.db), listMail(deps.db, { delivery: 'failed' })])
    return c.html(
      <MinistryMailPage
        ctx={pageContext(c, deps.config)}
        mail={mail.map(shown)}
        failed={failed.map(shown)}
        resent={c.req.query('dikirim-ulang') !== undefined}
      />,
    )
  })

  pages.post('/kementerian/surat/kirim-ulang', async (c) => {
    const ref = mailRef.safeParse(await c.req.parseBody())
    if (!ref.success) throw new ApiError(400, 'invalid_request')
    await resendFailedMail(deps, ref.data)
    return c.redirect('/kementerian/surat?dikirim-ulang', 303)
  })

  return pages
}

const decisionAction = z.enum(['approve', 'reject', 'request_revision', 'withdraw'])

const tenantDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('inaugurate'), date: isoDate }),
  z.object({ action: z.literal('suspend'), reason: z.string().min(5).max(500) }),
  z.object({ action: z.literal('reactivate'), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('close'), note: z.string().max(2000).optional() }),
])

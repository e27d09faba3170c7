import { applicationInput } from '@mpp/core/application'
import { findRegency, regencies } from '@mpp/core/regions'
import { formatInstant } from '@mpp/web/components/local-time'
import { ApplicationSentPage } from '@mpp/web/views/application-sent-view'
import { MessagePage } from '@mpp/web/views/message-view'
import { emptySignup, regencyOption, SignupPage, type SignupValues } from '@mpp/web/views/signup-view'
import { type Context, Hono } from 'hono'
import type { ZodError } from 'zod'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { countPublicWrite, perApplicantEmail } from '../limits/public-writes'
import { requireSite } from '../middleware/require-site'
import {
  applicationByLink,
  attachUrgencyStudy,
  createApplication,
  resubmitApplication,
  urgencyStudyForm,
  verifyApplicationEmail,
} from '../onboarding/applications'
import { originOf } from '../onboarding/origin'
import { fieldIssues } from '../validation'
import { pageContext } from './page-context'

type Form = Record<string, string | File>
const text = (form: Form, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')

/** What the form sent, as typed, to put back into the form when it is refused. */
const valuesOf = (form: Form): SignupValues => ({
  regency: text(form, 'regency'),
  subdomain: text(form, 'subdomain').trim(),
  name: text(form, 'name'),
  position: text(form, 'position'),
  email: text(form, 'email'),
  phone: text(form, 'phone'),
  plannedAgencies: text(form, 'plannedAgencies'),
  plannedServices: text(form, 'plannedServices'),
  urgencyStudy: text(form, 'urgencyStudy'),
  commitment: text(form, 'commitment') === 'yes',
})

/** The regency's code from the chosen list entry ("Kota Padang, Sumatera Barat (13.71)"), or a bare code. */
const regencyCodeOf = (value: string) => /\((\d{2}\.\d{2})\)\s*$/.exec(value)?.[1] ?? value.trim()

/** The application as the schema reads it, from what the form sent. */
const inputFor = (v: SignupValues) => ({
  regencyCode: regencyCodeOf(v.regency),
  subdomain: v.subdomain,
  applicant: { name: v.name, position: v.position, email: v.email, phone: v.phone },
  plannedAgencies: v.plannedAgencies,
  plannedServices: v.plannedServices,
  urgencyStudy: v.urgencyStudy,
  commitment: v.commitment,
})

const inputOf = (v: SignupValues) => applicationInput.safeParse(inputFor(v))

/** Signup on the platform host: the application form, the email confirmation, the revision. */
export const signupPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  pages.use('/daftar', requireSite('platform'))
  pages.use('/daftar/*', requireSite('platform'))

  const form = (
    c: Context<AppEnv>,
    values: SignupValues,
    refusal?: { status: 400 | 409 | 429; alert: string; fieldErrors?: { path: string; message: string }[] },
    revision?: { action: string; note?: string },
  ) =>
    c.html(
      <SignupPage
        ctx={pageContext(c, deps.config)}
        rootDomain={deps.config.rootDomain}
        regencies={regencies}
        values={values}
        alert={refusal?.alert}
        fieldErrors={refusal?.fieldErrors}
        revision={revision}
      />,
      refusal?.status ?? 200,
    )

  /** A refused application, as the form shows it. */
  const refusalOf = (c: Context<AppEnv>, error: ApiError) => {
    const m = c.var.m
    const d = (error.details ?? {}) as { appliedAt?: string; tenant?: boolean }
    if (error.code === 'regency_taken') {
      const alert = d.tenant
        ? m.signup.regencyHasTenant
        : m.signup.regencyTaken(d.appliedAt ? formatInstant(d.appliedAt, 'Asia/Jakarta', c.var.lang) : '-')
      return { status: 409 as const, alert, fieldErrors: [{ path: 'regency', message: alert }] }
    }
    if (error.code === 'subdomain_taken') {
      return {
        status: 409 as const,
        alert: m.errors.subdomain_taken,
        fieldErrors: [{ path: 'subdomain', message: m.signup.subdomainTaken }],
      }
    }
    if (error.code === 'unknown_regency') {
      return {
        status: 400 as const,
        alert: m.errors.unknown_regency,
        fieldErrors: [{ path: 'regency', message: m.signup.unknownRegency }],
      }
    }
    if (error.code === 'too_many_requests') {
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60
      return { status: 429 as const, alert: m.limits.retryIn(Math.ceil(seconds / 60)) }
    }
    return { status: 409 as const, alert: m.errors[error.code] }
  }

  /** The form's refusal: every field's message from the one mapping; a regency typed but not found says so. */
  const invalid = (c: Context<AppEnv>, values: SignupValues, error: ZodError) => ({
    status: 400 as const,
    alert: c.var.m.errors.invalid_request,
    fieldErrors: fieldIssues(error, c.var.m, inputFor(values)).map((i) =>
      i.path !== 'regencyCode'
        ? i
        : { path: 'regency', message: values.regency.trim() ? c.var.m.signup.unknownRegency : i.message },
    ),
  })

  pages.get('/daftar', (c) => form(c, emptySignup))

  pages.post('/daftar', async (c) => {
    const values = valuesOf(await c.req.parseBody())
    const parsed = inputOf(values)
    if (!parsed.success) return form(c, values, invalid(c, values, parsed.error))
    let filed: Awaited<ReturnType<typeof createApplication>>
    try {
      await countPublicWrite(deps, c, 'application', perApplicantEmail(parsed.data.applicant.email))
      filed = await createApplication(deps, parsed.data, originOf(c, deps.config.rootDomain))
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) return form(c, values, refusalOf(c, error))
      throw error
    }
    return c.redirect(`/daftar/terkirim/${filed.application.id}/${filed.fileToken}`, 303)
  })

  /** The sent page, with the form that attaches the urgency study's PDF (`alert` when the last one was not). */
  const sentPage = async (c: Context<AppEnv>, alert?: string) => {
    const id = c.req.param('id') ?? ''
    const token = c.req.param('token') ?? ''
    const application = await applicationByLink(deps, id, token, 'fileTokenHash')
    const back = `${originOf(c, deps.config.rootDomain).platform}/daftar/lampiran/${id}/${token}`
    return c.html(
      <ApplicationSentPage
        ctx={pageContext(c, deps.config)}
        upload={await urgencyStudyForm(deps, id, token, back)}
        attached={application.urgencyStudyFile}
        alert={alert}
      />,
      alert ? 400 : 200,
    )
  }

  pages.get('/daftar/terkirim/:id/:token', (c) => sentPage(c))

  // Where the file store sends the browser once the PDF is stored.
  pages.get('/daftar/lampiran/:id/:token', async (c) => {
    const { id, token } = c.req.param()
    try {
      await attachUrgencyStudy(deps, id, token)
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'file_missing' || error.code === 'file_not_pdf')) {
        return sentPage(c, c.var.m.errors[error.code])
      }
      throw error
    }
    return c.redirect(`/daftar/terkirim/${id}/${token}`, 303)
  })

  pages.get('/daftar/verifikasi/:id/:token', async (c) => {
    // A mail scanner following the link must not confirm anything: the confirmation is the button's POST.
    const application = await applicationByLink(
      deps,
      c.req.param('id'),
      c.req.param('token'),
      'emailTokenHash',
    )
    const t = c.var.m.signup
    return c.html(
      <MessagePage
        ctx={pageContext(c, deps.config)}
        title={t.verifyTitle}
        text={t.verifyLead(application.regencyName)}
      >
        <form method="post" action={new URL(c.req.url).pathname}>
          <button type="submit" class="button">
            {t.verifyButton}
          </button>
        </form>
      </MessagePage>,
    )
  })

  pages.post('/daftar/verifikasi/:id/:token', async (c) => {
    const t = c.var.m.signup
    try {
      await verifyApplicationEmail(deps, c.req.param('id'), c.req.param('token'))
    } catch (error) {
      if (
        !(error instanceof ApiError && (error.code === 'regency_taken' || error.code === 'subdomain_taken'))
      )
        throw error
      const d = (error.details ?? {}) as { appliedAt?: string; tenant?: boolean }
      const text =
        error.code === 'subdomain_taken'
          ? t.confirmSubdomainTaken
          : d.tenant
            ? t.regencyHasTenant
            : t.confirmRegencyTaken(
                d.appliedAt ? formatInstant(d.appliedAt, 'Asia/Jakarta', c.var.lang) : '-',
              )
      return c.html(
        <MessagePage ctx={pageContext(c, deps.config)} title={t.confirmTakenTitle} text={text} />,
        409,
      )
    }
    return c.html(<MessagePage ctx={pageContext(c, deps.config)} title={t.verifiedTitle} text={t.verified} />)
  })

  pages.get('/daftar/revisi/:id/:token', async (c) => {
    const a = await applicationByLink(deps, c.req.param('id'), c.req.param('token'), 'editTokenHash')
    const regency = findRegency(a.regencyCode)
    const values: SignupValues = {
      regency: regency ? regencyOption(regency) : a.regencyCode,
      subdomain: a.subdomain,
      ...a.applicant,
      plannedAgencies: a.plannedAgencies,
      plannedServices: a.plannedServices,
      urgencyStudy: a.urgencyStudy,
      commitment: true,
    }
    return form(c, values, undefined, { action: new URL(c.req.url).pathname, note: a.decisionNote })
  })

  pages.post('/daftar/revisi/:id/:token', async (c) => {
    const id = c.req.param('id')
    const token = c.req.param('token')
    const values = valuesOf(await c.req.parseBody())
    const revision = { action: new URL(c.req.url).pathname }
    const parsed = inputOf(values)
    if (!parsed.success) return form(c, values, invalid(c, values, parsed.error), revision)
    try {
      await resubmitApplication(deps, id, token, parsed.data)
    } catch (error) {
      if (error instanceof ApiError && error.status < 500 && error.code !== 'link_invalid') {
        return form(c, values, refusalOf(c, error), revision)
      }
      throw error
    }
    const t = c.var.m.signup
    return c.html(
      <MessagePage ctx={pageContext(c, deps.config)} title={t.resubmittedTitle} text={t.resubmitted} />,
    )
  })

  return pages
}

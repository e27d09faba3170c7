import { email as emailSchema, tenantRole } from '@mpp/core/account'
import { listAgencies } from '@mpp/db/catalog-repository'
import type { FormRefusal } from '@mpp/web/components/admin-form'
import type { Messages } from '@mpp/web/i18n/messages'
import { StaffAdminPage } from '@mpp/web/views/staff-admin-view'
import { type Context, Hono } from 'hono'
import {
  inviteInput,
  inviteStaff,
  listStaff,
  setStaffActive,
  setStaffAgencies,
  setStaffRole,
  staffAgencies,
} from '../admin/staff'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { originOf } from '../onboarding/origin'
import { formValues, type RefusalStatus, refusalMessage, text } from './admin-refusal'
import { pageContext } from './page-context'

type FormValues = Record<string, string | string[]>
type PageRefusal = FormRefusal & { status: RefusalStatus }

const labelsOf = (m: Messages): Record<string, string> => ({
  name: m.staffAdmin.name,
  email: m.staffAdmin.email,
  role: m.staffAdmin.role,
  active: m.staffAdmin.status,
  agencyIds: m.onlineAdmin.agencies,
})

/**
 * The tenant admin's staff page: accounts, pending invites, inviting, deactivating and reactivating, roles.
 * Plain forms: a refusal re-renders the page with its message and what was typed; a success redirects (303).
 */
export const staffAdminPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  pages.use('/admin/staf', requireSite('tenant'), requireRole('admin'))
  pages.use('/admin/staf/*', requireSite('tenant'), requireRole('admin'))

  const render = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    const [{ staff, invites }, agencies] = await Promise.all([
      listStaff(deps, tenant),
      listAgencies(deps.db, tenant.id),
    ])
    const invited = c.req.query('diundang')
    c.header('Cache-Control', 'no-store')
    return c.html(
      <StaffAdminPage
        ctx={pageContext(c, deps.config)}
        staff={staff}
        invites={invites}
        agencies={agencies.map((a) => ({ id: a.id, name: a.name }))}
        self={(c.var.session as Session).email}
        timeZone={tenant.timeZone}
        saved={c.req.query('tersimpan') !== undefined}
        invited={invited && emailSchema.safeParse(invited).success ? invited : undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  const handle = async (
    c: Context<AppEnv>,
    form: string,
    values: FormValues,
    save: () => Promise<unknown>,
    redirect: string | (() => string),
  ) => {
    try {
      await save()
      return c.redirect(typeof redirect === 'string' ? redirect : redirect(), 303)
    } catch (error) {
      const refusal = refusalMessage(error, c, labelsOf(c.var.m))
      if (!refusal) throw error
      return render(c, { form, values, ...refusal })
    }
  }

  /** The account a form names, as the API would read it from its path. */
  const emailOf = (values: FormValues) => emailSchema.parse(text(values.email))

  pages.get('/admin/staf', (c) => render(c))

  pages.post('/admin/staf/undang', async (c) => {
    const values = formValues(await c.req.parseBody())
    const tenant = tenantOf(c.var.site)
    let sentTo = ''
    return handle(
      c,
      'invite',
      values,
      async () => {
        const input = inviteInput.parse({
          name: text(values.name),
          email: text(values.email),
          role: text(values.role),
        })
        const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
        sentTo = (await inviteStaff(deps, tenant, input, c.var.session as Session, site)).email
      },
      () => `/admin/staf?diundang=${encodeURIComponent(sentTo)}`,
    )
  })

  pages.post('/admin/staf/status', async (c) => {
    const values = formValues(await c.req.parseBody())
    return handle(
      c,
      `status:${text(values.email)}`,
      values,
      () =>
        setStaffActive(
          deps,
          tenantOf(c.var.site),
          emailOf(values),
          text(values.active) === 'yes',
          c.var.session as Session,
        ),
      '/admin/staf?tersimpan',
    )
  })

  pages.post('/admin/staf/instansi', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    const chosen = values.agencyIds
    return handle(
      c,
      `agencies:${text(values.email)}`,
      values,
      () =>
        setStaffAgencies(
          deps,
          tenantOf(c.var.site),
          emailOf(values),
          staffAgencies.parse({ agencyIds: chosen === undefined ? [] : [chosen].flat() }).agencyIds,
        ),
      '/admin/staf?tersimpan',
    )
  })

  pages.post('/admin/staf/peran', async (c) => {
    const values = formValues(await c.req.parseBody())
    return handle(
      c,
      `role:${text(values.email)}`,
      values,
      () => setStaffRole(deps, tenantOf(c.var.site), emailOf(values), tenantRole.parse(text(values.role))),
      '/admin/staf?tersimpan',
    )
  })

  return pages
}

import { email as emailSchema } from '@mpp/core/account'
import { MinistryAccountsPage } from '@mpp/web/views/ministry-accounts-view'
import { type Context, Hono } from 'hono'
import { listMinistryAccounts, setMinistryAccountActive } from '../admin/staff'
import type { AppDeps, AppEnv, Session } from '../app-env'
import { ApiError } from '../errors'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import { pageContext } from './page-context'
import { formString } from './take-ticket-pages'

/** The ministry's accounts page: deactivate and reactivate with plain forms. */
export const ministryAccountPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  pages.use('/kementerian/akun', requireSite('platform'), requireRole('ministry'))
  pages.use('/kementerian/akun/*', requireSite('platform'), requireRole('ministry'))

  const render = async (
    c: Context<AppEnv>,
    refusal?: { email: string; message: string; status: 404 | 409 },
  ) => {
    c.header('Cache-Control', 'no-store')
    return c.html(
      <MinistryAccountsPage
        ctx={pageContext(c, deps.config)}
        accounts={await listMinistryAccounts(deps)}
        self={(c.var.session as Session).email}
        saved={c.req.query('tersimpan') !== undefined}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  pages.get('/kementerian/akun', (c) => render(c))

  pages.post('/kementerian/akun/status', async (c) => {
    const form = await c.req.parseBody()
    const email = emailSchema.safeParse(formString(form.email))
    if (!email.success) throw new ApiError(404, 'not_found')
    try {
      await setMinistryAccountActive(
        deps,
        email.data,
        formString(form.active) === 'yes',
        c.var.session as Session,
      )
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 409))
        return render(c, { email: email.data, message: c.var.m.errors[error.code], status: error.status })
      throw error
    }
    return c.redirect('/kementerian/akun?tersimpan', 303)
  })

  return pages
}

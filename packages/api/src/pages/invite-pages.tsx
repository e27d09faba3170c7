import { newPassword } from '@mpp/core/account'
import { InvitePage } from '@mpp/web/views/invite-view'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireSite, tenantOf } from '../middleware/require-site'
import { acceptInvite, validInvite } from '../onboarding/accept-invite'
import { startSessionWith } from '../routes/auth-api'
import { pageContext } from './page-context'

/** The invite link's page on the tenant's host: choose a password, then straight into the staff workspace. */
export const invitePages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  pages.use('/undangan/*', requireSite('tenant'))

  pages.get('/undangan/:token', async (c) => {
    const invite = await validInvite(deps, tenantOf(c.var.site), c.req.param('token'))
    c.header('Cache-Control', 'no-store')
    return c.html(
      <InvitePage
        ctx={pageContext(c, deps.config)}
        email={invite.email}
        roleName={c.var.m.roles[invite.role]}
        name={invite.name ?? ''}
      />,
    )
  })

  pages.post('/undangan/:token', async (c) => {
    const tenant = tenantOf(c.var.site)
    const token = c.req.param('token')
    const invite = await validInvite(deps, tenant, token)
    const form = await c.req.parseBody()
    const name = typeof form.name === 'string' ? form.name.trim() : ''
    const password = typeof form.password === 'string' ? form.password : ''
    const t = c.var.m.invitePage
    const error =
      name.length < 2
        ? t.nameMissing
        : !newPassword.safeParse(password).success
          ? t.tooShort
          : password !== form.confirm
            ? t.mismatch
            : undefined
    if (error) {
      return c.html(
        <InvitePage
          ctx={pageContext(c, deps.config)}
          email={invite.email}
          roleName={c.var.m.roles[invite.role]}
          name={name}
          error={error}
        />,
        400,
      )
    }
    const account = await acceptInvite(deps, tenant, token, { name, password })
    await startSessionWith(deps, c, account)
    return c.redirect('/staf', 303)
  })

  return pages
}

import { credentials } from '@mpp/core/account'
import { LoginPage } from '@mpp/web/views/login-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { endThisSession } from '../auth/session-revocation'
import { ApiError } from '../errors'
import { clearSessionCookie } from '../middleware/session'
import { startSession } from '../routes/auth-api'
import { pageContext } from './page-context'

/** Only a path on this same site may be a redirect target after login. */
const safeNext = (next: unknown): string | undefined =>
  typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : undefined

const homeOf = (c: Context<AppEnv>) => (c.var.site.kind === 'tenant' ? '/staf' : '/kementerian')

/** Login and logout as plain HTML forms, so they work without any script. */
export const authPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()

  const render = (
    c: Context<AppEnv>,
    status: 200 | 400 | 401 | 429,
    form: { email?: string; next?: string; error?: string },
  ) => {
    const site = c.var.site
    const m = c.var.m
    const title = site.kind === 'tenant' ? m.login.titleTenant(site.tenant.name) : m.login.titlePlatform
    return c.html(<LoginPage ctx={pageContext(c, deps.config)} title={title} {...form} />, status)
  }

  pages.get('/masuk', (c) => {
    if (c.var.session) return c.redirect(homeOf(c), 303)
    return render(c, 200, { next: safeNext(c.req.query('next')) })
  })

  pages.post('/masuk', async (c) => {
    const form = await c.req.parseBody()
    const email = typeof form.email === 'string' ? form.email : ''
    const next = safeNext(form.next)
    const parsed = credentials.safeParse({ email: form.email, password: form.password })
    if (!parsed.success) return render(c, 400, { email, next, error: c.var.m.login.invalid })
    try {
      await startSession(deps, c, parsed.data.email, parsed.data.password)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'invalid_credentials')
        return render(c, 401, { email, next, error: c.var.m.login.failed })
      if (error.code === 'too_many_requests') {
        const seconds = Number(error.headers?.['Retry-After'] ?? 60)
        c.header('Retry-After', String(seconds))
        return render(c, 429, { email, next, error: c.var.m.login.tooMany(Math.ceil(seconds / 60)) })
      }
      throw error
    }
    return c.redirect(next ?? homeOf(c), 303)
  })

  pages.post('/keluar', async (c) => {
    if (c.var.session) await endThisSession(deps, c.var.session)
    clearSessionCookie(c)
    return c.redirect('/', 303)
  })

  return pages
}

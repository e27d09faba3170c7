import { signInAddress, signInCode, signInCodeRules } from '@mpp/core/citizen'
import {
  CitizenHomePage,
  CitizenSignInPage,
  type CitizenSignInState,
} from '@mpp/web/views/citizen-sign-in-view'
import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireCitizen } from '../auth/citizen-session'
import { ApiError } from '../errors'
import { requireSite } from '../middleware/require-site'
import { requestSignInCode, signInWithCode, signOutCitizen } from '../routes/citizen-auth-api'
import { fieldIssues } from '../validation'
import { pageContext } from './page-context'
import { formString, refusable } from './take-ticket-pages'

type Status = 200 | 400 | 401 | 409 | 429

/** Where to go once signed in: a page of this site (`/layanan/kk`), never another site; `/warga` otherwise. */
const afterSignIn = (typed: unknown) => {
  const path = typeof typed === 'string' ? typed : ''
  return /^\/(?![/\\])[\w\-./?=&%]*$/.test(path) && path.length <= 200 ? path : '/warga'
}

/** The citizen's sign-in as plain forms (no script needed): address, then code, then their page. */
export const citizenSignInPages = (deps: AppDeps) => {
  const pages = new Hono<AppEnv>()
  const guard = requireCitizen(deps)

  const render = (c: Context<AppEnv>, state: Omit<CitizenSignInState, 'minutes'>, status: Status = 200) => {
    c.header('Cache-Control', 'no-store')
    return c.html(
      <CitizenSignInPage
        ctx={pageContext(c, deps.config)}
        state={{ ...state, minutes: signInCodeRules.minutes }}
      />,
      status,
    )
  }

  /** A refusal the citizen can act on, in their words; a wait comes with its Retry-After. */
  const refused = (c: Context<AppEnv>, state: Omit<CitizenSignInState, 'minutes'>, error: ApiError) => {
    const m = c.var.m
    if (error.status === 429) {
      const seconds = Number(error.headers?.['Retry-After'] ?? 60)
      c.header('Retry-After', String(seconds))
      return render(c, { ...state, error: m.login.tooMany(Math.ceil(seconds / 60)) }, 429)
    }
    const status: Status = error.status === 401 || error.status === 409 ? error.status : 400
    const left = (error.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft
    const tries = typeof left === 'number' ? ` ${m.citizenSignIn.triesLeft(left)}` : ''
    return render(c, { ...state, error: `${m.errors[error.code]}${tries}` }, status)
  }

  pages.get('/warga/masuk', requireSite('tenant'), (c) => {
    const next = afterSignIn(c.req.query('lanjut'))
    return c.var.citizen ? c.redirect(next, 303) : render(c, next === '/warga' ? {} : { next })
  })

  pages.post('/warga/masuk', requireSite('tenant'), async (c) => {
    const form = await c.req.parseBody()
    const typed = formString(form.alamat)
    const code = formString(form.kode).trim()
    const sentTo = formString(form.terkirim) || undefined
    const next = afterSignIn(form.lanjut)
    const back = next === '/warga' ? {} : { next }
    const address = signInAddress.safeParse(typed)
    if (!address.success) {
      const message = fieldIssues(address.error, c.var.m, typed)[0]?.message ?? c.var.m.issues.invalid
      return render(c, { ...back, address: typed, field: { name: 'alamat', message } }, 400)
    }
    if (!sentTo || form.kirimUlang !== undefined) {
      const sent = await refusable(() => requestSignInCode(deps, c, address.data))
      if ('refused' in sent) return refused(c, { ...back, address: typed }, sent.refused)
      return render(c, { ...back, address: typed, sentTo: sent.ok.sentTo })
    }
    const kept = { ...back, address: typed, code, sentTo }
    const proof = signInCode.safeParse(code)
    if (!proof.success) {
      const message = fieldIssues(proof.error, c.var.m, code)[0]?.message ?? c.var.m.issues.invalid
      return render(c, { ...kept, field: { name: 'kode', message } }, 400)
    }
    try {
      await signInWithCode(deps, c, address.data, proof.data)
    } catch (error) {
      // A wrong or dead code (401 for the API) is a refusal of the form here too, with what was typed.
      if (error instanceof ApiError && error.status < 500 && error.status !== 403)
        return refused(c, kept, error)
      throw error
    }
    return c.redirect(next, 303)
  })

  pages.get('/warga', requireSite('tenant'), async (c) => {
    try {
      // Signed out of (or never signed in): the sign-in form, as for no session at all.
      await guard(c, async () => {})
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return c.redirect('/warga/masuk', 303)
      throw error
    }
    c.header('Cache-Control', 'no-store')
    return c.html(
      <CitizenHomePage ctx={pageContext(c, deps.config)} address={c.var.citizen?.address ?? ''} />,
    )
  })

  pages.post('/warga/keluar', requireSite('tenant'), async (c) => {
    await signOutCitizen(deps, c)
    return c.redirect('/', 303)
  })

  return pages
}

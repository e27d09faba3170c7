import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { requireCitizen } from '../auth/citizen-session'
import { ApiError } from '../errors'

/** The sign-in page, which brings the citizen back to `back` once signed in. */
export const signInThen = (back: string) => `/warga/masuk?lanjut=${encodeURIComponent(back)}`

/** How citizens' pages find the signed-in citizen, and send anyone else to sign in first. */
export const citizenPageGuard = (deps: AppDeps) => {
  const guard = requireCitizen(deps)

  /** The signed-in citizen's address, or undefined (no session, or one signed out of). */
  const citizenHere = async (c: Context<AppEnv>) => {
    try {
      await guard(c, async () => {})
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined
      throw error
    }
    return c.var.citizen?.address
  }

  /** A page that needs a citizen: without one, the sign-in, which comes back here. */
  const signedIn =
    (handler: (c: Context<AppEnv>, citizen: string) => Promise<Response>) => async (c: Context<AppEnv>) => {
      const citizen = await citizenHere(c)
      if (!citizen) return c.redirect(signInThen(new URL(c.req.url).pathname), 303)
      return handler(c, citizen)
    }

  return { citizenHere, signedIn }
}

import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i

/**
 * CSRF defence for cookie sessions: a state-changing request from a browser must come from this very origin.
 * Browsers send Origin (or Sec-Fetch-Site) on every such request; a form post with neither is refused, while a
 * JSON call with neither comes from a non-browser client that cannot carry a victim's cookie.
 * Written here rather than using hono/csrf because that one skips JSON bodies and answers in its own shape.
 */
export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method)) return next()
  const origin = c.req.header('origin')
  const fetchSite = c.req.header('sec-fetch-site')
  const ownOrigin = new URL(c.req.url).origin
  const allowed =
    origin !== undefined
      ? origin === ownOrigin
      : fetchSite !== undefined
        ? fetchSite === 'same-origin' || fetchSite === 'none'
        : !formTypes.test(c.req.header('content-type') ?? '')
  if (!allowed) throw new ApiError(403, 'origin_mismatch')
  await next()
})

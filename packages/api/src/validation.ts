import { OpenAPIHono } from '@hono/zod-openapi'
import type { Lang } from '@mpp/web/i18n/messages'
import { type ZodError, z } from 'zod'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'
import { documentedRoute, guardOf } from './operation-docs'

export interface FieldIssue {
  path: string
  message: string
}

const locales = { id: z.locales.id(), en: z.locales.en() }

/** Zod issues as `{ path, message }`, the message in the request's language. */
export const fieldIssues = (error: ZodError, lang: Lang): FieldIssue[] =>
  error.issues.map((issue) => {
    const localised = locales[lang].localeError?.(issue as never)
    const message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message)
    return { path: issue.path.join('.'), message }
  })

/**
 * An OpenAPI router whose failed validations answer 400 in the one error shape, and whose routes are documented
 * with what their middleware enforces (`operation-docs.ts`). `anyHost`: its routes answer before the site is
 * resolved (health).
 */
export const createRouter = (options: { anyHost?: boolean } = {}) => {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw new ApiError(400, 'invalid_request', fieldIssues(result.error, c.var.lang ?? 'id'))
    },
  })
  const register = router.openapi
  router.openapi = ((route, handler, hook) =>
    register(documentedRoute(route, guardOf(route.middleware), options), handler, hook)) as typeof register
  return router
}

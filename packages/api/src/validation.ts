import { OpenAPIHono } from '@hono/zod-openapi'
import { id as indonesian } from '@mpp/web/i18n/id'
import type { ZodError } from 'zod'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'
import { type FieldIssue, rulesOfIssue, wordIssue } from './issue-messages'
import { documentedRoute, guardOf } from './operation-docs'

export type { FieldIssue }

/**
 * Zod issues as `{ path, message }`, each message a short sentence in the request's language from the one
 * mapping (`issue-messages.ts`). `input` is what was sent, to tell a missing field from a wrong one.
 */
export const fieldIssues = (error: ZodError, m: typeof indonesian, input?: unknown): FieldIssue[] =>
  error.issues.flatMap((issue) => rulesOfIssue(issue, input).map((i) => wordIssue(i, m)))

// zod-validator hands its hook what was sent as `data`; its type leaves it out on a failure.
const inputOf = (result: object): unknown => (result as { data?: unknown }).data

/**
 * An OpenAPI router whose failed validations answer 400 in the one error shape, and whose routes are documented
 * with what their middleware enforces (`operation-docs.ts`). `anyHost`: its routes answer before the site is
 * resolved (health).
 */
export const createRouter = (options: { anyHost?: boolean } = {}) => {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw new ApiError(
          400,
          'invalid_request',
          fieldIssues(result.error, c.var.m ?? indonesian, inputOf(result)),
        )
    },
  })
  const register = router.openapi
  router.openapi = ((route, handler, hook) =>
    register(documentedRoute(route, guardOf(route.middleware), options), handler, hook)) as typeof register
  return router
}

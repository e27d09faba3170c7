import { OpenAPIHono } from '@hono/zod-openapi'
import type { Lang } from '@mpp/web/i18n/messages'
import { type ZodError, z } from 'zod'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'

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

/** An OpenAPI router whose failed validations answer 400 in the one error shape. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw new ApiError(400, 'invalid_request', fieldIssues(result.error, c.var.lang ?? 'id'))
    },
  })

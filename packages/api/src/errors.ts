import { z } from '@hono/zod-openapi'
import type { ErrorCode } from '@mpp/web/i18n/error-codes'
import { id as indonesian } from '@mpp/web/i18n/id'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './app-env'
import { wordDetails } from './issue-messages'

/** A refusal the client should understand: a 4xx (or 503) with a code from the catalog. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(code)
  }
}

/** A throttled or stalled table mostly recovers within seconds; clients wait this long before trying again. */
export const retryAfterUnavailableSeconds = 5

/** The table did not answer: 503 `unavailable` with `Retry-After`, never a 500. */
export const unavailableError = () =>
  new ApiError(503, 'unavailable', undefined, { 'Retry-After': String(retryAfterUnavailableSeconds) })

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'invalid_request' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' })

/** The one error shape: `{ error: { code, message, details? } }`, the message in the request's language. */
export const errorJson = (c: Context<AppEnv>, error: ApiError) => {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
  const m = c.var.m ?? indonesian
  const body = { code: error.code, message: m.errors[error.code], details: wordDetails(error.details, m) }
  return c.json({ error: body }, error.status)
}

/** OpenAPI response entry for an error status. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
})

/** The 429 of a public write past its limit (README "Limits"). */
export const tooManyResponse = {
  ...errorResponse('Too many requests from this client or for this MPP; try again after Retry-After seconds'),
  headers: { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } } },
} as const

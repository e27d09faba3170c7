import { OpenAPIHono } from '@hono/zod-openapi'
import { TableUnavailableError } from '@mpp/db/unavailable'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import type { AppDeps, AppEnv } from './app-env'
import { citizenSession } from './auth/citizen-session'
import { sessionRevocation } from './auth/session-revocation'
import { ApiError, errorJson, unavailableError } from './errors'
import { language } from './middleware/language'
import { originCheck } from './middleware/origin-check'
import { requestContext } from './middleware/request-context'
import { session } from './middleware/session'
import { site } from './middleware/site'
import {
  citizenSessionScheme,
  citizenSessionSecurityScheme,
  servers,
  sessionScheme,
  sessionSecurityScheme,
  tags,
} from './operation-docs'
import { errorPage } from './pages/error-pages'
import { createQueueContext } from './queue/queue-context'
import type { RouteGroup } from './route-group'
import { faviconRoute } from './routes/favicon'
import { healthApi } from './routes/health-api'
import { createTenantCache } from './tenant-cache'

export const maxBodyBytes = 1024 * 1024

const isApi = (c: Context) => c.req.path.startsWith('/api/')

/**
 * The client went away while its body was read (the request's signal, or node's own error for it: "aborted",
 * `ECONNRESET`): no fault of ours, and nobody waits for the answer. An outbound call's reset ("socket hang up",
 * "read ECONNRESET") is not this.
 */
const abortedByClient = (err: unknown, c: Context<AppEnv>) => {
  if (c.req.raw.signal?.aborted === true) return true
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown }
  return code === 'ECONNRESET' && message === 'aborted'
}

/** Turns anything thrown into the refusal to answer with; unexpected errors become a logged 500. */
const toApiError = (err: unknown, c: Context<AppEnv>): ApiError => {
  if (err instanceof ApiError) return err
  if (abortedByClient(err, c)) {
    c.var.log?.info('request aborted by the client')
    return new ApiError(400, 'invalid_request')
  }
  if (err instanceof TableUnavailableError) {
    c.var.log?.warn('table unavailable', { error: err.cause })
    return unavailableError()
  }
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return new ApiError(400, 'malformed_json')
    if (err.status === 413) return new ApiError(413, 'payload_too_large')
    if (err.status < 500)
      return new ApiError(
        err.status === 404 ? 404 : 400,
        err.status === 404 ? 'not_found' : 'invalid_request',
      )
  }
  c.var.log?.error('unhandled error', { error: err })
  return new ApiError(500, 'internal')
}

/**
 * The one Hono app definition, with the route groups given: every group for the local server, the tests and
 * the `http` Lambda; an audience's groups for its own Lambda (audiences/, README "Cold start").
 */
export const createAppOf = (deps: AppDeps, groups: readonly RouteGroup[]) => {
  const { config } = deps
  const assetOrigin = config.assetBaseUrl ? [config.assetBaseUrl] : []
  const app = new OpenAPIHono<AppEnv>()

  app.use(requestContext(deps.logger))
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...assetOrigin],
        styleSrc: ["'self'", NONCE, ...assetOrigin],
        imgSrc: ["'self'", 'data:', ...assetOrigin],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", ...(config.uploadOrigins ?? [])],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      // A route that sets its own policy (the logo's sandbox) keeps it.
      overwrite: false,
    }),
  )
  app.use(language)
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large')
      },
    }),
  )
  app.use(etag())

  // Host-independent: answer before the site is resolved.
  app.route('/', healthApi(deps))
  app.route('/', faviconRoute())
  app.openAPIRegistry.registerComponent('securitySchemes', sessionScheme, sessionSecurityScheme)
  app.openAPIRegistry.registerComponent('securitySchemes', citizenSessionScheme, citizenSessionSecurityScheme)
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'MPP Cloud API',
      version: '1.0.0',
      description:
        "Mal Pelayanan Publik as a service. Tenant operations answer on the tenant's own subdomain. Every " +
        'refusal is JSON `{ "error": { "code", "message", "details"? } }`, its message in Indonesian, or English ' +
        'after `?lang=en` (remembered in the `lang` cookie).',
    },
    servers,
    tags,
  })

  const tenants = createTenantCache(deps.db, deps.now)
  const queue = createQueueContext(deps)
  app.use(site(config.rootDomain, tenants))
  app.use(originCheck)
  app.use(session(config.sessionSecret, deps.now, config.previousSessionSecret))
  app.use(citizenSession(deps))
  // Before every route: sessions of deactivated accounts (or changed roles) stop counting.
  app.route('/', sessionRevocation(deps))

  // Each group in its place in the one app (route-group.ts): a function mounts only the groups it serves.
  const context = { deps, queue, tenants }
  for (const group of [...groups].sort((a, b) => a.order - b.order)) app.route('/', group.routes(context))

  const refuse = (c: Context<AppEnv>, error: ApiError) => {
    c.header('Cache-Control', 'no-store')
    return isApi(c) ? errorJson(c, error) : errorPage(c, error, config)
  }
  app.notFound((c) => refuse(c, new ApiError(404, 'not_found')))
  app.onError((err, c) => refuse(c, toApiError(err, c)))
  return app
}

export type App = ReturnType<typeof createAppOf>

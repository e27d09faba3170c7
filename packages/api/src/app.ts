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
import { appointmentPages } from './pages/appointment-pages'
import { authPages } from './pages/auth-pages'
import { boardPages } from './pages/board-pages'
import { catalogAdminPages } from './pages/catalog-admin-pages'
import { catalogPages } from './pages/catalog-pages'
import { citizenPages, tenantHome } from './pages/citizen-pages'
import { citizenSignInPages } from './pages/citizen-sign-in-pages'
import { complaintPages } from './pages/complaint-pages'
import { counterPages } from './pages/counter-pages'
import { errorPage } from './pages/error-pages'
import { invitePages } from './pages/invite-pages'
import { kioskPages } from './pages/kiosk-pages'
import { ministryAccountPages } from './pages/ministry-account-pages'
import { platformHome, platformPages } from './pages/platform-pages'
import { profilePages } from './pages/profile-pages'
import { queueAdminPages } from './pages/queue-admin-pages'
import { satisfactionPages } from './pages/satisfaction-pages'
import { signupPages } from './pages/signup-pages'
import { staffAdminPages } from './pages/staff-admin-pages'
import { staffPages } from './pages/staff-pages'
import { statisticsPages } from './pages/statistics-pages'
import { surveyPages } from './pages/survey-pages'
import { takeTicketPages } from './pages/take-ticket-pages'
import { ticketPages } from './pages/ticket-pages'
import { createQueueContext } from './queue/queue-context'
import { applicationApi } from './routes/application-api'
import { appointmentApi } from './routes/appointment-api'
import { authApi } from './routes/auth-api'
import { boardApi } from './routes/board-api'
import { catalogAdminApi } from './routes/catalog-admin-api'
import { catalogApi } from './routes/catalog-api'
import { citizenAuthApi } from './routes/citizen-auth-api'
import { complaintApi } from './routes/complaint-api'
import { counterApi } from './routes/counter-api'
import { faviconRoute } from './routes/favicon'
import { healthApi } from './routes/health-api'
import { inviteApi } from './routes/invite-api'
import { liveApi } from './routes/live-api'
import { ministryAccountApi } from './routes/ministry-account-api'
import { profileApi } from './routes/profile-api'
import { queueAdminApi } from './routes/queue-admin-api'
import { staffApi } from './routes/staff-api'
import { statsApi } from './routes/stats-api'
import { surveyApi } from './routes/survey-api'
import { tenantLifecycleApi } from './routes/tenant-lifecycle-api'
import { ticketApi } from './routes/ticket-api'
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
 * The one Hono app: every route of the platform and of every tenant, for Lambda and the local server alike.
 */
export const createApp = (deps: AppDeps) => {
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

  app.route('/', authApi(deps))
  app.route('/', citizenAuthApi(deps))
  app.route('/', catalogApi(deps))
  app.route('/', ticketApi(queue))
  app.route('/', counterApi(queue))
  app.route('/', boardApi(queue))
  app.route('/', appointmentApi(queue))
  app.route('/', surveyApi(deps))
  app.route('/', statsApi(deps))
  app.route('/', queueAdminApi(queue, tenants))
  app.route('/', catalogAdminApi(deps, tenants))
  app.route('/', applicationApi(deps))
  app.route('/', tenantLifecycleApi(deps, tenants))
  app.route('/', inviteApi(deps))
  app.route('/', complaintApi(deps))
  app.route('/', profileApi(deps, tenants))
  app.route('/', staffApi(deps))
  app.route('/', ministryAccountApi(deps))
  // The live-updates token (docs/live-updates.md).
  app.route('/', liveApi(queue))

  const homes = { tenant: tenantHome(queue), platform: platformHome(deps) }
  app.get('/', (c) => homes[c.var.site.kind](c))
  app.route('/', citizenPages(queue))
  app.route('/', authPages(deps))
  app.route('/', citizenSignInPages(deps))
  app.route('/', staffPages(deps))
  app.route('/', takeTicketPages(queue))
  app.route('/', ticketPages(queue))
  app.route('/', kioskPages(queue))
  app.route('/', surveyPages(queue))
  app.route('/', satisfactionPages(deps))
  app.route('/', statisticsPages(deps))
  app.route('/', boardPages(queue))
  app.route('/', appointmentPages(queue))
  app.route('/', counterPages(queue))
  app.route('/', queueAdminPages(queue, tenants))
  app.route('/', catalogPages(deps))
  app.route('/', catalogAdminPages(deps, tenants))
  app.route('/', platformPages(deps, tenants))
  app.route('/', signupPages(deps))
  app.route('/', invitePages(deps))
  app.route('/', complaintPages(deps))
  app.route('/', profilePages(deps, tenants))
  app.route('/', staffAdminPages(deps))
  app.route('/', ministryAccountPages(deps))

  const refuse = (c: Context<AppEnv>, error: ApiError) => {
    c.header('Cache-Control', 'no-store')
    return isApi(c) ? errorJson(c, error) : errorPage(c, error, config)
  }
  app.notFound((c) => refuse(c, new ApiError(404, 'not_found')))
  app.onError((err, c) => refuse(c, toApiError(err, c)))
  return app
}

export type App = ReturnType<typeof createApp>

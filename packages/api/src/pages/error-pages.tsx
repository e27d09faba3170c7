import { ErrorPage } from '@mpp/web/views/error-view'
import type { Context } from 'hono'
import type { AppConfig, AppEnv } from '../app-env'
import type { ApiError } from '../errors'
import { pageContext } from './page-context'

/** The friendly HTML answer to a refused or failed page request. A page that needs a login sends one there. */
export const errorPage = (c: Context<AppEnv>, error: ApiError, config: AppConfig) => {
  const m = c.var.m
  if (error.status === 401 && c.req.method === 'GET') {
    return c.redirect(`/masuk?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303)
  }
  const host = new URL(c.req.url).host
  const [title, body] =
    error.code === 'tenant_not_found'
      ? [m.errorPages.tenantNotFoundTitle, m.errorPages.tenantNotFoundBody(host)]
      : error.status === 404
        ? [m.errorPages.notFoundTitle, m.errorPages.notFoundBody]
        : error.status === 403
          ? [m.errorPages.forbiddenTitle, m.errorPages.forbiddenBody]
          : error.code === 'unavailable'
            ? [m.errorPages.unavailableTitle, m.errorPages.unavailableBody]
            : error.status >= 500
              ? [m.errorPages.serverErrorTitle, m.errorPages.serverErrorBody]
              : [m.errorPages.requestFailed, m.errors[error.code]]
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
  return c.html(<ErrorPage ctx={pageContext(c, config)} title={title} body={body} />, error.status)
}

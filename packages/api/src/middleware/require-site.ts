import { createMiddleware } from 'hono/factory'
import type { AppEnv, Site } from '../app-env'
import { ApiError } from '../errors'

/** A route that exists only on one kind of site answers 404 on the other. */
export const requireSite = (kind: Site['kind']) =>
  Object.assign(
    createMiddleware<AppEnv>(async (c, next) => {
      if (c.var.site.kind !== kind) throw new ApiError(404, 'not_found')
      await next()
    }),
    // Read by the OpenAPI document (operation-docs.ts): the operation's server.
    { site: kind },
  )

/** The tenant of a route behind `requireSite('tenant')`. */
export const tenantOf = (site: Site) => {
  if (site.kind !== 'tenant') throw new ApiError(404, 'not_found')
  return site.tenant
}

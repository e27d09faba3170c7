import { inTenantScope } from '@mpp/db/tenant-scope'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { matchHost } from '../host-match'
import type { TenantCache } from '../tenant-cache'

/**
 * Resolves the site from the request's host; never from a body, query or client-chosen header. A tenant's
 * request runs in that tenant's scope (`@mpp/db/tenant-scope`).
 */
export const site = (rootDomain: string, tenants: TenantCache) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const url = new URL(c.req.url)
    const match = matchHost(url.hostname, rootDomain)
    if (match.kind === 'www') {
      url.hostname = rootDomain
      return c.redirect(url.toString(), 301)
    }
    if (match.kind === 'platform') {
      c.set('site', { kind: 'platform' })
      return next()
    }
    const tenant = match.kind === 'tenant' ? await tenants.get(match.slug) : undefined
    if (!tenant) throw new ApiError(404, 'tenant_not_found')
    c.set('site', { kind: 'tenant', tenant })
    c.var.log.appendPersistentKeys({ tenant: tenant.id })
    // From here on every table request is confined to this tenant's keys (and its credentials in AWS).
    await inTenantScope(tenant.id, next)
  })

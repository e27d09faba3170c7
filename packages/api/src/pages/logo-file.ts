import { getLogo } from '@mpp/db/tenant-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { tenantOf } from '../middleware/require-site'

/**
 * Serves the tenant's logo with its own content type (SVG or PNG), at `/logo?v={logoVersion}` (what pages link,
 * so a new logo shows at once) and at `/logo.svg` (the older address, kept working). Whatever it is, it runs
 * nothing: an SVG opened on its own gets a sandboxing CSP.
 */
export const serveLogo = (deps: AppDeps) => async (c: Context<AppEnv>) => {
  const logo = await getLogo(deps.db, tenantOf(c.var.site).id)
  if (!logo) throw new ApiError(404, 'not_found')
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  // A versioned address never changes its bytes; the bare ones may, so they are kept an hour.
  c.header('Cache-Control', c.req.query('v') ? 'public, max-age=86400' : 'public, max-age=3600')
  return logo.contentType === 'image/png'
    ? c.body(Buffer.from(logo.png, 'base64'), 200, { 'Content-Type': 'image/png' })
    : c.body(logo.svg, 200, { 'Content-Type': 'image/svg+xml' })
}

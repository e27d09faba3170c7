import { textColourOn } from '@mpp/core/colour-contrast'
import { getLogo } from '@mpp/db/tenant-repository'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { tenantOf } from '../middleware/require-site'

/**
 * Serves the tenant's logo with its own content type (SVG or PNG), at `/logo?v={logoVersion}` (what pages link,
 * so a new logo shows at once) and at `/logo.svg` (the older address, kept working). Whatever it is, it runs
 * nothing: an SVG opened on its own gets a sandboxing CSP.
 */
export const serveLogo = (deps: AppDeps) => async (c: Context<AppEnv>) => {
  const tenant = tenantOf(c.var.site)
  const logo = await getLogo(deps.db, tenant.id)
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  if (!logo) {
    // A new MPP has no logo yet: its pages show a plain mark in its own colour until the admin uploads one.
    c.header('Cache-Control', 'public, max-age=300')
    return c.body(defaultMark(tenant.branding.primary), 200, { 'Content-Type': 'image/svg+xml' })
  }
  // A versioned address never changes its bytes; the bare ones may, so they are kept an hour.
  c.header('Cache-Control', c.req.query('v') ? 'public, max-age=86400' : 'public, max-age=3600')
  return logo.contentType === 'image/png'
    ? c.body(Buffer.from(logo.png, 'base64'), 200, { 'Content-Type': 'image/png' })
    : c.body(logo.svg, 200, { 'Content-Type': 'image/svg+xml' })
}

/** "MPP" on the tenant's primary colour (a checked #rrggbb), in the text colour that contrasts with it. */
const defaultMark = (primary: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${primary}"/><text x="32" y="39" text-anchor="middle" font-family="sans-serif" font-size="18" font-weight="700" fill="${textColourOn(primary)}">MPP</text></svg>`

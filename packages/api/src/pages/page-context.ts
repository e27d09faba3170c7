import { textColourOn } from '@mpp/core/colour-contrast'
import type { PageContext } from '@mpp/web/components/page-context'
import type { Context } from 'hono'
import type { AppConfig, AppEnv } from '../app-env'
import { switchLanguageHref } from '../middleware/language'

/** The request-wide facts every page renders with. */
export const pageContext = (c: Context<AppEnv>, config: AppConfig): PageContext => {
  const site = c.var.site
  const session = c.var.session
  return {
    lang: c.var.lang,
    m: c.var.m,
    nonce: c.var.secureHeadersNonce ?? '',
    cssUrl: `${config.assetBaseUrl}/static/app.css?v=${config.assetVersion}`,
    assetUrl: (file) => `${config.assetBaseUrl}/static/${file}?v=${config.assetVersion}`,
    switchLangHref: switchLanguageHref(c.req.url, c.var.lang),
    requestId: c.var.requestId,
    brand:
      site?.kind === 'tenant'
        ? {
            name: site.tenant.name,
            stage: site.tenant.stage,
            ...(site.tenant.suspendedReason ? { suspendedReason: site.tenant.suspendedReason } : {}),
            primary: site.tenant.branding.primary,
            accent: site.tenant.branding.accent,
            onPrimary: textColourOn(site.tenant.branding.primary),
            // The version changes with each upload, so a new logo shows at once despite caching.
            logoUrl: site.tenant.logoVersion ? `/logo?v=${site.tenant.logoVersion}` : '/logo.svg',
          }
        : undefined,
    session: session && { name: session.name, role: session.role },
  }
}

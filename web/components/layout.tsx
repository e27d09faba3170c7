import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { PageContext } from './page-context'

interface LayoutProps {
  ctx: PageContext
  title: string
  /** What the page is about, for search engines and link previews; by default made from the title. */
  description?: string
  /** Client scripts this page needs (built from web/client), loaded deferred. */
  scripts?: string[]
  /** Stylesheets beyond app.css (built from web/static), e.g. `board.css`. */
  styles?: string[]
  /** A page for a screen of its own (display board, kiosk): no site header or footer. */
  bare?: boolean
  /** Extra class on <body>, for pages with their own look (board, kiosk). */
  bodyClass?: string
  children?: Child
}

/** The frame of every page: header with the MPP's identity, language switch and session, then the content. */
export const Layout = ({
  ctx,
  title,
  description,
  scripts = [],
  styles = [],
  bare = false,
  bodyClass,
  children,
}: LayoutProps) => {
  const { m, brand, session } = ctx
  const siteName = brand?.name ?? m.common.platformName
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={m.htmlLang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title === siteName ? title : `${title} · ${siteName}`}</title>
          <meta name="description" content={description ?? m.common.metaDescription(title, siteName)} />
          <link rel="icon" href="/favicon.ico" sizes="32x32" />
          <link rel="stylesheet" href={ctx.cssUrl} />
          {styles.map((file) => (
            <link rel="stylesheet" href={ctx.assetUrl(file)} />
          ))}
          {scripts.map((file) => (
            <script src={ctx.assetUrl(file)} defer />
          ))}
          {brand && (
            <>
              <meta name="theme-color" content={brand.primary} />
              <style nonce={ctx.nonce}>
                {raw(
                  `:root{--brand:${brand.primary};--accent:${brand.accent};--on-brand:${brand.onPrimary}}`,
                )}
              </style>
            </>
          )}
        </head>
        <body class={bodyClass}>
          <a class="skip-link" href="#main">
            {m.common.skipToContent}
          </a>
          {bare ? (
            <main id="main" tabindex={-1}>
              {children}
            </main>
          ) : (
            <>
              <header class="site-header">
                <div class="wrap site-header__row">
                  <a class="site-id" href="/">
                    {brand && <img src={brand.logoUrl} alt="" width="40" height="40" />}
                    <span>{siteName}</span>
                  </a>
                  <nav class="site-nav" aria-label={m.common.home}>
                    <a
                      href={ctx.switchLangHref}
                      hreflang={m.htmlLang === 'id' ? 'en' : 'id'}
                      lang={m.htmlLang === 'id' ? 'en' : 'id'}
                    >
                      {m.switchTo}
                    </a>
                    {session ? (
                      <form method="post" action="/keluar" class="inline-form">
                        <span class="session-name">{m.common.loggedInAs(session.name)}</span>
                        <button type="submit" class="link-button">
                          {m.common.logout}
                        </button>
                      </form>
                    ) : (
                      <>
                        {/* On an MPP's site citizens sign in with a code (/warga); staff with a password (/masuk). */}
                        {brand && <a href="/warga">{m.common.citizenAccount}</a>}
                        <a href="/masuk">{m.common.login}</a>
                      </>
                    )}
                  </nav>
                </div>
              </header>
              {brand && brand.stage !== 'live' && (
                <div class={`stage-banner stage-banner--${brand.stage}`} role="note">
                  <div class="wrap">
                    {brand.stage === 'trial'
                      ? m.stageBanner.trial
                      : brand.stage === 'suspended'
                        ? m.stageBanner.suspended(brand.suspendedReason ?? '')
                        : m.stageBanner.closed}
                  </div>
                </div>
              )}
              <main id="main" class="wrap" tabindex={-1}>
                {children}
              </main>
              <footer class="site-footer">
                <div class="wrap">{m.common.footer}</div>
              </footer>
            </>
          )}
        </body>
      </html>
    </>
  )
}

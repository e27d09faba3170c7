import { regencyCount } from '@mpp/core/regency-count'
import { hasServices } from '@mpp/db/catalog-repository'
import { listDirectory } from '@mpp/db/tenant-repository'
import { PlatformHome, type TenantLink } from '@mpp/web/views/platform-home'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { createTtlCache, type TtlCache } from '../ttl-cache'
import { pageContext } from './page-context'
import { tenantUrl } from './tenant-url'

/**
 * The tenants the platform links to. The public list (`published` given) shows those serving citizens, but not
 * a trial MPP that has published no service yet: its site would be an empty catalog.
 */
export const tenantLinks = async (
  deps: AppDeps,
  c: Context<AppEnv>,
  published?: TtlCache<boolean>,
): Promise<TenantLink[]> => {
  const directory = await listDirectory(deps.db)
  const listed = published
    ? (
        await Promise.all(
          directory.map(async (t) =>
            t.stage === 'live' || (t.stage === 'trial' && (await published.get(t.id))) ? [t] : [],
          ),
        )
      ).flat()
    : directory
  return listed
    .map((t) => ({ ...t, url: tenantUrl(c.req.url, deps.config.rootDomain, t.slug) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'))
}

/** The platform's front door. */
export const platformHome = (deps: AppDeps) => {
  // Whether a trial MPP has a service, remembered a minute: the public page is bots' to hit, and must not
  // cost a Query per trial MPP per visit; a first service shows on the list within that minute.
  const published = createTtlCache((id) => hasServices(deps.db, id), deps.now, 60_000)
  return async (c: Context<AppEnv>) =>
    c.html(
      <PlatformHome
        ctx={pageContext(c, deps.config)}
        tenants={await tenantLinks(deps, c, published)}
        totalRegencies={regencyCount}
      />,
    )
}

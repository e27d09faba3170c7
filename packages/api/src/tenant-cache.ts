import type { Tenant } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import { findTenantBySlug } from '@mpp/db/tenant-repository'

const ttlMs = 30_000
const maxEntries = 2_000

/**
 * Subdomain -> tenant, remembered for 30 s per process so that a busy display board or kiosk does not cost a
 * read per request. Unknown subdomains are remembered too; the map is bounded so junk hosts cannot grow it.
 */
export const createTenantCache = (db: Db, now: () => Date) => {
  const entries = new Map<string, { tenant: Tenant | undefined; until: number }>()
  return {
    async bySlug(slug: string): Promise<Tenant | undefined> {
      const at = now().getTime()
      const hit = entries.get(slug)
      if (hit && hit.until > at) return hit.tenant
      const tenant = await findTenantBySlug(db, slug)
      if (entries.size >= maxEntries) entries.clear()
      entries.set(slug, { tenant, until: at + ttlMs })
      return tenant
    },
    forget(slug: string): void {
      entries.delete(slug)
    },
  }
}
export type TenantCache = ReturnType<typeof createTenantCache>

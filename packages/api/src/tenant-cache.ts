import type { Tenant } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import { findTenantBySlug } from '@mpp/db/tenant-repository'
import { createTtlCache } from './ttl-cache'

/** Subdomain -> tenant. */
export const createTenantCache = (db: Db, now: () => Date) =>
  createTtlCache<Tenant | undefined>((slug) => findTenantBySlug(db, slug), now)
export type TenantCache = ReturnType<typeof createTenantCache>

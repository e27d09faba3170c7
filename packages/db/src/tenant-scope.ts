import { AsyncLocalStorage } from 'node:async_hooks'
import type { TenantId } from '@mpp/core/tenant'

const scope = new AsyncLocalStorage<TenantId>()

/**
 * Runs `work` on behalf of one tenant: every table request made inside it, however deep, is confined to that
 * tenant's keys (`tenant-guard.ts`) and, in AWS, signed with that tenant's own credentials.
 */
export const inTenantScope = <T>(tenantId: TenantId, work: () => T): T => scope.run(tenantId, work)

/** The tenant the current request works for; undefined for the platform's own work (its host, the jobs). */
export const scopedTenant = (): TenantId | undefined => scope.getStore()

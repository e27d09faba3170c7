import type { TenantId } from '@mpp/core/tenant'

/**
 * Key builders. Every tenant-owned key starts with `T#{tenantId}` so an IAM LeadingKeys condition can confine
 * a request to one tenant; platform items start with `P#`.
 */
export type Scope = { kind: 'tenant'; tenantId: TenantId } | { kind: 'platform' }

export const directoryPk = 'P#TENANTS'

export const tenantPk = (tenantId: TenantId) => `T#${tenantId}`

export const keys = {
  tenant: (tenantId: TenantId) => ({ pk: tenantPk(tenantId), sk: 'TENANT' }),
  logo: (tenantId: TenantId) => ({ pk: tenantPk(tenantId), sk: 'LOGO' }),
  agency: (tenantId: TenantId, agencyId: string) => ({ pk: tenantPk(tenantId), sk: `CAT#A#${agencyId}` }),
  service: (tenantId: TenantId, serviceId: string) => ({ pk: tenantPk(tenantId), sk: `CAT#S#${serviceId}` }),
  slug: (slug: string) => ({ pk: `P#SLUG#${slug}`, sk: 'SLUG' }),
  directoryEntry: (tenantId: TenantId) => ({ pk: directoryPk, sk: tenantId }),
  account: (scope: Scope, email: string) => ({ pk: scopePk(scope, 'USERS'), sk: `USER#${email}` }),
  rateLimit: (scope: Scope, bucket: string) => ({ pk: scopePk(scope, 'RL'), sk: bucket }),
  health: () => ({ pk: 'P#HEALTH', sk: 'HEALTH' }),
} as const

export const skPrefix = {
  agencies: 'CAT#A#',
  services: 'CAT#S#',
  catalog: 'CAT#',
  accounts: 'USER#',
} as const

/** The partition a scope's items of one kind live in: accounts share the tenant's main partition. */
function scopePk(scope: Scope, kind: 'USERS' | 'RL'): string {
  if (scope.kind === 'platform') return `P#${kind}`
  return kind === 'USERS' ? tenantPk(scope.tenantId) : `${tenantPk(scope.tenantId)}#${kind}`
}

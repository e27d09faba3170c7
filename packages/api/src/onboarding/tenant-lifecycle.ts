import type { Tenant } from '@mpp/core/tenant'
import { nextLifecycleState } from '@mpp/core/tenant-lifecycle'
import { auditPut } from '@mpp/db/audit-repository'
import { changeTenantStage, getTenant } from '@mpp/db/tenant-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { tenantSubject } from './applications'

export type TenantDecision =
  | { action: 'inaugurate'; date: string; note?: string }
  | { action: 'suspend'; reason: string }
  | { action: 'reactivate'; note?: string }
  | { action: 'close'; note?: string }

/**
 * The ministry moves a tenant along its lifecycle: inauguration (peresmian, with its date) makes it live; a
 * suspension (with its reason, shown to citizens) stops tickets and bookings; a suspended tenant is
 * reactivated or closed. Illegal moves are 409; every move is audited.
 */
export const decideTenant = async (
  deps: AppDeps,
  tenantId: string,
  decision: TenantDecision,
  by: string,
): Promise<Tenant> => {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new ApiError(404, 'not_found')
  const to = nextLifecycleState(tenant.stage, decision.action, {
    inaugurated: tenant.inauguratedOn !== undefined,
  })
  if (!to) throw new ApiError(409, 'invalid_transition', { stage: tenant.stage, action: decision.action })
  const { suspendedReason: _, ...rest } = tenant
  const next: Tenant = {
    ...rest,
    stage: to as Tenant['stage'],
    ...(decision.action === 'inaugurate' ? { inauguratedOn: decision.date } : {}),
    ...(decision.action === 'suspend' ? { suspendedReason: decision.reason } : {}),
  }
  const note =
    decision.action === 'suspend'
      ? decision.reason
      : decision.action === 'inaugurate'
        ? decision.date
        : decision.note
  const audit = auditPut(deps.db, tenantSubject(tenantId), {
    at: deps.now().toISOString(),
    by,
    action: decision.action,
    ...(note ? { note } : {}),
  })
  if (!(await changeTenantStage(deps.db, tenant, next, [audit])))
    throw new ApiError(409, 'invalid_transition')
  return next
}

import { z } from 'zod'
import type { TenantStage } from './tenant'

/** Where an application stands before it becomes a tenant. */
export const applicationStatus = z.enum([
  'applied',
  'verified',
  'revision_requested',
  'rejected',
  'approved',
  'withdrawn',
])
export type ApplicationStatus = z.infer<typeof applicationStatus>

export const lifecycleAction = z.enum([
  'verify_email',
  'request_revision',
  'resubmit',
  'reject',
  'approve',
  'withdraw',
  'inaugurate',
  'suspend',
  'reactivate',
  'close',
])
export type LifecycleAction = z.infer<typeof lifecycleAction>

export type LifecycleState = ApplicationStatus | TenantStage

/**
 * A regency's path onto the platform, as the ministry runs it (DOMAIN.md, "How a regency gets its MPP"):
 * applied -> verified (email confirmed; the ministry sees it) -> approved, which makes the tenant in trial
 * (uji coba) -> live (peresmian) -> suspended -> reactivated or closed. The ministry may ask for a revision
 * (the applicant resubmits) or reject, and withdraw any application not yet decided (a squatter's, one
 * filed by mistake). Anything else is illegal (the API answers 409).
 */
const transitions: Record<LifecycleAction, Partial<Record<LifecycleState, LifecycleState>>> = {
  verify_email: { applied: 'verified' },
  request_revision: { verified: 'revision_requested' },
  resubmit: { revision_requested: 'verified' },
  reject: { verified: 'rejected', revision_requested: 'rejected' },
  approve: { verified: 'approved' },
  withdraw: { applied: 'withdrawn', verified: 'withdrawn', revision_requested: 'withdrawn' },
  inaugurate: { trial: 'live' },
  suspend: { trial: 'suspended', live: 'suspended' },
  reactivate: { suspended: 'live' },
  close: { suspended: 'closed' },
}

/**
 * The state an action leads to, or undefined when it is not allowed from `from`. A tenant reactivated before
 * its inauguration goes back to trial, not live.
 */
export const nextLifecycleState = (
  from: LifecycleState,
  action: LifecycleAction,
  tenant: { inaugurated: boolean } = { inaugurated: true },
): LifecycleState | undefined => {
  const to = transitions[action][from]
  return action === 'reactivate' && to && !tenant.inaugurated ? 'trial' : to
}

/**
 * Whether an application in this status holds its regency and subdomain: from the email's confirmation until
 * a decision. An unconfirmed one holds nothing, so nobody can squat a regency with an address never confirmed.
 */
export const holdsClaims = (status: ApplicationStatus) =>
  status === 'verified' || status === 'revision_requested'

/** A tenant whose citizen site takes tickets and bookings. */
export const servesCitizens = (stage: TenantStage) => stage === 'trial' || stage === 'live'

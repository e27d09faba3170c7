import { formatDayHours, weekdays } from '@mpp/core/opening-hours'
import type { Tenant } from '@mpp/core/tenant'
import { listServices } from '@mpp/db/catalog-repository'
import { getQueueConfig } from '@mpp/db/queue-config-repository'
import { listAccounts } from '@mpp/db/staff-repository'
import type { SetupItem } from '@mpp/web/views/staff-home'
import type { AppDeps } from '../app-env'
import { defaultOpeningHours, placeholderAddress } from '../onboarding/new-tenant'

type SetupStep = SetupItem['step']

/** What a new MPP sets up before it serves citizens, in order, each with the page where it is done. */
const setupSteps: [SetupStep, string][] = [
  ['profile', '/admin/profil'],
  ['services', '/admin/katalog'],
  ['schedule', '/admin/antrean#schedule'],
  ['queues', '/admin/antrean'],
  ['staff', '/admin/staf'],
]

/**
 * The admin's setup checklist, computed from what is stored (never a flag the admin ticks): a profile with a
 * street address and a phone, at least one service, opening hours or holidays of its own, a queue covering a
 * service with a counter calling it, and an active officer.
 */
export const setupChecklist = async (deps: Pick<AppDeps, 'db'>, tenant: Tenant): Promise<SetupItem[]> => {
  const [services, config, accounts] = await Promise.all([
    listServices(deps.db, tenant.id),
    getQueueConfig(deps.db, tenant.id),
    listAccounts(deps.db, { kind: 'tenant', tenantId: tenant.id }),
  ])
  const servedQueues = new Set(config.counters.flatMap((c) => c.queueIds))
  const done: Record<SetupStep, boolean> = {
    profile: Boolean(tenant.phone) && tenant.address !== placeholderAddress(tenant),
    services: services.length > 0,
    schedule:
      tenant.holidays.length > 0 ||
      weekdays.some((d) => formatDayHours(tenant.openingHours[d]) !== formatDayHours(defaultOpeningHours[d])),
    queues: config.queues.some((q) => q.serviceIds.length > 0 && servedQueues.has(q.id)),
    staff: accounts.some((a) => a.role === 'officer' && a.active),
  }
  return setupSteps.map(([step, href]) => ({ step, href, done: done[step] }))
}

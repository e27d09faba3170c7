import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { hashPassword } from '@mpp/api/auth/password'
import type { Role } from '@mpp/core/account'
import { putAccount } from '@mpp/db/account-repository'
import { putAgency, putService } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { getQueueConfig, putCounter, putQueue } from '@mpp/db/queue-config-repository'
import { createTenant, putLogo } from '@mpp/db/tenant-repository'
import { demoLogo } from './demo-logo'
import { type ServiceKey, serviceTemplates } from './demo-services'
import { type DemoTenant, demoTenants } from './demo-tenants'

export const defaultDemoPassword = 'mpp-demo-2026'

export interface DemoAccount {
  email: string
  role: Role
  /** The tenant whose host the account logs in on; none for the ministry, which uses the platform host. */
  tenant?: { id: string; slug: string }
}

/** The demo accounts: an admin and an officer per tenant, and one ministry account on the platform. */
export const demoAccounts: DemoAccount[] = [
  ...demoTenants.flatMap(({ tenant: { id, slug } }) => [
    { email: `admin@${slug}.test`, role: 'admin' as const, tenant: { id, slug } },
    { email: `petugas@${slug}.test`, role: 'officer' as const, tenant: { id, slug } },
  ]),
  { email: 'kementerian@panrb.test', role: 'ministry' },
]

const demoService = (agencyId: string, key: ServiceKey) => {
  const template = serviceTemplates[key]
  return { ...template, id: `${agencyId}-${template.id}`, agencyId }
}

/** Queues and counters, unless the tenant has some already (a data directory from before they existed too). */
const seedQueues = async (db: Db, demo: DemoTenant) => {
  const tenantId = demo.tenant.id
  const existing = await getQueueConfig(db, tenantId)
  if (existing.queues.length > 0) return
  for (const q of demo.queues) {
    const serviceIds = demo.agencies
      .filter((a) => q.agencies.includes(a.id))
      .flatMap((a) => a.services.map((key) => demoService(a.id, key).id))
    const { agencies: _, ...queue } = q
    await putQueue(db, tenantId, { ...queue, serviceIds })
  }
  for (const c of demo.counters) {
    await putCounter(db, tenantId, {
      id: `loket-${c.number}`,
      number: c.number,
      queueIds: c.queues,
      active: true,
    })
  }
}

const names: Record<Role, string> = {
  admin: 'Admin MPP',
  officer: 'Petugas Loket',
  ministry: 'Analis Kementerian PANRB',
}

/**
 * Seeds the four demo tenants and their accounts. Idempotent: a tenant that exists is left as it is (an admin
 * may have changed it); accounts are rewritten so the password always matches the one printed at start.
 */
export const seedDemo = async (db: Db, password: string): Promise<{ created: string[]; kept: string[] }> => {
  const created: string[] = []
  const kept: string[] = []
  for (const demo of demoTenants) {
    const { tenant } = demo
    try {
      await createTenant(db, tenant)
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error
      kept.push(tenant.slug)
      continue
    }
    await putLogo(db, tenant.id, demoLogo(demo.initials, tenant.branding.primary, tenant.branding.accent))
    for (const [order, { services, ...agency }] of demo.agencies.entries()) {
      await putAgency(db, tenant.id, { ...agency, order })
      for (const key of services) await putService(db, tenant.id, demoService(agency.id, key))
    }
    created.push(tenant.slug)
  }
  for (const demo of demoTenants) await seedQueues(db, demo)

  for (const { email, role, tenant } of demoAccounts) {
    await putAccount(db, tenant ? { kind: 'tenant', tenantId: tenant.id } : { kind: 'platform' }, {
      email,
      name: names[role],
      role,
      passwordHash: await hashPassword(password),
      active: true,
    })
  }
  return { created, kept }
}

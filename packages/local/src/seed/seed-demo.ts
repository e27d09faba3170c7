import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { hashPassword } from '@mpp/api/auth/password'
import type { Role } from '@mpp/core/account'
import { putAccount } from '@mpp/db/account-repository'
import { putAgency, putService } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import { createTenant, putLogo } from '@mpp/db/tenant-repository'
import { demoLogo } from './demo-logo'
import { serviceTemplates } from './demo-services'
import { demoTenants } from './demo-tenants'

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
      for (const key of services) {
        const template = serviceTemplates[key]
        await putService(db, tenant.id, {
          ...template,
          id: `${agency.id}-${template.id}`,
          agencyId: agency.id,
        })
      }
    }
    created.push(tenant.slug)
  }

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

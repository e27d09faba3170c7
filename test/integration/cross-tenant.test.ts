/// <reference types="vite/client" />
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectCrossTenantRefused, type Party, type RouteCase } from '../support/cross-tenant'
import { createTestApp, loginCookie, platformHost, type TestApp, tenants } from '../support/test-app'

/**
 * Every route of the app, with what a foreign session must get there: each file in cross-tenant-cases/ adds
 * the cases of its area. The last test fails when a route is added without a case, so no route ships
 * without its cross-tenant test.
 */
const routeCases = Object.values(
  import.meta.glob<Record<string, RouteCase[]>>('./cross-tenant-cases/*.ts', { eager: true }),
).flatMap((module) => Object.values(module).flat())

let t: TestApp
let palembangAdmin: Party
let lubuklinggauOfficer: Party
let ministry: Party
const m = messagesFor('id')

beforeAll(async () => {
  t = await createTestApp()
  palembangAdmin = {
    host: tenants.palembang.host,
    cookie: await loginCookie(t, tenants.palembang.host, 'admin@palembang.test'),
    email: 'admin@palembang.test',
    identity: [m.common.loggedInAs('Admin MPP'), '"email":"admin@palembang.test"'],
  }
  lubuklinggauOfficer = {
    host: tenants.lubuklinggau.host,
    cookie: await loginCookie(t, tenants.lubuklinggau.host, 'petugas@lubuklinggau.test'),
    email: 'petugas@lubuklinggau.test',
    identity: [m.common.loggedInAs('Petugas Loket'), '"email":"petugas@lubuklinggau.test"'],
  }
  ministry = {
    host: platformHost,
    cookie: await loginCookie(t, platformHost, 'kementerian@panrb.test'),
    email: 'kementerian@panrb.test',
    identity: [m.common.loggedInAs('Analis Kementerian PANRB'), '"email":"kementerian@panrb.test"'],
  }
})

describe('a session is worth nothing on another host', () => {
  it.each(routeCases)("Palembang's admin on Lubuklinggau: $method $route", async (c) => {
    await expectCrossTenantRefused(t, c, palembangAdmin, tenants.lubuklinggau)
  })

  it.each(routeCases)("Lubuklinggau's officer on Palembang: $method $route", async (c) => {
    await expectCrossTenantRefused(t, c, lubuklinggauOfficer, tenants.palembang)
  })

  it.each(routeCases)('the ministry on a tenant host: $method $route', async (c) => {
    await expectCrossTenantRefused(t, c, ministry, tenants.samarinda)
  })

  it.each(routeCases)('a tenant admin on the platform host: $method $route', async (c) => {
    await expectCrossTenantRefused(t, c, palembangAdmin, { host: platformHost })
  })

  it('the sessions used above are valid on their own hosts', async () => {
    for (const party of [palembangAdmin, lubuklinggauOfficer, ministry]) {
      const res = await t.request(party.host, '/api/auth/session', { headers: { cookie: party.cookie } })
      expect(res.status, party.host).toBe(200)
    }
  })

  it('covers every route the app serves', () => {
    const covered = new Set(routeCases.map((c) => `${c.method} ${c.route}`))
    const served = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))
    expect([...served].filter((r) => !covered.has(r))).toEqual([])
  })
})

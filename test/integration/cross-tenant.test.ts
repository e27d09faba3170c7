import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectCrossTenantRefused, type Party, type RouteCase } from '../support/cross-tenant'
import {
  createTestApp,
  loginCookie,
  platformHost,
  type TestApp,
  tenants,
  testPassword,
} from '../support/test-app'

/**
 * Every route of the app, with what a foreign session must get there. The last test fails when a route is
 * added without a line here, so no route ships without its cross-tenant test.
 */
const routeCases: RouteCase[] = [
  { method: 'GET', route: '/api/health', expect: 'anonymous' },
  { method: 'GET', route: '/api/openapi.json', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/api/auth/login',
    body: (attacker) => ({ json: { email: attacker.email, password: testPassword } }),
    expect: 'refused',
  },
  { method: 'POST', route: '/api/auth/logout', expect: 'anonymous' },
  { method: 'GET', route: '/api/auth/session', expect: 'refused' },
  { method: 'GET', route: '/api/tenant', expect: 'anonymous' },
  { method: 'GET', route: '/api/agencies', expect: 'anonymous' },
  { method: 'GET', route: '/api/services', expect: 'anonymous' },
  { method: 'GET', route: '/', expect: 'anonymous' },
  { method: 'GET', route: '/layanan/:serviceId', path: '/layanan/disdukcapil-ktp-el', expect: 'anonymous' },
  { method: 'GET', route: '/logo.svg', expect: 'anonymous' },
  { method: 'GET', route: '/masuk', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/masuk',
    body: (attacker) => ({ form: { email: attacker.email, password: testPassword } }),
    expect: 'refused',
  },
  { method: 'POST', route: '/keluar', expect: 'anonymous' },
  { method: 'GET', route: '/staf', expect: 'refused' },
  { method: 'GET', route: '/kementerian', expect: 'refused' },
]

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

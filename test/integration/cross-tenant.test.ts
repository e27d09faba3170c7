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

  // Queue. A foreign session must not issue as staff (kiosk/officer channels).
  {
    method: 'POST',
    route: '/api/tickets',
    body: () => ({ json: { serviceId: 'disdukcapil-ktp-el', channel: 'officer' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/api/tickets/:key/:secret',
    path: '/api/tickets/2026-11-23.kependudukan.1/not-the-secret-0000',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/tickets/:key/resume',
    path: '/api/tickets/2026-11-23.kependudukan.1/resume',
    expect: 'refused',
  },
  { method: 'GET', route: '/api/counters', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/counters/:counterId/console',
    path: '/api/counters/loket-1/console',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/counters/:counterId/call-next',
    path: '/api/counters/loket-1/call-next',
    expect: 'refused',
  },
  ...['recall', 'start', 'complete', 'no-show', 'hold'].map(
    (action): RouteCase => ({
      method: 'POST',
      route: `/api/counters/:counterId/${action}`,
      path: `/api/counters/loket-1/${action}`,
      body: () => ({ json: { ticketKey: '2026-11-23.kependudukan.1' } }),
      expect: 'refused',
    }),
  ),
  {
    method: 'POST',
    route: '/api/counters/:counterId/transfer',
    path: '/api/counters/loket-1/transfer',
    body: () => ({ json: { ticketKey: '2026-11-23.kependudukan.1', queueId: 'kependudukan' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/board', expect: 'anonymous' },
  {
    method: 'GET',
    route: '/api/appointments/slots',
    path: '/api/appointments/slots?serviceId=disdukcapil-ktp-el&date=2026-11-24',
    expect: 'anonymous',
  },
  // Booking is public; a past slot is refused alike with or without a session, and writes nothing.
  {
    method: 'POST',
    route: '/api/appointments',
    body: () => ({
      json: { serviceId: 'disdukcapil-ktp-el', date: '2020-01-06', time: '09:00', phone: '081234567890' },
    }),
    expect: 'anonymous',
  },
  {
    method: 'GET',
    route: '/api/appointments/:date/:code/:secret',
    path: '/api/appointments/2026-11-24/ABCDEF/not-the-secret',
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/appointments/:date/:code/:secret',
    path: '/api/appointments/2026-11-24/ABCDEF/not-the-secret',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/appointments/check-in',
    body: () => ({ json: { code: 'ABCDEF' } }),
    expect: 'refused',
  },

  // Queue set-up (admin).
  { method: 'GET', route: '/api/admin/queues', expect: 'refused' },
  {
    method: 'PUT',
    route: '/api/admin/queues/:queueId',
    path: '/api/admin/queues/kependudukan',
    body: () => ({
      json: {
        prefix: 'Z',
        name: 'Dirampas',
        serviceIds: ['disdukcapil-ktp-el'],
        dailyCapacity: 1,
        onlineSharePercent: 0,
      },
    }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/queues/:queueId',
    path: '/api/admin/queues/kependudukan',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/counters/:counterId',
    path: '/api/admin/counters/loket-1',
    body: () => ({ json: { number: 99, queueIds: ['kependudukan'], active: false } }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/counters/:counterId',
    path: '/api/admin/counters/loket-1',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/schedule',
    body: () => ({
      json: { openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] },
    }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/queue-settings',
    body: () => ({ json: { priorityRatio: 9 } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/admin/outbox', expect: 'refused' },
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

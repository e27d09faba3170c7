import type { RouteCase } from '../../support/cross-tenant'
import { testPassword } from '../../support/test-app'

/** Routes of the foundation: health, OpenAPI, auth, catalog, the first pages. */
export const platformAndCatalogCases: RouteCase[] = [
  { method: 'GET', route: '/api/health', expect: 'anonymous' },
  { method: 'GET', route: '/api/openapi.json', expect: 'anonymous' },
  { method: 'GET', route: '/favicon.ico', expect: 'anonymous' },
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

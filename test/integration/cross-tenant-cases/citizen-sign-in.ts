import type { RouteCase } from '../../support/cross-tenant'

/**
 * A citizen's sign-in (issue 14). A staff session counts for nothing here, anywhere; a foreign citizen's
 * code and session are tried on Lubuklinggau's host in citizen-sign-in.test.ts.
 */
export const citizenSignInCases: RouteCase[] = [
  // Public, so a foreign session is no session; a refused body keeps the victim's partition unchanged.
  {
    method: 'POST',
    route: '/api/citizen/sign-in-codes',
    body: () => ({ json: { address: 'bukan alamat' } }),
    expect: 'anonymous',
  },
  // No code was sent to this address on the victim's host: refused, and no try is written.
  {
    method: 'POST',
    route: '/api/citizen/session',
    body: (attacker) => ({ json: { address: attacker.email, code: '000000' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/citizen/session', expect: 'refused' },
  { method: 'POST', route: '/api/citizen/sign-out', expect: 'anonymous' },
]

/** The citizen's sign-in pages: public forms, where a staff session from anywhere is no session. */
export const citizenSignInPageCases: RouteCase[] = [
  { method: 'GET', route: '/warga/masuk', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/warga/masuk',
    body: () => ({ form: { alamat: 'bukan alamat' } }),
    expect: 'anonymous',
  },
  { method: 'GET', route: '/warga', expect: 'anonymous' },
  { method: 'POST', route: '/warga/keluar', expect: 'anonymous' },
]

import type { RouteCase } from '../../support/cross-tenant'

/** The display board and the citizen's ticket page: public, reached without a session. */
export const boardAndTicketPageCases: RouteCase[] = [
  { method: 'GET', route: '/layar', expect: 'anonymous' },
  {
    method: 'GET',
    route: '/tiket/:key/:secret',
    path: '/tiket/2026-11-23.kependudukan.1/not-the-secret-0000',
    expect: 'refused',
  },
]

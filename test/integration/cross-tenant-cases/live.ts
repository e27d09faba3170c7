import type { RouteCase } from '../../support/cross-tenant'

/** The live-updates token: the board's is public; a counter's needs staff of this MPP. */
export const liveCases: RouteCase[] = [
  { method: 'GET', route: '/api/live/token', expect: 'anonymous' },
  { method: 'GET', route: '/api/live/token', path: '/api/live/token?counter=loket-1', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/live/token',
    path: '/api/live/token?ticket=2026-11-23.kependudukan.1&secret=not-the-secret-0000',
    expect: 'refused',
  },
]

import type { RouteCase } from '../../support/cross-tenant'

/**
 * Booking the collection of a ready result: a citizen session of this MPP only (a citizen of another MPP is
 * tried in service-request-collection.test.ts).
 */
export const serviceRequestCollectionCases: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/citizen/service-requests/:code/collection-slots',
    path: '/api/citizen/service-requests/KX7PM2QD9R/collection-slots?date=2026-11-24',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/citizen/service-requests/:code/collection',
    path: '/api/citizen/service-requests/KX7PM2QD9R/collection',
    body: () => ({ json: { date: '2026-11-24', time: '09:00' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/warga/permohonan/:code/jadwal',
    path: '/warga/permohonan/KX7PM2QD9R/jadwal',
    // A page: a foreign session is no citizen, who is sent to sign in, as anyone without one.
    expect: 'anonymous',
  },
  {
    method: 'POST',
    route: '/warga/permohonan/:code/jadwal',
    path: '/warga/permohonan/KX7PM2QD9R/jadwal',
    body: () => ({ form: { tanggal: '2026-11-24', jam: '09:00' } }),
    expect: 'anonymous',
  },
]

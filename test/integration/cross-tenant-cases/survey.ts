import type { RouteCase } from '../../support/cross-tenant'

const answers = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 }
const form = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v)]))
const someTicket = '2026-11-23.kependudukan.1'

/** The satisfaction survey and its report. */
export const surveyCases: RouteCase[] = [
  // Rating is by the ticket's secret link: a foreign session adds nothing, a wrong secret is a 404.
  {
    method: 'POST',
    route: '/api/tickets/:key/:secret/survey',
    path: `/api/tickets/${someTicket}/not-the-secret-0000/survey`,
    body: () => ({ json: { answers } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/tiket/:key/:secret/survei',
    path: `/tiket/${someTicket}/not-the-secret-0000/survei`,
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/tiket/:key/:secret/survei',
    path: `/tiket/${someTicket}/not-the-secret-0000/survei`,
    body: () => ({ form }),
    expect: 'refused',
  },
  // The exit kiosk needs a staff session of this very MPP.
  { method: 'GET', route: '/kios/survei', expect: 'refused' },
  {
    method: 'POST',
    route: '/kios/survei',
    body: () => ({ form: { nomor: 'A-001', kode: 'KX7PM2' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/kios/survei/:key/:code',
    path: `/kios/survei/${someTicket}/KX7PM2`,
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/kios/survei/:key/:code',
    path: `/kios/survei/${someTicket}/KX7PM2`,
    body: () => ({ form }),
    expect: 'refused',
  },
  // The index and the report are the tenant admin's.
  { method: 'GET', route: '/api/satisfaction', expect: 'refused' },
  { method: 'GET', route: '/admin/kepuasan', expect: 'refused' },
  { method: 'GET', route: '/admin/kepuasan.csv', expect: 'refused' },
  { method: 'GET', route: '/admin/kepuasan/cetak', expect: 'refused' },
]

/** The statistics: the ministry's on the platform host, a tenant admin's own on its host. */
export const statisticsCases: RouteCase[] = [
  { method: 'GET', route: '/api/stats/national', expect: 'refused' },
  { method: 'GET', route: '/api/stats/tenants/:id', path: '/api/stats/tenants/16.73', expect: 'refused' },
  { method: 'GET', route: '/api/stats', expect: 'refused' },
  { method: 'GET', route: '/kementerian/statistik', expect: 'refused' },
  { method: 'GET', route: '/kementerian/statistik.csv', expect: 'refused' },
  {
    method: 'GET',
    route: '/kementerian/statistik/:id',
    path: '/kementerian/statistik/16.73',
    expect: 'refused',
  },
]

import type { RouteCase } from '../../support/cross-tenant'

/** The officer's console and the queue set-up pages. */
export const counterAndAdminPageCases: RouteCase[] = [
  { method: 'GET', route: '/staf/loket', expect: 'refused' },
  { method: 'GET', route: '/staf/loket/:counterId', path: '/staf/loket/loket-1', expect: 'refused' },
  {
    method: 'GET',
    route: '/staf/loket/:counterId/tiket/:ticketKey',
    path: '/staf/loket/loket-1/tiket/2026-11-24.kependudukan.1',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/staf/loket/:counterId/aksi',
    path: '/staf/loket/loket-1/aksi',
    body: () => ({ form: { action: 'call' } }),
    expect: 'refused',
  },
]

export const queueAdminPageCases: RouteCase[] = [
  { method: 'GET', route: '/admin/antrean', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/antrean/antrean',
    body: () => ({
      form: {
        id: 'kependudukan',
        prefix: 'Z',
        name: 'Dirampas',
        dailyCapacity: '1',
        onlineSharePercent: '0',
        serviceIds: 'disdukcapil-ktp-el',
      },
    }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/antrean/antrean/:id/hapus',
    path: '/admin/antrean/antrean/kependudukan/hapus',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/antrean/loket',
    body: () => ({ form: { id: 'loket-1', number: '99', queueIds: 'kependudukan' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/antrean/loket/:id/hapus',
    path: '/admin/antrean/loket/loket-1/hapus',
    expect: 'refused',
  },
  { method: 'POST', route: '/admin/antrean/jadwal', body: () => ({ form: { mon: '' } }), expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/antrean/aturan',
    body: () => ({ form: { priorityRatio: '9' } }),
    expect: 'refused',
  },
]

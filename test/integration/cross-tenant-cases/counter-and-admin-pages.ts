import type { RouteCase } from '../../support/cross-tenant'

/** The officer's console and the queue set-up pages. */
export const counterAndAdminPageCases: RouteCase[] = [
  { method: 'GET', route: '/staf/loket', expect: 'refused' },
  { method: 'GET', route: '/staf/loket/:counterId', path: '/staf/loket/loket-1', expect: 'refused' },
  {
    method: 'POST',
    route: '/staf/loket/:counterId/aksi',
    path: '/staf/loket/loket-1/aksi',
    body: () => ({ form: { action: 'call' } }),
    expect: 'refused',
  },
]

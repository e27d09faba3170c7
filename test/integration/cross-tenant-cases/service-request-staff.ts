import type { RouteCase } from '../../support/cross-tenant'

/** Staff deciding service requests: the list, one request, a review, a document; API and pages. */
export const serviceRequestStaffCases: RouteCase[] = [
  { method: 'GET', route: '/api/staff/service-requests', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/staff/service-requests/:code',
    path: '/api/staff/service-requests/NBBBBBBBB2',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/staff/service-requests/:code/review',
    path: '/api/staff/service-requests/NBBBBBBBB2/review',
    body: () => ({ json: { action: 'reject', reason: 'Bukan wewenang kami' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/api/staff/service-requests/:code/documents/:kindId',
    path: '/api/staff/service-requests/NBBBBBBBB2/documents/ktp',
    expect: 'refused',
  },
  { method: 'GET', route: '/staf/permohonan', expect: 'refused' },
  { method: 'GET', route: '/staf/permohonan/:code', path: '/staf/permohonan/NBBBBBBBB2', expect: 'refused' },
  {
    method: 'GET',
    route: '/staf/permohonan/:code/dokumen/:kindId',
    path: '/staf/permohonan/NBBBBBBBB2/dokumen/ktp',
    expect: 'refused',
  },
  ...['periksa', 'siap', 'selesai', 'tolak'].map(
    (step): RouteCase => ({
      method: 'POST',
      route: `/staf/permohonan/:code/${step}`,
      path: `/staf/permohonan/NBBBBBBBB2/${step}`,
      body: () => ({ form: { 'putusan-ktp': 'accept', alasan: 'Bukan wewenang kami' } }),
      expect: 'refused',
    }),
  ),
]

import type { RouteCase } from '../../support/cross-tenant'

const code = 'ABCDEFGHJK'
const shortText = { category: 'lainnya', text: 'terlalu pendek', anonymous: true }
const reply = 'Tanggapan ini belum menjawab pengaduan saya sama sekali.'

/** Complaints: filing and tracking are public; handling them needs a staff session of this very MPP. */
export const complaintCases: RouteCase[] = [
  // Public: a foreign session counts for nothing, and a refused body writes nothing either way.
  { method: 'POST', route: '/api/complaints', body: () => ({ json: shortText }), expect: 'anonymous' },
  { method: 'GET', route: '/api/complaints/:code', path: `/api/complaints/${code}`, expect: 'anonymous' },
  {
    method: 'POST',
    route: '/api/complaints/:code/reply',
    path: `/api/complaints/${code}/reply`,
    body: () => ({ json: { text: reply } }),
    expect: 'anonymous',
  },
  { method: 'GET', route: '/pengaduan', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/pengaduan',
    body: () => ({
      form: { jenis: 'lainnya', isi: 'pendek', tanpaNama: 'ya', kunci: 'cross-tenant-cp-0001' },
    }),
    expect: 'anonymous',
  },
  { method: 'GET', route: '/pengaduan/:code', path: `/pengaduan/${code}`, expect: 'anonymous' },
  {
    method: 'POST',
    route: '/pengaduan/:code/balas',
    path: `/pengaduan/${code}/balas`,
    body: () => ({ form: { isi: reply } }),
    expect: 'anonymous',
  },

  // Staff only.
  { method: 'GET', route: '/api/staff/complaints', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/staff/complaints/:code',
    path: `/api/staff/complaints/${code}`,
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/staff/complaints/:code/verify',
    path: `/api/staff/complaints/${code}/verify`,
    body: () => ({ json: { laporRef: '1234567' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/staff/complaints/:code/respond',
    path: `/api/staff/complaints/${code}/respond`,
    body: () => ({ json: { text: 'Sudah kami tindak lanjuti dengan instansi terkait.' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/staff/complaints/:code/close',
    path: `/api/staff/complaints/${code}/close`,
    body: () => ({ json: { note: 'Bukan pengaduan.' } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/staff/complaints/:code/lapor-ref',
    path: `/api/staff/complaints/${code}/lapor-ref`,
    body: () => ({ json: { laporRef: '1234567' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/staf/pengaduan', expect: 'refused' },
  { method: 'GET', route: '/staf/pengaduan/:code', path: `/staf/pengaduan/${code}`, expect: 'refused' },
  ...[
    ['verifikasi', { laporRef: '1234567' }],
    ['tanggapi', { isi: 'Sudah kami tindak lanjuti dengan instansi terkait.' }],
    ['tutup', { catatan: 'Bukan pengaduan.' }],
    ['lapor', { laporRef: '1234567' }],
  ].map(
    ([action, form]): RouteCase => ({
      method: 'POST',
      route: `/staf/pengaduan/:code/${action}`,
      path: `/staf/pengaduan/${code}/${action}`,
      body: () => ({ form: form as Record<string, string> }),
      expect: 'refused',
    }),
  ),
]

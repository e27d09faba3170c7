import type { RouteCase } from '../../support/cross-tenant'

/**
 * A citizen's online applications (issue 14): every route needs a citizen session of this MPP, which no staff
 * session from anywhere is; another citizen, and a citizen of another MPP, are tried in service-requests.test.ts.
 */
export const serviceRequestCases: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/citizen/service-requests',
    body: () => ({ json: { serviceId: 'disdukcapil-kia' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/citizen/service-requests', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/citizen/service-requests/:code',
    path: '/api/citizen/service-requests/KX7PM2QD9R',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/citizen/service-requests/:code/answers',
    path: '/api/citizen/service-requests/KX7PM2QD9R/answers',
    body: () => ({ json: { answers: { nama: 'x' } } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/citizen/service-requests/:code/submit',
    path: '/api/citizen/service-requests/KX7PM2QD9R/submit',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/citizen/service-requests/:code/documents/:kindId/upload',
    path: '/api/citizen/service-requests/KX7PM2QD9R/documents/ktp/upload',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/citizen/service-requests/:code/documents/:kindId/accept',
    path: '/api/citizen/service-requests/KX7PM2QD9R/documents/ktp/accept',
    body: () => ({ json: { uploadId: 'AAAAAAAAAAAAAAAA' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/citizen/service-requests/:code/documents/:kindId/kept',
    path: '/api/citizen/service-requests/KX7PM2QD9R/documents/ktp/kept',
    expect: 'refused',
  },
  { method: 'GET', route: '/api/citizen/documents', expect: 'refused' },
  {
    method: 'DELETE',
    route: '/api/citizen/documents/:kindId',
    path: '/api/citizen/documents/ktp',
    expect: 'refused',
  },
  // Public: anyone with the code; a foreign session is no session.
  {
    method: 'GET',
    route: '/api/service-requests/:code',
    path: '/api/service-requests/KX7PM2QD9R',
    expect: 'anonymous',
  },
]

/**
 * The citizen's application pages: a foreign staff session is no citizen, so each answers as to no session
 * (the sign-in, or the public tracking page's 404).
 */
export const serviceRequestPageCases: RouteCase[] = [
  {
    method: 'POST',
    route: '/warga/permohonan',
    body: () => ({ form: { layanan: 'disdukcapil-kia' } }),
    expect: 'anonymous',
  },
  { method: 'GET', route: '/warga/permohonan', expect: 'anonymous' },
  {
    method: 'GET',
    route: '/warga/permohonan/:code',
    path: '/warga/permohonan/KX7P-M2QD-9R',
    expect: 'anonymous',
  },
  {
    method: 'POST',
    route: '/warga/permohonan/:code',
    path: '/warga/permohonan/KX7P-M2QD-9R',
    body: () => ({ form: { aksi: 'kirim', 'isian.nama': 'x' } }),
    expect: 'anonymous',
  },
  {
    method: 'GET',
    route: '/warga/permohonan/:code/tanda-terima',
    path: '/warga/permohonan/KX7P-M2QD-9R/tanda-terima',
    expect: 'anonymous',
  },
  { method: 'GET', route: '/permohonan', path: '/permohonan?kode=KX7P-M2QD-9R', expect: 'anonymous' },
  { method: 'GET', route: '/permohonan/:code', path: '/permohonan/KX7P-M2QD-9R', expect: 'anonymous' },
  { method: 'GET', route: '/warga/dokumen', expect: 'anonymous' },
  {
    method: 'GET',
    route: '/warga/permohonan/:code/dokumen/:kindId/diterima',
    path: '/warga/permohonan/KX7P-M2QD-9R/dokumen/ktp/diterima?unggahan=AAAAAAAAAAAAAAAA',
    expect: 'anonymous',
  },
  {
    method: 'POST',
    route: '/warga/permohonan/:code/dokumen/:kindId/tersimpan',
    path: '/warga/permohonan/KX7P-M2QD-9R/dokumen/ktp/tersimpan',
    expect: 'anonymous',
  },
  {
    method: 'POST',
    route: '/warga/dokumen/:kindId/hapus',
    path: '/warga/dokumen/ktp/hapus',
    expect: 'anonymous',
  },
]

import type { RouteCase } from '../../support/cross-tenant'

const service = {
  agencyId: 'disdukcapil',
  name: 'Layanan Dirampas',
  requirements: ['KTP-el'],
  procedure: ['Datang'],
  completionTime: '1 hari',
  fee: 'Gratis',
  product: 'Dokumen',
  internal: { legalBasis: 'Tidak ada' },
}

const csv =
  'agency_id,agency_name,agency_kind,service_id,service_name,requirements,procedure,completion_time,fee,product\n' +
  'dirampas,Instansi Dirampas,opd,dirampas-1,Layanan Dirampas,KTP-el,Datang,1 hari,Gratis,Dokumen\n'

const visit = {
  date: '2099-01-05',
  start: '08:00',
  end: '12:00',
  place: 'Balai Desa Dirampas',
  serviceIds: ['disdukcapil-ktp-el'],
}

/** The tenant admin's catalog, mobile service, facilities and export: JSON routes. */
export const catalogAdminApiCases: RouteCase[] = [
  { method: 'GET', route: '/api/admin/catalog', expect: 'refused' },
  {
    method: 'POST',
    route: '/api/admin/agencies',
    body: () => ({ json: { id: 'dirampas', name: 'Instansi Dirampas', kind: 'opd' } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/agencies/:agencyId',
    path: '/api/admin/agencies/disdukcapil',
    body: () => ({ json: { name: 'Dirampas', kind: 'opd' } }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/agencies/:agencyId',
    path: '/api/admin/agencies/bpjs-kesehatan',
    expect: 'refused',
  },
  { method: 'POST', route: '/api/admin/services', body: () => ({ json: service }), expect: 'refused' },
  {
    method: 'PUT',
    route: '/api/admin/services/:serviceId',
    path: '/api/admin/services/disdukcapil-ktp-el',
    body: () => ({ json: service }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/services/:serviceId',
    path: '/api/admin/services/disdukcapil-ktp-el',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/admin/catalog/import/preview',
    body: () => ({ json: { csv } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/admin/catalog/import',
    body: () => ({ json: { csv, previewToken: 'v1.dirampas' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/admin/catalog/template.csv', expect: 'refused' },
  { method: 'GET', route: '/api/admin/export.json', expect: 'refused' },
  { method: 'GET', route: '/api/admin/mobile-visits', expect: 'refused' },
  { method: 'POST', route: '/api/admin/mobile-visits', body: () => ({ json: visit }), expect: 'refused' },
  {
    method: 'DELETE',
    route: '/api/admin/mobile-visits/:visitId',
    path: '/api/admin/mobile-visits/abc123',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/facilities',
    body: () => ({ json: { facilities: ['cctv'], otherFacilities: ['Dirampas'] } }),
    expect: 'refused',
  },
]

/** The same as admin pages (plain forms). */
export const catalogAdminPageCases: RouteCase[] = [
  { method: 'GET', route: '/admin/katalog', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/katalog/instansi',
    body: () => ({ form: { id: 'dirampas', name: 'Instansi Dirampas', kind: 'opd' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/admin/katalog/instansi/:id',
    path: '/admin/katalog/instansi/disdukcapil',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/instansi/:id',
    path: '/admin/katalog/instansi/disdukcapil',
    body: () => ({ form: { name: 'Dirampas', kind: 'opd' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/instansi/:id/hapus',
    path: '/admin/katalog/instansi/bpjs-kesehatan/hapus',
    expect: 'refused',
  },
  { method: 'GET', route: '/admin/katalog/layanan-baru', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/katalog/layanan',
    body: () => ({
      form: {
        id: 'dirampas',
        agencyId: 'disdukcapil',
        name: 'Layanan Dirampas',
        requirements: 'KTP-el',
        procedure: 'Datang',
        completionTime: '1 hari',
        fee: 'Gratis',
        product: 'Dokumen',
      },
    }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/admin/katalog/layanan/:id',
    path: '/admin/katalog/layanan/disdukcapil-ktp-el',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/layanan/:id',
    path: '/admin/katalog/layanan/disdukcapil-ktp-el',
    body: () => ({
      form: {
        agencyId: 'disdukcapil',
        name: 'Layanan Dirampas',
        requirements: 'KTP-el',
        procedure: 'Datang',
        completionTime: '1 hari',
        fee: 'Rp1.000.000',
        product: 'Dokumen',
      },
    }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/layanan/:id/hapus',
    path: '/admin/katalog/layanan/disdukcapil-ktp-el/hapus',
    expect: 'refused',
  },
  { method: 'GET', route: '/admin/katalog/impor', expect: 'refused' },
  { method: 'POST', route: '/admin/katalog/impor', body: () => ({ form: { csv } }), expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/katalog/impor/konfirmasi',
    body: () => ({ form: { csv, previewToken: 'v1.dirampas' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/admin/fasilitas', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/fasilitas',
    body: () => ({ form: { facilities: 'cctv', otherFacilities: 'Dirampas' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/admin/layanan-bergerak', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/layanan-bergerak',
    body: () => ({
      form: {
        date: visit.date,
        start: visit.start,
        end: visit.end,
        place: visit.place,
        serviceIds: 'disdukcapil-ktp-el',
      },
    }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/layanan-bergerak/:id/hapus',
    path: '/admin/layanan-bergerak/abc123/hapus',
    expect: 'refused',
  },
]

/** The citizen's search and mobile service schedule: public. */
export const catalogPageCases: RouteCase[] = [
  { method: 'GET', route: '/cari', path: '/cari?q=ktp', expect: 'anonymous' },
  { method: 'GET', route: '/layanan-bergerak', expect: 'anonymous' },
]

import type { RouteCase } from '../../support/cross-tenant'

const form = {
  online: true,
  completionDays: 1,
  fields: [],
  documents: [{ kindId: 'ktp', note: 'Dirampas' }],
}

/** The tenant admin's document kinds and online forms: JSON routes and pages. */
export const onlineServiceAdminCases: RouteCase[] = [
  { method: 'GET', route: '/api/admin/document-kinds', expect: 'refused' },
  {
    method: 'POST',
    route: '/api/admin/document-kinds',
    body: () => ({ json: { id: 'dirampas', name: { id: 'Dirampas', en: 'Seized' } } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/document-kinds/:kindId',
    path: '/api/admin/document-kinds/ktp',
    body: () => ({ json: { name: { id: 'Dirampas', en: 'Seized' }, retired: true } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/api/admin/services/:serviceId/online-form',
    path: '/api/admin/services/disdukcapil-ktp-el/online-form',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/services/:serviceId/online-form',
    path: '/api/admin/services/disdukcapil-ktp-el/online-form',
    body: () => ({ json: form }),
    expect: 'refused',
  },
  { method: 'GET', route: '/admin/katalog/dokumen', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/katalog/dokumen',
    body: () => ({ form: { id: 'dirampas', nameId: 'Dirampas', nameEn: 'Seized' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/dokumen/:id',
    path: '/admin/katalog/dokumen/ktp',
    body: () => ({ form: { nameId: 'Dirampas', nameEn: 'Seized', retired: 'yes' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/admin/katalog/layanan/:id/online',
    path: '/admin/katalog/layanan/disdukcapil-ktp-el/online',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/katalog/layanan/:id/online',
    path: '/admin/katalog/layanan/disdukcapil-ktp-el/online',
    body: () => ({ form: { online: 'yes', completionDays: '1', doc: 'ktp', rows: '0' } }),
    expect: 'refused',
  },
]

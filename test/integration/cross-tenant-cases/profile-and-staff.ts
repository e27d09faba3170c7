import type { RouteCase } from '../../support/cross-tenant'

const profile = {
  name: 'MPP Dirampas',
  address: 'Jalan Dirampas No. 1',
  branding: { primary: '#000000', accent: '#000000' },
}

/** The tenant admin's profile, branding and logo; the staff and their invites. */
export const profileAndStaffCases: RouteCase[] = [
  { method: 'GET', route: '/api/admin/profile', expect: 'refused' },
  { method: 'PUT', route: '/api/admin/profile', body: () => ({ json: profile }), expect: 'refused' },
  {
    method: 'PUT',
    route: '/api/admin/logo',
    body: () => ({ json: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>' }),
    expect: 'refused',
  },
  { method: 'DELETE', route: '/api/admin/logo', expect: 'refused' },
  { method: 'GET', route: '/api/admin/staff', expect: 'refused' },
  {
    method: 'POST',
    route: '/api/admin/staff/invites',
    body: (attacker) => ({ json: { email: attacker.email, name: 'Penyusup', role: 'admin' } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/staff/:email/active',
    path: '/api/admin/staff/admin%40lubuklinggau.test/active',
    body: () => ({ json: { active: false } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/staff/:email/role',
    path: '/api/admin/staff/petugas%40lubuklinggau.test/role',
    body: () => ({ json: { role: 'admin' } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/staff/:email/agencies',
    path: '/api/admin/staff/petugas%40lubuklinggau.test/agencies',
    body: () => ({ json: { agencyIds: [] } }),
    expect: 'refused',
  },
  // The same as pages (plain forms).
  { method: 'GET', route: '/admin/profil', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/profil',
    body: () => ({
      form: { name: profile.name, address: profile.address, primary: '#000000', accent: '#000000' },
    }),
    expect: 'refused',
  },
  { method: 'POST', route: '/admin/profil/logo', body: () => ({ form: { logo: 'x' } }), expect: 'refused' },
  { method: 'POST', route: '/admin/profil/logo/hapus', expect: 'refused' },
  { method: 'GET', route: '/admin/staf', expect: 'refused' },
  {
    method: 'POST',
    route: '/admin/staf/undang',
    body: (attacker) => ({ form: { email: attacker.email, name: 'Penyusup', role: 'admin' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/staf/status',
    body: () => ({ form: { email: 'admin@lubuklinggau.test', active: 'no' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/staf/peran',
    body: () => ({ form: { email: 'petugas@lubuklinggau.test', role: 'admin' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/admin/staf/instansi',
    body: () => ({ form: { email: 'petugas@lubuklinggau.test' } }),
    expect: 'refused',
  },
  // The logo at its versioned address: public, the same with or without a foreign session.
  { method: 'GET', route: '/logo', path: '/logo?v=abc', expect: 'anonymous' },
]

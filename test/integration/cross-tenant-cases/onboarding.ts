import type { RouteCase } from '../../support/cross-tenant'

const application = {
  regencyCode: '99.99',
  subdomain: 'bukan-daerah',
  applicant: { name: 'Penyusup', position: 'Tidak ada', email: 'x@example.com', phone: '0800000000' },
  plannedAgencies: 'Tidak ada',
  plannedServices: 'Tidak ada',
  urgencyStudy: 'Permohonan ini tidak sah dan harus ditolak apa pun sesi yang dibawanya ke alamat ini.',
  commitment: true,
}

/** Signup, the ministry's decisions on applications and tenants, the mail outbox, invites. */
export const onboardingCases: RouteCase[] = [
  // Public, and refused alike with or without a session (not one of the 514 regencies).
  { method: 'POST', route: '/api/applications', body: () => ({ json: application }), expect: 'anonymous' },
  { method: 'GET', route: '/api/subdomains/:name', path: '/api/subdomains/medan', expect: 'anonymous' },
  { method: 'GET', route: '/api/regencies', path: '/api/regencies?q=padang', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/api/applications/:id/verify',
    path: '/api/applications/no-such-id/verify',
    body: () => ({ json: { token: 'forged' } }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/applications/:id/revision',
    path: '/api/applications/no-such-id/revision',
    body: () => ({ json: { ...application, regencyCode: '13.71', subdomain: 'padang', token: 'forged' } }),
    expect: 'refused',
  },
  // The ministry's.
  { method: 'GET', route: '/api/applications', expect: 'refused' },
  { method: 'GET', route: '/api/applications/:id', path: '/api/applications/no-such-id', expect: 'refused' },
  ...['approve', 'reject', 'request-revision', 'withdraw'].map(
    (action): RouteCase => ({
      method: 'POST',
      route: `/api/applications/:id/${action}`,
      path: `/api/applications/no-such-id/${action}`,
      body: () => ({ json: { note: 'Keputusan palsu' } }),
      expect: 'refused',
    }),
  ),
  { method: 'GET', route: '/api/tenants', expect: 'refused' },
  { method: 'GET', route: '/api/tenants/:id', path: '/api/tenants/16.73', expect: 'refused' },
  {
    method: 'POST',
    route: '/api/tenants/:id/inaugurate',
    path: '/api/tenants/16.73/inaugurate',
    body: () => ({ json: { date: '2026-12-01' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/tenants/:id/suspend',
    path: '/api/tenants/16.73/suspend',
    body: () => ({ json: { reason: 'Penangguhan palsu' } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/tenants/:id/reactivate',
    path: '/api/tenants/16.73/reactivate',
    body: () => ({ json: {} }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/tenants/:id/close',
    path: '/api/tenants/16.73/close',
    body: () => ({ json: {} }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/mail', expect: 'refused' },
  {
    method: 'POST',
    route: '/api/mail/resend',
    body: () => ({ json: { id: '00000000-0000-4000-8000-000000000000', at: '2026-11-24T03:00:00.000Z' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/ministry/accounts', expect: 'refused' },
  {
    method: 'PUT',
    route: '/api/ministry/accounts/:email/active',
    path: '/api/ministry/accounts/kementerian@panrb.test/active',
    body: () => ({ json: { active: false } }),
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/invites/:token/accept',
    path: '/api/invites/forged-token/accept',
    body: () => ({ json: { name: 'Penyusup', password: 'kata-sandi-aman-1' } }),
    expect: 'refused',
  },
]

/** The pages of signup, the ministry's console and invites. */
export const onboardingPageCases: RouteCase[] = [
  { method: 'GET', route: '/daftar', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/daftar',
    body: () => ({ form: { regency: 'Bukan daerah (99.99)', subdomain: 'bukan' } }),
    expect: 'anonymous',
  },
  ...['terkirim', 'lampiran'].map(
    (page): RouteCase => ({
      method: 'GET',
      route: `/daftar/${page}/:id/:token`,
      path: `/daftar/${page}/no-such-id/forged`,
      expect: 'refused',
    }),
  ),
  {
    method: 'GET',
    route: '/daftar/verifikasi/:id/:token',
    path: '/daftar/verifikasi/no-such-id/forged',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/daftar/verifikasi/:id/:token',
    path: '/daftar/verifikasi/no-such-id/forged',
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/daftar/revisi/:id/:token',
    path: '/daftar/revisi/no-such-id/forged',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/daftar/revisi/:id/:token',
    path: '/daftar/revisi/no-such-id/forged',
    body: () => ({
      form: {
        regency: 'Kota Padang, Sumatera Barat (13.71)',
        subdomain: 'padang-baru',
        name: 'Penyusup',
        position: 'Tidak ada',
        email: 'x@example.com',
        phone: '0800000000',
        plannedAgencies: 'Tidak ada',
        plannedServices: 'Tidak ada',
        urgencyStudy: 'Perbaikan palsu yang harus ditolak apa pun sesi yang dibawanya ke alamat ini, selalu.',
        commitment: 'yes',
      },
    }),
    expect: 'refused',
  },
  { method: 'GET', route: '/kementerian/permohonan', expect: 'refused' },
  {
    method: 'GET',
    route: '/kementerian/permohonan/:id',
    path: '/kementerian/permohonan/no-such-id',
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/kementerian/permohonan/:id/kajian',
    path: '/kementerian/permohonan/no-such-id/kajian',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/kementerian/permohonan/:id/keputusan',
    path: '/kementerian/permohonan/no-such-id/keputusan',
    body: () => ({ form: { action: 'approve' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/kementerian/tenant/:id', path: '/kementerian/tenant/16.73', expect: 'refused' },
  {
    method: 'POST',
    route: '/kementerian/tenant/:id/keputusan',
    path: '/kementerian/tenant/16.73/keputusan',
    body: () => ({ form: { action: 'suspend', reason: 'Penangguhan palsu' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/kementerian/surat', expect: 'refused' },
  {
    method: 'POST',
    route: '/kementerian/surat/kirim-ulang',
    body: () => ({ form: { id: '00000000-0000-4000-8000-000000000000', at: '2026-11-24T03:00:00.000Z' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/kementerian/akun', expect: 'refused' },
  {
    method: 'POST',
    route: '/kementerian/akun/status',
    body: () => ({ form: { email: 'kementerian@panrb.test', active: 'no' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/undangan/:token', path: '/undangan/forged', expect: 'refused' },
  {
    method: 'POST',
    route: '/undangan/:token',
    path: '/undangan/forged',
    body: () => ({ form: { name: 'Penyusup', password: 'kata-sandi-aman-1', confirm: 'kata-sandi-aman-1' } }),
    expect: 'refused',
  },
]

import type { RouteCase } from '../../support/cross-tenant'

/** Taking a ticket on a phone, the kiosk, and appointments for citizens (the HTML pages). */
export const kioskTicketAppointmentPageCases: RouteCase[] = [
  // Taking a ticket is public; an unknown service is refused alike with or without a session.
  { method: 'GET', route: '/ambil', path: '/ambil?layanan=disdukcapil-ktp-el', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/ambil',
    body: () => ({ form: { layanan: 'tidak-ada', prioritas: 'tidak', kunci: 'cross-tenant-form-0001' } }),
    expect: 'anonymous',
  },

  // The kiosk needs a staff session of this very MPP.
  { method: 'GET', route: '/kios', expect: 'refused' },
  {
    method: 'GET',
    route: '/kios/layanan/:serviceId',
    path: '/kios/layanan/disdukcapil-ktp-el',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/kios/tiket',
    body: () => ({
      form: { layanan: 'disdukcapil-ktp-el', prioritas: 'tidak', kunci: 'cross-tenant-kiosk-0001' },
    }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/kios/tiket/:key/:secret',
    path: '/kios/tiket/2026-11-23.kependudukan.1/not-the-secret-0000',
    expect: 'refused',
  },
  { method: 'GET', route: '/kios/janji', expect: 'refused' },
  { method: 'POST', route: '/kios/janji', body: () => ({ form: { kode: 'ABCDEF' } }), expect: 'refused' },

  // Booking is public; an unknown service is refused alike and writes nothing.
  { method: 'GET', route: '/janji', path: '/janji?layanan=disdukcapil-ktp-el', expect: 'anonymous' },
  {
    method: 'POST',
    route: '/janji',
    body: () => ({
      form: { layanan: 'tidak-ada', tanggal: '2026-11-24', jam: '09:00', telepon: '081234567890' },
    }),
    expect: 'anonymous',
  },
  {
    method: 'GET',
    route: '/janji/:date/:code/:secret',
    path: '/janji/2026-11-24/ABCDEF/not-the-secret',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/janji/:date/:code/:secret/batal',
    path: '/janji/2026-11-24/ABCDEF/not-the-secret/batal',
    expect: 'refused',
  },
]

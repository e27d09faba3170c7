import type { RouteCase } from '../../support/cross-tenant'

/** The queue's JSON routes (tickets, counters, board, appointments, queue set-up). */
export const queueApiCases: RouteCase[] = [
  // Queue. A foreign session must not issue as staff (kiosk/officer channels).
  {
    method: 'POST',
    route: '/api/tickets',
    body: () => ({ json: { serviceId: 'disdukcapil-ktp-el', channel: 'officer' } }),
    expect: 'refused',
  },
  {
    method: 'GET',
    route: '/api/tickets/:key/:secret',
    path: '/api/tickets/2026-11-23.kependudukan.1/not-the-secret-0000',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/tickets/:key/resume',
    path: '/api/tickets/2026-11-23.kependudukan.1/resume',
    expect: 'refused',
  },
  { method: 'GET', route: '/api/counters', expect: 'refused' },
  {
    method: 'GET',
    route: '/api/counters/:counterId/console',
    path: '/api/counters/loket-1/console',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/counters/:counterId/call-next',
    path: '/api/counters/loket-1/call-next',
    expect: 'refused',
  },
  ...['recall', 'start', 'complete', 'no-show', 'hold'].map(
    (action): RouteCase => ({
      method: 'POST',
      route: `/api/counters/:counterId/${action}`,
      path: `/api/counters/loket-1/${action}`,
      body: () => ({ json: { ticketKey: '2026-11-23.kependudukan.1' } }),
      expect: 'refused',
    }),
  ),
  {
    method: 'POST',
    route: '/api/counters/:counterId/transfer',
    path: '/api/counters/loket-1/transfer',
    body: () => ({ json: { ticketKey: '2026-11-23.kependudukan.1', queueId: 'kependudukan' } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/board', expect: 'anonymous' },
  {
    method: 'GET',
    route: '/api/appointments/slots',
    path: '/api/appointments/slots?serviceId=disdukcapil-ktp-el&date=2026-11-24',
    expect: 'anonymous',
  },
  // Booking is public; a past slot is refused alike with or without a session, and writes nothing.
  {
    method: 'POST',
    route: '/api/appointments',
    body: () => ({
      json: {
        serviceId: 'disdukcapil-ktp-el',
        date: '2020-01-06',
        time: '09:00',
        phone: '081234567890',
        phoneCode: '123456',
      },
    }),
    expect: 'anonymous',
  },
  // Asking for a code is public too; a number that is none is refused alike, and nothing is sent.
  {
    method: 'POST',
    route: '/api/appointments/phone-codes',
    body: () => ({ json: { phone: '12345' } }),
    expect: 'anonymous',
  },
  {
    method: 'GET',
    route: '/api/appointments/:date/:code/:secret',
    path: '/api/appointments/2026-11-24/ABCDEF/not-the-secret',
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/appointments/:date/:code/:secret',
    path: '/api/appointments/2026-11-24/ABCDEF/not-the-secret',
    expect: 'refused',
  },
  {
    method: 'POST',
    route: '/api/appointments/check-in',
    body: () => ({ json: { code: 'ABCDEF' } }),
    expect: 'refused',
  },

  // Queue set-up (admin).
  { method: 'GET', route: '/api/admin/queues', expect: 'refused' },
  {
    method: 'PUT',
    route: '/api/admin/queues/:queueId',
    path: '/api/admin/queues/kependudukan',
    body: () => ({
      json: {
        prefix: 'Z',
        name: 'Dirampas',
        serviceIds: ['disdukcapil-ktp-el'],
        dailyCapacity: 1,
        onlineSharePercent: 0,
      },
    }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/queues/:queueId',
    path: '/api/admin/queues/kependudukan',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/counters/:counterId',
    path: '/api/admin/counters/loket-1',
    body: () => ({ json: { number: 99, queueIds: ['kependudukan'], active: false } }),
    expect: 'refused',
  },
  {
    method: 'DELETE',
    route: '/api/admin/counters/:counterId',
    path: '/api/admin/counters/loket-1',
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/schedule',
    body: () => ({
      json: { openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] },
    }),
    expect: 'refused',
  },
  {
    method: 'PUT',
    route: '/api/admin/queue-settings',
    body: () => ({ json: { priorityRatio: 9 } }),
    expect: 'refused',
  },
  { method: 'GET', route: '/api/admin/outbox', expect: 'refused' },
]

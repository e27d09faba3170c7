import { newTenantFromApplication } from '@mpp/api/onboarding/new-tenant'
import type { Application } from '@mpp/core/application'
import { putAgency, putService } from '@mpp/db/catalog-repository'
import { createTenant } from '@mpp/db/tenant-repository'
import { formatDate } from '@mpp/web/components/local-time'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { bookWithProof, configureQueue, json } from '../support/queue-helpers'
import { createTestApp, loginCookie, platformHost, type TestApp, tenants } from '../support/test-app'

/** A citizen is offered only what works now (issue 13, point 2). */

let t: TestApp
const clock = createClock()
beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
})

const { host } = tenants.lubuklinggau
const page = async (h: string, path: string) => {
  const res = await t.request(h, path)
  return { status: res.status, html: await res.text() }
}
const offersTicket = (html: string) => /href="\/ambil[?"]/.test(html)
const offersBooking = (html: string) => /href="\/janji[?"]/.test(html)

const standard = {
  requirements: ['KTP-el pemohon'],
  procedure: ['Serahkan berkas'],
  completionTime: '1 hari kerja',
  fee: 'Gratis',
  product: 'Surat keterangan',
}

describe('a service without a queue', () => {
  it('offers neither a ticket nor a booking, and says why, until a queue covers it', async () => {
    const admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
    const created = await t.request(
      host,
      '/api/admin/services',
      json(
        { ...standard, name: 'Surat Keterangan Pindah', agencyId: 'disdukcapil' },
        { cookie: admin, origin: `http://${host}` },
      ),
    )
    expect(created.status).toBe(201)
    const id = (await created.json()).id as string

    const service = await page(host, `/layanan/${id}`)
    expect(service.status).toBe(200)
    expect(service.html).toContain('Surat Keterangan Pindah')
    expect(offersTicket(service.html)).toBe(false)
    expect(offersBooking(service.html)).toBe(false)
    expect(service.html).toContain('Layanan ini belum memiliki antrean')
    // Nor do the lists of services to take a ticket or book for.
    expect((await page(host, '/ambil')).html).not.toContain(`/ambil?layanan=${id}"`)
    expect((await page(host, '/janji')).html).not.toContain(`/janji?layanan=${id}"`)
    // A service that has one still offers both.
    const queued = await page(host, '/layanan/disdukcapil-ktp-el')
    expect(offersTicket(queued.html)).toBe(true)
    expect(offersBooking(queued.html)).toBe(true)

    // Once the admin adds it to a queue, the buttons come.
    const { queues } = await (
      await t.request(host, '/api/admin/queues', { headers: { cookie: admin } })
    ).json()
    const kependudukan = queues.find((q: { id: string }) => q.id === 'kependudukan')
    await configureQueue(t, host, admin, 'kependudukan', { serviceIds: [...kependudukan.serviceIds, id] })
    const after = await page(host, `/layanan/${id}`)
    expect(offersTicket(after.html)).toBe(true)
    expect(offersBooking(after.html)).toBe(true)
  })

  it('offers nothing online for a queue that keeps every number for walk-ins', async () => {
    const { host: pekanbaru } = tenants.pekanbaru
    const admin = await loginCookie(t, pekanbaru, 'admin@pekanbaru.test')
    const { queues } = await (
      await t.request(pekanbaru, '/api/admin/queues', { headers: { cookie: admin } })
    ).json()
    const walkIns = queues[0] as { id: string; serviceIds: string[] }
    await configureQueue(t, pekanbaru, admin, walkIns.id, { onlineSharePercent: 0 })
    const serviceId = walkIns.serviceIds[0] as string
    const service = await page(pekanbaru, `/layanan/${serviceId}`)
    expect(service.status).toBe(200)
    expect(offersTicket(service.html)).toBe(false)
    expect(service.html).toContain('hanya melayani pengunjung yang datang langsung')
    expect((await page(pekanbaru, '/ambil')).html).not.toContain(`/ambil?layanan=${serviceId}"`)
    const form = await page(pekanbaru, `/janji?layanan=${serviceId}`)
    expect(form.html).toContain('hanya melayani pengunjung yang datang langsung')
  })
})

describe('a suspended MPP', () => {
  it('offers no ticket, booking or complaint under its banner, on any page', async () => {
    const { host: samarinda, id } = tenants.samarinda
    const ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
    const suspended = await t.request(
      platformHost,
      `/api/tenants/${id}/suspend`,
      json({ reason: 'Gedung sedang direnovasi' }, { cookie: ministry, origin: `http://${platformHost}` }),
    )
    expect(suspended.status).toBe(200)

    const home = await page(samarinda, '/')
    expect(home.html).toContain('Gedung sedang direnovasi')
    expect(offersTicket(home.html)).toBe(false)
    expect(offersBooking(home.html)).toBe(false)
    expect(home.html).not.toContain('href="/pengaduan"')
    // The catalog stays readable; its services offer nothing.
    const serviceId = /href="\/layanan\/([a-z0-9-]+)"/.exec(home.html)?.[1] as string
    expect(serviceId).toBeTruthy()
    const service = await page(samarinda, `/layanan/${serviceId}`)
    expect(offersTicket(service.html)).toBe(false)
    expect(offersBooking(service.html)).toBe(false)
    expect(service.html).toContain('MPP ini sedang tidak melayani secara daring.')
    for (const path of ['/ambil', '/janji']) {
      const list = await page(samarinda, path)
      expect(list.html, path).not.toContain('?layanan=')
    }
    expect((await page(samarinda, `/ambil?layanan=${serviceId}`)).html).toContain(
      'MPP ini sedang tidak melayani secara daring.',
    )
    // The complaint page says why instead of offering a form the API would refuse; tracking stays.
    const complaints = await page(samarinda, '/pengaduan')
    expect(complaints.html).not.toMatch(/<form method="post" action="\/pengaduan"/)
    expect(complaints.html).toContain('MPP ini sedang tidak melayani secara daring.')
    expect(complaints.html).toContain('name="kode"')
    // The platform no longer lists it.
    expect((await page(platformHost, '/')).html).not.toContain('samarinda.localhost')
  })
})

describe('a trial MPP without services', () => {
  it('says it is being prepared, offers nothing, keeps the applicant private and is not listed until it has a service', async () => {
    const applicantEmail = 'kepala.dpmptsp@padang.go.id'
    const tenant = newTenantFromApplication({
      regencyCode: '13.71',
      subdomain: 'padang',
      applicant: { name: 'Siti', position: 'Kepala DPMPTSP', email: applicantEmail, phone: '0751-123456' },
    } as Application)
    await createTenant(t.db, tenant)
    expect(tenant.email).toBeUndefined()

    const home = await page('padang.localhost', '/')
    expect(home.status).toBe(200)
    expect(home.html).toContain('MPP ini sedang dipersiapkan.')
    expect(offersTicket(home.html)).toBe(false)
    expect(offersBooking(home.html)).toBe(false)
    expect(home.html).not.toContain(applicantEmail)
    const english = await page('padang.localhost', '/?lang=en')
    expect(english.html).toContain('This MPP is being prepared.')
    expect((await page(platformHost, '/')).html).not.toContain('padang.localhost')

    await putAgency(t.db, tenant.id, {
      id: 'disdukcapil',
      name: 'Disdukcapil Kota Padang',
      kind: 'opd',
      order: 1,
    })
    await putService(t.db, tenant.id, { ...standard, id: 'ktp-el', agencyId: 'disdukcapil', name: 'KTP-el' })
    // The platform remembers for a minute whether a trial MPP has a service.
    clock.advanceMinutes(1)
    const listed = await page(platformHost, '/')
    expect(listed.html).toContain('padang.localhost')
    // With a service but no queue yet: still no ticket offer, and it says to come in person.
    const served = await page('padang.localhost', '/')
    expect(served.html).not.toContain('MPP ini sedang dipersiapkan.')
    expect(served.html).toContain('Nomor antrean dan janji temu daring belum tersedia')
    expect(offersTicket(served.html)).toBe(false)
  })
})

describe('search words the admin adds to a service', () => {
  it('are edited in the service editor, kept as typed on a refusal, and found by search', async () => {
    const admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
    const post = (keywords: string) =>
      t.request(host, '/admin/katalog/layanan/disdukcapil-kartu-keluarga', {
        method: 'POST',
        headers: {
          cookie: admin,
          origin: `http://${host}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          agencyId: 'disdukcapil',
          name: 'Kartu Keluarga (baru atau perubahan)',
          requirements: 'KTP-el\nSurat nikah',
          procedure: 'Ambil nomor antrean\nSerahkan berkas',
          completionTime: '1 hari kerja',
          fee: 'Gratis',
          product: 'Kartu Keluarga',
          keywords: keywords,
        }).toString(),
      })
    const ids = async (q: string) => {
      const html = await (await t.request(host, `/cari?q=${encodeURIComponent(q)}`)).text()
      return [...html.matchAll(/<li><a href="\/layanan\/([a-z0-9-]+)"/g)].map((m) => m[1])
    }
    expect(await ids('tambah anggota')).toEqual([])

    const tooLong = `tambah anggota, ${'x'.repeat(61)}`
    const refused = await post(tooLong)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain(`value="${tooLong}"`)

    expect((await post('tambah anggota keluarga, pecah KK')).status).toBe(303)
    expect(await ids('tambah anggota')).toEqual(['disdukcapil-kartu-keluarga'])
    expect(await ids('pecah kk')).toContain('disdukcapil-kartu-keluarga')
    const editor = await (
      await t.request(host, '/admin/katalog/layanan/disdukcapil-kartu-keluarga', {
        headers: { cookie: admin },
      })
    ).text()
    expect(editor).toContain('value="tambah anggota keluarga, pecah KK"')
    // The public API publishes them with the service.
    const { services } = await (await t.request(host, '/api/services?agencyId=disdukcapil')).json()
    expect(services.find((s: { id: string }) => s.id === 'disdukcapil-kartu-keluarga').keywords).toEqual([
      'tambah anggota keluarga',
      'pecah KK',
    ])
  })
})

describe('an appointment code of another day', () => {
  it("names its day at the kiosk, at the console (on the console's own address) and in the API", async () => {
    const m = messagesFor('id')
    const booked = await bookWithProof(t, host, tenants.lubuklinggau.id, {
      serviceId: 'disdukcapil-ktp-el',
      date: '2026-11-25',
      time: '10:00',
      phone: '0812-7000-1111',
    })
    expect(booked.status).toBe(201)
    const { code } = await booked.json()
    const ahead = m.appointments.otherDayAhead(formatDate('2026-11-25', 'id'), '10:00')
    expect(ahead).toContain('Rabu, 25 November 2026')
    let officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
    const form = (path: string, fields: Record<string, string>) =>
      t.request(host, path, {
        method: 'POST',
        headers: {
          cookie: officer,
          origin: `http://${host}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(fields).toString(),
      })

    const kiosk = await form('/kios/janji', { kode: code })
    expect(kiosk.status).toBe(409)
    const kioskHtml = await kiosk.text()
    expect(kioskHtml).toContain(ahead)
    expect(kioskHtml).toContain(`value="${code}"`)
    expect(kioskHtml).not.toContain(m.errors.booking_not_found)

    const console = await form('/staf/loket/loket-1/aksi', { action: 'check_in', code })
    expect(console.status).toBe(303)
    const location = console.headers.get('location') ?? ''
    expect(location).toMatch(/^\/staf\/loket\/loket-1\?/)
    const consolePage = await t.request(host, location, { headers: { cookie: officer } })
    expect(consolePage.status).toBe(200)
    const consoleHtml = await consolePage.text()
    expect(consoleHtml).toContain(ahead)
    expect(consoleHtml).toContain(`value="${code}"`)

    const api = await t.request(host, '/api/appointments/check-in', json({ code }, { cookie: officer }))
    expect(api.status).toBe(409)
    expect((await api.json()).error).toMatchObject({
      code: 'booking_other_day',
      details: { date: '2026-11-25', time: '10:00', past: false },
    })

    // Two days later, the code names a day that has passed.
    clock.advanceMinutes(2 * 24 * 60)
    officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
    const late = await form('/kios/janji', { kode: code })
    expect(late.status).toBe(409)
    expect(await late.text()).toContain(m.appointments.otherDayPast(formatDate('2026-11-25', 'id'), '10:00'))
    // A code nobody booked stays "not found", on the console's own address too.
    const unknown = await form('/staf/loket/loket-1/aksi', { action: 'check_in', code: 'ZZZZZZ' })
    expect(unknown.status).toBe(303)
    const unknownHtml = await (
      await t.request(host, unknown.headers.get('location') ?? '', { headers: { cookie: officer } })
    ).text()
    expect(unknownHtml).toContain(m.errors.booking_not_found)
  })

  it("never finds another MPP's code", async () => {
    const palembang = tenants.palembang
    const list = await (await t.request(palembang.host, '/janji')).text()
    const serviceId = /href="\/janji\?layanan=([a-z0-9-]+)"/.exec(list)?.[1] as string
    const day = clock.now().toISOString().slice(0, 10)
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10)
    const booked = await bookWithProof(t, palembang.host, palembang.id, {
      serviceId,
      date: next,
      time: '10:00',
      phone: '0812-7000-2222',
    })
    expect(booked.status).toBe(201)
    const { code } = await booked.json()
    const officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
    const res = await t.request(host, '/api/appointments/check-in', json({ code }, { cookie: officer }))
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('booking_not_found')
  })
})

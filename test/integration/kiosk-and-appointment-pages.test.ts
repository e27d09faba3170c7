import { messagesFor } from '@mpp/web/i18n/messages'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { lastPhoneCode } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const llg = tenants.lubuklinggau.host
const m = messagesFor('id')
// 10:00 WIB on a Monday; Lubuklinggau is open around the clock.
const start = '2026-11-23T03:00:00Z'
const clock = createClock(start)

let t: TestApp
let officer: string

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
})
afterEach(() => clock.set(start))

/** A form post as the browser sends it: same origin, urlencoded. */
const post = (host: string, path: string, fields: Record<string, string>, cookie?: string) =>
  t.request(host, path, {
    method: 'POST',
    headers: {
      origin: `http://${host}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })

const get = (host: string, path: string, cookie?: string) =>
  t.request(host, path, cookie ? { headers: { cookie } } : undefined)

/** The values of the hidden fields named `name`, in page order. */
const hiddenValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]*)"`, 'g'))].map((x) => x[1] as string)

const formKeyOf = async (host: string, path: string, cookie?: string) => {
  const res = await get(host, path, cookie)
  expect(res.status, path).toBe(200)
  const [key] = hiddenValues(await res.text(), 'kunci')
  expect(key).toMatch(/^[\w-]{16,64}$/)
  return key as string
}

const ticketJson = async (host: string, link: string) => {
  const res = await get(host, `/api/tickets/${link.split('/').slice(-2).join('/')}`)
  expect(res.status).toBe(200)
  return res.json()
}

/** Books through the citizen's form and returns the booking page's address and its code. */
/** Books through the form: the first send mails the phone a code, the second books with it. */
const book = async (time: string, phone: string, date = '2026-11-23', serviceId = 'disdukcapil-ktp-el') => {
  const fields = { layanan: serviceId, tanggal: date, jam: time, telepon: phone }
  const asked = await post(llg, '/janji', fields)
  expect(asked.status, await asked.clone().text()).toBe(200)
  const sentTo = hiddenValues(await asked.text(), 'terkirim')[0] ?? ''
  const kode = await lastPhoneCode(t, tenants.lubuklinggau.id, phone)
  const res = await post(llg, '/janji', { ...fields, terkirim: sentTo, kode })
  expect(res.status, await res.clone().text()).toBe(303)
  const link = res.headers.get('location') ?? ''
  const match = /^\/janji\/(\d{4}-\d{2}-\d{2})\/([A-Z2-9]{6})\/[\w-]+$/.exec(link)
  expect(match, link).not.toBeNull()
  return { link, code: (match as RegExpExecArray)[2] as string }
}

describe('taking a ticket on a phone', () => {
  it('lists the services that have a queue, grouped by agency', async () => {
    const res = await get(llg, '/ambil')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<h1>${m.takeTicket.title}</h1>`)
    expect(html).toContain('Dinas Kependudukan dan Pencatatan Sipil')
    expect(html).toContain('href="/ambil?layanan=disdukcapil-ktp-el"')
    expect(html).toContain('href="/janji"')
  })

  it('issues a ticket and sends the citizen to its page; the same form posted twice gives the same ticket', async () => {
    const key = await formKeyOf(llg, '/ambil?layanan=disdukcapil-ktp-el')
    const fields = {
      layanan: 'disdukcapil-ktp-el',
      prioritas: 'lansia',
      telepon: '0812-3456-7890',
      kunci: key,
    }
    const first = await post(llg, '/ambil', fields)
    expect(first.status).toBe(303)
    const link = first.headers.get('location') ?? ''
    expect(link).toMatch(/^\/tiket\/2026-11-23\.kependudukan\.\d+\/[\w-]+$/)
    const again = await post(llg, '/ambil', fields)
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(link)

    const ticket = await ticketJson(llg, link)
    expect(ticket).toMatchObject({ channel: 'online', priority: true, service: { id: 'disdukcapil-ktp-el' } })

    // A newly drawn form is a new ticket.
    const other = await post(llg, '/ambil', {
      ...fields,
      prioritas: 'tidak',
      kunci: await formKeyOf(llg, '/ambil?layanan=disdukcapil-ktp-el'),
    })
    expect(other.headers.get('location')).not.toBe(link)
    expect((await ticketJson(llg, other.headers.get('location') ?? '')).priority).toBe(false)
  })

  it('keeps what was typed and shows an alert for an invalid phone number', async () => {
    const key = await formKeyOf(llg, '/ambil?layanan=dpmptsp-nib')
    const res = await post(llg, '/ambil', {
      layanan: 'dpmptsp-nib',
      prioritas: 'hamil',
      telepon: '12345',
      kunci: key,
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(m.takeTicket.phoneInvalid)
    expect(html).toContain('value="12345"')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toMatch(/value="hamil" checked/)
    expect(hiddenValues(html, 'kunci')).toEqual([key])
  })

  it('shows why a closed MPP gives no ticket, next to the form', async () => {
    clock.set('2026-11-28T03:00:00Z') // Saturday 10:00 WIB: Pekanbaru keeps office hours
    const host = tenants.pekanbaru.host
    const key = await formKeyOf(host, '/ambil?layanan=disdukcapil-ktp-el')
    const res = await post(host, '/ambil', { layanan: 'disdukcapil-ktp-el', prioritas: 'tidak', kunci: key })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(m.errors.queue_closed)
    expect(html).toContain('Buka kembali Senin, 30 November 2026, 08:00 WIB.')
  })

  it('answers an unknown service with a 404 page', async () => {
    expect((await get(llg, '/ambil?layanan=tidak-ada')).status).toBe(404)
    const res = await post(llg, '/ambil', { layanan: 'tidak-ada', kunci: 'a'.repeat(20) })
    expect(res.status).toBe(404)
  })

  it('links to taking a ticket and booking from the home page and the service page', async () => {
    const home = await (await get(llg, '/')).text()
    expect(home).toContain('href="/ambil"')
    expect(home).toContain('href="/janji"')
    const service = await (await get(llg, '/layanan/disdukcapil-ktp-el')).text()
    expect(service).toContain('href="/ambil?layanan=disdukcapil-ktp-el"')
  })
})

describe('the kiosk', () => {
  it('sends a device without a staff session to the login page, and issues nothing', async () => {
    const res = await get(llg, '/kios')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/masuk?next=%2Fkios')
    const page = await get(llg, '/kios/layanan/dpmptsp-nib')
    expect(page.headers.get('location')).toBe('/masuk?next=%2Fkios%2Flayanan%2Fdpmptsp-nib')
    const press = await post(llg, '/kios/tiket', {
      layanan: 'dpmptsp-nib',
      prioritas: 'tidak',
      kunci: 'kiosk-without-session-1',
    })
    expect(press.status).toBe(401)
  })

  it('shows big buttons per service and the way in for appointments', async () => {
    const res = await get(llg, '/kios', officer)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('class="kiosk"')
    expect(html).toContain('href="/kios/layanan/disdukcapil-ktp-el"')
    expect(html).toContain('href="/kios/janji"')
    expect(html).toContain(m.kiosk.haveAppointment)
  })

  it('issues a kiosk ticket, the same press twice gives the same ticket, and prints it with a QR code', async () => {
    const screen = await (await get(llg, '/kios/layanan/dpmptsp-nib', officer)).text()
    expect(screen).toContain('data-kiosk-idle-ms="60000"')
    expect(screen).toContain(m.kiosk.priorityWho)
    const [regular, priority] = hiddenValues(screen, 'kunci')
    expect(regular).not.toBe(priority)

    const press = { layanan: 'dpmptsp-nib', prioritas: 'tidak', kunci: regular as string }
    const first = await post(llg, '/kios/tiket', press, officer)
    expect(first.status).toBe(303)
    const printLink = first.headers.get('location') ?? ''
    expect(printLink).toMatch(/^\/kios\/tiket\/2026-11-23\.perizinan\.\d+\/[\w-]+$/)
    const again = await post(llg, '/kios/tiket', press, officer)
    expect(again.headers.get('location')).toBe(printLink)

    const ticket = await ticketJson(llg, printLink)
    expect(ticket).toMatchObject({ channel: 'kiosk', priority: false })

    const print = await get(llg, printLink, officer)
    expect(print.status).toBe(200)
    const html = await print.text()
    expect(html).toContain('<svg role="img"')
    expect(html).toContain(`>${ticket.label}</p>`)
    expect(html).toContain('Mal Pelayanan Publik Kota Lubuklinggau')
    expect(html).toContain('Senin, 23 November 2026, 10:00 WIB')
    expect(html).toContain(m.kiosk.scanToFollow)
    expect(html).toContain('data-kiosk-print')
    expect(html).toContain('data-kiosk-return-ms="15000"')
    expect(html).toContain('data-kiosk-after-print-ms="3000"')
    expect(html).toContain('src="/static/kiosk.js?v=test"')

    const prio = await post(
      llg,
      '/kios/tiket',
      { ...press, prioritas: 'ya', kunci: priority as string },
      officer,
    )
    expect((await ticketJson(llg, prio.headers.get('location') ?? '')).priority).toBe(true)
  })

  it('refuses a print page with a wrong secret', async () => {
    const res = await get(llg, '/kios/tiket/2026-11-23.perizinan.1/not-the-secret-0000', officer)
    expect(res.status).toBe(404)
  })

  it('checks a booked appointment in once, and says so on a second try', async () => {
    const { code } = await book('10:15', '0813-1111-0001')
    const screen = await get(llg, '/kios/janji', officer)
    expect(await screen.text()).toContain('autocapitalize="characters"')

    const res = await post(llg, '/kios/janji', { kode: code.toLowerCase() }, officer)
    expect(res.status).toBe(303)
    const printLink = res.headers.get('location') ?? ''
    expect(printLink).toMatch(/^\/kios\/tiket\/2026-11-23\.kependudukan\.\d+\//)
    expect(await ticketJson(llg, printLink)).toMatchObject({ channel: 'appointment' })
    const print = await (await get(llg, printLink, officer)).text()
    expect(print).toContain(m.kiosk.appointmentTag)

    const second = await post(llg, '/kios/janji', { kode: code }, officer)
    expect(second.status).toBe(409)
    const html = await second.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(m.errors.already_checked_in)
    expect(html).toContain(`value="${code}"`)
  })

  it('refuses a code that is malformed, unknown or too early, keeping what was typed', async () => {
    const malformed = await post(llg, '/kios/janji', { kode: 'AB1' }, officer)
    expect(malformed.status).toBe(400)
    const malformedHtml = await malformed.text()
    expect(malformedHtml).toContain(m.kiosk.codeInvalid)
    expect(malformedHtml).toContain('value="AB1"')

    const unknown = await post(llg, '/kios/janji', { kode: 'ZZZZZZ' }, officer)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain(m.errors.booking_not_found)

    const { code } = await book('13:00', '0813-1111-0002')
    const early = await post(llg, '/kios/janji', { kode: code }, officer)
    expect(early.status).toBe(409)
    const earlyHtml = await early.text()
    expect(earlyHtml).toContain(m.errors.check_in_too_early)
    expect(earlyHtml).toContain(m.kiosk.checkInOpensAt('12:30'))
  })
})

describe('appointments for citizens', () => {
  it('lists services, then dates and the free slots of the chosen date', async () => {
    const list = await (await get(llg, '/janji')).text()
    expect(list).toContain('href="/janji?layanan=disdukcapil-ktp-el"')

    const res = await get(llg, '/janji?layanan=disdukcapil-ktp-el&tanggal=2026-11-24')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('href="/janji?layanan=disdukcapil-ktp-el&amp;tanggal=2026-11-23"')
    expect(html).toContain('href="/janji?layanan=disdukcapil-ktp-el&amp;tanggal=2026-12-07"')
    expect(html).not.toContain('tanggal=2026-12-08')
    expect(html).toMatch(/aria-current="date"[^>]*>[^<]*24/)
    expect(hiddenValues(html, 'tanggal')).toEqual(['2026-11-24'])
    expect(html).toContain('<option value="08:00">')
    // Today's past slots are not offered.
    const today = await (await get(llg, '/janji?layanan=disdukcapil-ktp-el')).text()
    expect(hiddenValues(today, 'tanggal')).toEqual(['2026-11-23'])
    expect(today).not.toContain('<option value="09:45"')
    expect(today).toContain('<option value="10:15"')
  })

  it('books, shows the code with a QR code and the check-in rule, and cancels', async () => {
    const { link, code } = await book('15:00', '0813-2222-0001', '2026-11-25')
    const res = await get(llg, link)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<p class="booking-code">${code}</p>`)
    expect(html).toContain('Rabu, 25 November 2026')
    expect(html).toContain('15:00 WIB')
    expect(html).toContain('<svg role="img"')
    expect(html).toContain(m.appointments.checkInRule(30, 10))
    expect(html).toContain(`action="${link}/batal"`)

    const cancel = await post(llg, `${link}/batal`, {})
    expect(cancel.status).toBe(303)
    expect(cancel.headers.get('location')).toBe(link)
    const after = await (await get(llg, link)).text()
    expect(after).toContain(m.appointments.statuses.cancelled)
    expect(after).not.toContain('/batal"')

    const twice = await post(llg, `${link}/batal`, {})
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain(m.appointments.cannotCancel)
  })

  it('refuses a booking page with a wrong secret', async () => {
    const { link } = await book('15:15', '0813-2222-0002', '2026-11-25')
    const wrong = link.replace(/\/[\w-]+$/, '/not-the-secret')
    expect((await get(llg, wrong)).status).toBe(404)
    expect((await post(llg, `${wrong}/batal`, {})).status).toBe(404)
    expect((await get(llg, link)).status).toBe(200)
  })

  it('keeps what was typed when the phone number is invalid or no time is chosen', async () => {
    const fields = { layanan: 'disdukcapil-ktp-el', tanggal: '2026-11-24', jam: '09:00', telepon: '0812' }
    const res = await post(llg, '/janji', fields)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(m.appointments.phoneInvalid)
    expect(html).toContain('value="0812"')
    expect(html).toContain('<option value="09:00" selected="">')

    const noTime = await post(llg, '/janji', { ...fields, jam: '', telepon: '0812-3333-0000' })
    expect(noTime.status).toBe(400)
    const noTimeHtml = await noTime.text()
    expect(noTimeHtml).toContain(m.appointments.slotRequired)
    expect(noTimeHtml).toContain('value="0812-3333-0000"')
  })

  it('refuses a full slot and keeps what was typed', async () => {
    await book('16:00', '0813-4444-0001', '2026-11-26')
    await book('16:00', '0813-4444-0002', '2026-11-26')
    const res = await post(llg, '/janji', {
      layanan: 'disdukcapil-ktp-el',
      tanggal: '2026-11-26',
      jam: '16:00',
      telepon: '0813-4444-0003',
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain(m.errors.slot_full)
    expect(html).toContain('value="0813-4444-0003"')
    expect(html).toContain('<option value="16:00" disabled="">')
  })

  it('refuses a number after three missed appointments, saying until when', async () => {
    const phone = '0813-5555-0001'
    const codes = []
    for (const time of ['11:00', '11:15', '11:30']) codes.push((await book(time, phone)).code)
    clock.set('2026-11-23T05:00:00Z') // 12:00 WIB: all three windows have passed
    for (const code of codes) {
      const late = await post(llg, '/kios/janji', { kode: code }, officer)
      expect(late.status).toBe(409)
      expect(await late.text()).toContain(m.errors.check_in_too_late)
    }
    const res = await post(llg, '/janji', {
      layanan: 'disdukcapil-ktp-el',
      tanggal: '2026-11-24',
      jam: '09:00',
      telepon: '+62 813 5555 0001',
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(m.errors.booking_blocked)
    expect(html).toContain(m.appointments.blockedUntil('Rabu, 23 Desember 2026'))
    expect(html).toContain('value="+62 813 5555 0001"')

    // Another number books as usual.
    await book('09:00', '0813-5555-0002', '2026-11-24')
  })
})

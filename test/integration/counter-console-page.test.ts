import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { bookWithProof, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const host = tenants.lubuklinggau.host
let t: TestApp
let officer: string
const clock = createClock('2026-11-23T03:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

const page = async (path: string) => {
  const res = await t.request(host, path, { headers: { cookie: officer } })
  return { status: res.status, html: await res.text() }
}

const post = async (counterId: string, fields: Record<string, string>) => {
  const res = await t.request(host, `/staf/loket/${counterId}/aksi`, {
    method: 'POST',
    headers: {
      cookie: officer,
      origin: `http://${host}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() }
}

describe("the officer's console", () => {
  it('lists the counters to choose from', async () => {
    const { status, html } = await page('/staf/loket')
    expect(status).toBe(200)
    expect(html).toContain('href="/staf/loket/loket-6"')
    expect(html).toContain('Kependudukan, Perizinan dan kepegawaian')
  })

  it('calls, serves and completes a ticket with plain forms', async () => {
    const ticket = await take(t, host, 'bkd-legalisir-sk')
    const idle = await page('/staf/loket/loket-3')
    expect(idle.html).toContain('Panggil berikutnya')
    expect(idle.html).toContain('data-shortcut="N"')

    const called = await post('loket-3', { action: 'call' })
    expect(called.status).toBe(303)
    expect(called.location).toBe(`/staf/loket/loket-3?ok=called&label=${ticket.label}`)
    const shown = await page(called.location)
    expect(shown.html).toContain(`Nomor ${ticket.label} dipanggil.`)
    expect(shown.html).toContain(`<p class="console-label" data-field="label">${ticket.label}</p>`)
    expect(shown.html).toContain('Mulai layani')

    expect((await post('loket-3', { action: 'start', ticketKey: ticket.key })).location).toContain('ok=start')
    const done = await post('loket-3', { action: 'complete', ticketKey: ticket.key })
    expect((await page(done.location)).html).toContain(`Nomor ${ticket.label} selesai.`)
  })

  it("shows the called ticket's service, and a priority claimed on a phone as the citizen's own word", async () => {
    const online = await take(t, host, 'bkd-legalisir-sk', { priority: true })
    await post('loket-3', { action: 'call' })
    const shown = (await page('/staf/loket/loket-3')).html
    expect(shown).toContain(`data-field="label">${online.label}</p>`)
    expect(shown).toContain('<dd data-field="service">Legalisasi SK kepegawaian ASN')
    expect(shown).toContain(
      'Prioritas (kelompok rentan)</strong> · dinyatakan sendiri lewat ponsel: periksa di loket',
    )
    await post('loket-3', { action: 'no_show', ticketKey: online.key })

    // A priority ticket the officer issued is no self-declaration.
    const walkIn = await take(
      t,
      host,
      'bkd-legalisir-sk',
      { priority: true, channel: 'officer' },
      { cookie: officer },
    )
    await post('loket-3', { action: 'call' })
    const counter = (await page('/staf/loket/loket-3')).html
    expect(counter).toContain(`data-field="label">${walkIn.label}</p>`)
    expect(counter).toContain('<dd data-field="priority"><strong>Prioritas (kelompok rentan)</strong></dd>')
    expect(counter).not.toContain('dinyatakan sendiri')
    await post('loket-3', { action: 'no_show', ticketKey: walkIn.key })
  })

  it('shows the service, its agency, the queue and the group of a regular ticket, in the page and the API', async () => {
    const ticket = await take(t, host, 'bkd-legalisir-sk')
    await post('loket-3', { action: 'call' })
    const shown = (await page('/staf/loket/loket-3')).html
    expect(shown).toContain(`data-field="label">${ticket.label}</p>`)
    expect(shown).toMatch(
      /<dd data-field="service">Legalisasi SK kepegawaian ASN<span class="muted"> · [^<]+<\/span><\/dd>/,
    )
    expect(shown).toMatch(/<dd data-field="queue">[A-Z] · [^<]+<\/dd>/)
    expect(shown).toContain('<dt>Kelompok</dt><dd data-field="priority">Umum</dd>')

    const api = await t.request(host, '/api/counters/loket-3/console', { headers: { cookie: officer } })
    const body = (await api.json()) as { current: Record<string, unknown> }
    expect(body.current).toMatchObject({
      label: ticket.label,
      serviceId: 'bkd-legalisir-sk',
      serviceName: 'Legalisasi SK kepegawaian ASN',
      priority: false,
    })
    await post('loket-3', { action: 'no_show', ticketKey: ticket.key })
  })

  it('names a resumed ticket by its label, never its number', async () => {
    const ticket = await take(t, host, 'bkd-legalisir-sk')
    await post('loket-3', { action: 'call' })
    await post('loket-3', { action: 'hold', ticketKey: ticket.key })
    const held = (await page('/staf/loket/loket-3')).html
    expect(held).toContain(`<span>${ticket.label}</span>`)
    expect(held).toContain(`aria-label="Lanjutkan ${ticket.label}"`)
    const resumed = await post('loket-3', { action: 'resume', ticketKey: ticket.key })
    expect(resumed.location).toBe(`/staf/loket/loket-3?ok=resume&label=${ticket.label}`)
    expect((await page(resumed.location)).html).toContain(`Nomor ${ticket.label} kembali ke antrean.`)
    const api = await t.request(host, `/api/tickets/${ticket.key}/resume`, {
      method: 'POST',
      headers: { cookie: officer, origin: `http://${host}` },
    })
    expect(api.status).toBe(409)
    // Back in line: call it again and close it, so the next tests start with an idle counter.
    await post('loket-3', { action: 'call' })
    await post('loket-3', { action: 'no_show', ticketKey: ticket.key })
  })

  it('says why an action was refused, in Indonesian', async () => {
    await take(t, host, 'bkd-karis-karsu')
    await post('loket-3', { action: 'call' })
    const again = await post('loket-3', { action: 'call' })
    expect(again.location).toBe('/staf/loket/loket-3?error=counter_busy')
    expect((await page(again.location)).html).toContain('Loket masih melayani tiket lain.')
  })

  it('issues a walk-in ticket, links its print page, and keeps a refused check-in code', async () => {
    const issued = await post('loket-1', { action: 'issue', serviceId: 'disdukcapil-kia', priority: 'yes' })
    const query = new URL(issued.location, 'http://x').searchParams
    const label = query.get('label') ?? ''
    const key = query.get('cetak') ?? ''
    expect(label).toMatch(/^A-\d{3}$/)
    const printPath = `/staf/loket/loket-1/tiket/${key}`
    const console = (await page(issued.location)).html
    expect(console).toContain(`Nomor ${label} diterbitkan.`)
    expect(console).toContain(`<a href="${printPath}" data-field="print">Cetak tiket ${label}</a>`)

    const printed = await page(printPath)
    expect(printed.status).toBe(200)
    expect(printed.html).toContain(`<p class="ticket-number" id="ticket-number">${label}</p>`)
    expect(printed.html).toContain('<p class="ticket-service">Kartu Identitas Anak (KIA)</p>')
    expect(printed.html).toContain('<p class="ticket-tag">Prioritas</p>')
    expect(printed.html).toContain('ticket-slip.css')
    expect(printed.html).toContain('<body class="slip-print">')
    expect(printed.html).toContain('href="/staf/loket/loket-1"')
    // An unknown ticket, a malformed key and an unknown counter are 404s.
    expect((await page(printPath.replace(/\.\d+$/, '.999'))).status).toBe(404)
    expect((await page('/staf/loket/loket-1/tiket/bukan-kunci')).status).toBe(404)
    expect((await page(`/staf/loket/loket-99/tiket/${key}`)).status).toBe(404)

    // A refused check-in goes back to the console's own address, with the code kept.
    const refused = await post('loket-1', { action: 'check_in', code: 'ZZZZZZ' })
    expect(refused.status).toBe(303)
    const back = await page(refused.location)
    expect(back.status).toBe(200)
    expect(back.html).toContain('Janji temu tidak ditemukan.')
    expect(back.html).toContain('value="ZZZZZZ"')
  })

  it('checks an appointment in and links the print page of its ticket', async () => {
    const booked = await bookWithProof(t, host, tenants.lubuklinggau.id, {
      serviceId: 'bkd-legalisir-sk',
      date: '2026-11-23',
      time: '10:30',
      phone: '081200000777',
    })
    expect(booked.status).toBe(201)
    const { code } = (await booked.json()) as { code: string }
    const checkedIn = await post('loket-3', { action: 'check_in', code })
    const query = new URL(checkedIn.location, 'http://x').searchParams
    expect(query.get('ok')).toBe('checkedIn')
    const label = query.get('label') ?? ''
    const printPath = `/staf/loket/loket-3/tiket/${query.get('cetak')}`
    expect((await page(checkedIn.location)).html).toContain(
      `<a href="${printPath}" data-field="print">Cetak tiket ${label}</a>`,
    )
    const printed = await page(printPath)
    expect(printed.html).toContain(`<p class="ticket-number" id="ticket-number">${label}</p>`)
    expect(printed.html).toContain('<p class="ticket-tag">Janji temu</p>')
  })

  it('keeps the console from visitors and other tenants', async () => {
    expect((await t.request(host, '/staf/loket/loket-1')).status).toBe(303)
    const foreign = await loginCookie(t, tenants.palembang.host, 'petugas@palembang.test')
    expect((await t.request(host, '/staf/loket/loket-1', { headers: { cookie: foreign } })).status).toBe(303)
  })

  it("prints only this MPP's tickets: another MPP's ticket key is not found here", async () => {
    const palembangOfficer = await loginCookie(t, tenants.palembang.host, 'petugas@palembang.test')
    // Palembang's passport queue (`paspor`) does not exist in Lubuklinggau, so no ticket here has this key.
    const theirs = await take(t, tenants.palembang.host, 'imigrasi-paspor')
    const path = `/staf/loket/loket-1/tiket/${theirs.key}`
    const there = await t.request(tenants.palembang.host, path, { headers: { cookie: palembangOfficer } })
    expect(there.status).toBe(200)
    expect(await there.text()).toContain(theirs.label)
    const here = await page(path)
    expect(here.status).toBe(404)
    expect(here.html).not.toContain(theirs.label)
  })
})

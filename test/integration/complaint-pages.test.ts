import { openComplaints } from '@mpp/db/complaint-repository'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { createTestApp, signedIn, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

const pku = tenants.pekanbaru.host
const m = messagesFor('id')
const t9 = m.complaints
const text = 'Antrean SKCK sangat lama dan tidak ada petugas di loket informasi.'
const clock = createClock('2026-12-24T03:00:00Z') // Thursday 10:00 WIB; Christmas is a holiday in Pekanbaru

let t: TestApp
let officer: () => Promise<string>

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = signedIn(t, pku, 'petugas@pekanbaru.test')
})

/** A form post as the browser sends it: same origin, urlencoded. */
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  t.request(pku, path, {
    method: 'POST',
    headers: {
      origin: `http://${pku}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })
const get = (path: string, cookie?: string) =>
  t.request(pku, path, cookie ? { headers: { cookie } } : undefined)

const formKey = async () => {
  const html = await (await get('/pengaduan')).text()
  const key = /name="kunci" value="([\w-]+)"/.exec(html)?.[1]
  expect(key).toBeTruthy()
  return key as string
}

/** Files through the form and returns the tracking page's address. */
const fileByForm = async (fields: Record<string, string>) => {
  const res = await post('/pengaduan', { kunci: await formKey(), ...fields })
  expect(res.status, await res.clone().text()).toBe(303)
  const location = res.headers.get('location') ?? ''
  expect(location).toMatch(
    /^\/pengaduan\/[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}\?baru$/,
  )
  return { location, display: location.slice('/pengaduan/'.length, -'?baru'.length) }
}

describe("the citizen's complaint pages", () => {
  it('are linked from the home page and offer the form, the services, tracking and LAPOR!', async () => {
    expect(await (await get('/')).text()).toContain('href="/pengaduan"')
    const res = await get('/pengaduan')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Pengaduan</h1>')
    expect(html).toContain('Surat Keterangan Catatan Kepolisian (SKCK)')
    expect(html).toContain('href="https://www.lapor.go.id"')
    expect(html).toContain(t9.anonymous)
    expect(html).toContain('name="kode"')
  })

  it('files a complaint and shows its tracking code, status and working-day deadlines', async () => {
    const { location, display } = await fileByForm({
      layanan: 'polda-riau-skck',
      jenis: 'waktu',
      isi: text,
      nama: 'Rahmat Hidayat',
      telepon: '0813 1111 2222',
    })
    const res = await get(location)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-robots-tag')).toBe('noindex')
    const html = await res.text()
    expect(html).toContain(t9.filedNow)
    expect(html).toContain(`<strong class="tracking-code__value">${display}</strong>`)
    expect(html).toContain(t9.writeDown)
    expect(html).toContain(t9.statuses.received)
    // Verify by Wednesday 30 December, follow up by Thursday 7 January (Christmas, weekends, New Year skipped).
    expect(html).toContain('Rabu, 30 Desember 2026')
    expect(html).toContain('Kamis, 7 Januari 2027')
    expect(html).not.toContain('Rahmat Hidayat')
    expect(html).not.toContain('1111')
  })

  it('keeps what was typed when the form is refused, with each problem next to its field', async () => {
    const before = await tenantSnapshot(t.db, '14.71')
    const res = await post('/pengaduan', {
      kunci: await formKey(),
      layanan: 'polda-riau-skck',
      jenis: 'biaya',
      isi: 'Terlalu singkat',
      nama: '',
      telepon: '0812',
      email: 'warga@contoh',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(t9.refused)
    expect(html).toContain(t9.fieldErrors.text)
    expect(html).toContain(t9.fieldErrors.name)
    expect(html).toContain(t9.fieldErrors.phone)
    expect(html).toContain(t9.fieldErrors.email)
    expect(html).toContain('>Terlalu singkat</textarea>')
    expect(html).toContain('value="0812"')
    expect(html).toContain('value="warga@contoh"')
    expect(html).toMatch(/<option value="polda-riau-skck" selected="">/)
    expect(html).toMatch(/value="biaya" checked=""/)
    expect(html).toMatch(/id="isi"[^>]*aria-invalid="true"/)
    expect(await tenantSnapshot(t.db, '14.71')).toEqual(before)
  })

  it('refuses contact details with "send without my name", keeping both', async () => {
    const res = await post('/pengaduan', {
      kunci: await formKey(),
      jenis: 'petugas',
      isi: text,
      tanpaNama: 'ya',
      nama: 'Rahmat',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(t9.fieldErrors.anonymous)
    expect(html).toMatch(/name="tanpaNama" value="ya" checked=""/)
    expect(html).toContain('value="Rahmat"')
  })

  it('files an anonymous complaint', async () => {
    const { location } = await fileByForm({ jenis: 'fasilitas', isi: text, tanpaNama: 'ya' })
    const html = await (await get(location)).text()
    expect(html).toContain(t9.anonymousNote)
  })

  it('files once when the same form is sent twice', async () => {
    const key = await formKey()
    const fields = { kunci: key, jenis: 'pelayanan', isi: text, tanpaNama: 'ya' }
    const before = (await openComplaints(t.db, '14.71')).length
    const first = await post('/pengaduan', fields)
    const second = await post('/pengaduan', fields)
    expect(first.status).toBe(303)
    expect(second.status).toBe(303)
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    expect((await openComplaints(t.db, '14.71')).length).toBe(before + 1)
  })

  it('refuses an unknown service by the field, 404', async () => {
    const res = await post('/pengaduan', {
      kunci: await formKey(),
      layanan: 'tidak-ada',
      jenis: 'biaya',
      isi: text,
      tanpaNama: 'ya',
    })
    expect(res.status).toBe(404)
    expect(await res.text()).toContain(t9.fieldErrors.service)
  })

  it('tracks by code as typed; a bad code is a 400 and an unknown one a 404, the typed code kept', async () => {
    const { display } = await fileByForm({ jenis: 'biaya', isi: text, tanpaNama: 'ya' })
    const found = await get(`/pengaduan?kode=${encodeURIComponent(` ${display.toLowerCase()} `)}`)
    expect(found.status).toBe(303)
    expect(found.headers.get('location')).toBe(`/pengaduan/${display}`)

    const bad = await get('/pengaduan?kode=abc')
    expect(bad.status).toBe(400)
    const badHtml = await bad.text()
    expect(badHtml).toContain(t9.trackInvalid)
    expect(badHtml).toContain('value="abc"')

    const unknown = await get('/pengaduan?kode=ABCD-EFGH-JK')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain(m.errors.complaint_not_found)

    expect((await get('/pengaduan/ABCD-EFGH-JK')).status).toBe(404)
  })
})

describe("the staff's complaint pages", () => {
  it('need a staff session', async () => {
    const res = await get('/staf/pengaduan')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/masuk?next=%2Fstaf%2Fpengaduan')
    const { display } = await fileByForm({ jenis: 'biaya', isi: text, tanpaNama: 'ya' })
    const code = display.replaceAll('-', '')
    const before = await tenantSnapshot(t.db, '14.71')
    expect((await post(`/staf/pengaduan/${code}/verifikasi`, { laporRef: '' })).status).toBe(401)
    expect(await tenantSnapshot(t.db, '14.71')).toEqual(before)
    expect(await (await get('/staf', await officer())).text()).toContain('href="/staf/pengaduan"')
  })

  it('mark late complaints with words and an icon, not colour alone, and list them first', async () => {
    clock.set('2026-12-24T03:00:00Z')
    const { display } = await fileByForm({ jenis: 'biaya', isi: text, tanpaNama: 'ya' })
    clock.set('2026-12-31T03:00:00Z') // the day after the verification deadline
    const html = await (await get('/staf/pengaduan', await officer())).text()
    const row = html.slice(html.indexOf(display) - 300, html.indexOf(display) + 1500)
    expect(row).toContain('class="is-late"')
    expect(row).toContain('<strong>Terlambat</strong>')
    expect(row).toContain('⚠')
    expect(row).toContain('verifikasi lewat batas Rabu, 30 Desember 2026')
    const filtered = await (await get('/staf/pengaduan?status=overdue', await officer())).text()
    expect(filtered).toContain(display)
    const responded = await (await get('/staf/pengaduan?status=responded', await officer())).text()
    expect(responded).not.toContain(display)
    clock.set('2026-12-24T03:00:00Z')
  })

  it('verify, respond and close through forms; a refused form keeps what was typed', async () => {
    clock.set('2026-12-28T02:00:00Z')
    const { display } = await fileByForm({
      layanan: 'polda-riau-skck',
      jenis: 'petugas',
      isi: text,
      nama: 'Dewi',
    })
    const code = display.replaceAll('-', '')
    const page = `/staf/pengaduan/${code}`
    const detail = await (await get(page, await officer())).text()
    expect(detail).toContain('Dewi')
    expect(detail).toContain(t9.verifySubmit)

    const badRef = await post(`${page}/verifikasi`, { laporRef: 'bukan nomor' }, await officer())
    expect(badRef.status).toBe(400)
    const badHtml = await badRef.text()
    expect(badHtml).toContain(t9.laporInvalid)
    expect(badHtml).toContain('value="bukan nomor"')

    const verified = await post(`${page}/verifikasi`, { laporRef: '9876543' }, await officer())
    expect(verified.status).toBe(303)
    expect(verified.headers.get('location')).toBe(`${page}?tersimpan`)
    const afterVerify = await (await get(`${page}?tersimpan`, await officer())).text()
    expect(afterVerify).toContain(t9.saved)
    expect(afterVerify).toContain('9876543')
    expect(afterVerify).toContain('Diverifikasi oleh petugas@pekanbaru.test')

    const again = await post(`${page}/verifikasi`, { laporRef: '' }, await officer())
    expect(again.status).toBe(409)
    expect(await again.text()).toContain(t9.invalidTransition)

    const short = await post(`${page}/tanggapi`, { isi: 'Oke' }, await officer())
    expect(short.status).toBe(400)
    const shortHtml = await short.text()
    expect(shortHtml).toContain(t9.respondInvalid)
    expect(shortHtml).toContain('>Oke</textarea>')

    const response = 'Kami sudah menegur petugas dan memperbaiki jadwal loket.'
    expect((await post(`${page}/tanggapi`, { isi: response }, await officer())).status).toBe(303)

    // The citizen reads the response and may reply within 10 working days.
    const track = await (await get(`/pengaduan/${display}`)).text()
    expect(track).toContain(response)
    expect(track).toContain(t9.statuses.responded)
    expect(track).toContain('Selasa, 12 Januari 2027')
    expect(track).not.toContain('petugas@pekanbaru.test')
    const shortReply = await post(`/pengaduan/${display}/balas`, { isi: 'Belum' })
    expect(shortReply.status).toBe(400)
    expect(await shortReply.text()).toContain('>Belum</textarea>')
    const reply = await post(`/pengaduan/${display}/balas`, {
      isi: 'Jadwal loket belum berubah sampai hari ini.',
    })
    expect(reply.status).toBe(303)
    expect(reply.headers.get('location')).toBe(`/pengaduan/${display}?terkirim`)
    expect(await (await get(`/pengaduan/${display}?terkirim`)).text()).toContain(t9.replySent)
    const lateReply = await post(`/pengaduan/${display}/balas`, { isi: 'Satu tanggapan lagi dari saya.' })
    expect(lateReply.status).toBe(409)
    expect(await lateReply.text()).toContain('Satu tanggapan lagi dari saya.')

    expect(
      (await post(`${page}/tanggapi`, { isi: 'Jadwal baru berlaku mulai Senin.' }, await officer())).status,
    ).toBe(303)
    expect((await post(`${page}/tutup`, { catatan: '' }, await officer())).status).toBe(303)
    const closed = await (await get(page, await officer())).text()
    expect(closed).toContain(t9.statuses.closed)
    expect(closed).not.toContain(t9.respondSubmit)
    clock.set('2026-12-24T03:00:00Z')
  })

  it('need a closing note before a response, and keep the LAPOR! number form working at any status', async () => {
    const { display } = await fileByForm({ jenis: 'lainnya', isi: text, tanpaNama: 'ya' })
    const page = `/staf/pengaduan/${display.replaceAll('-', '')}`
    const bare = await post(`${page}/tutup`, { catatan: '' }, await officer())
    expect(bare.status).toBe(400)
    expect(await bare.text()).toContain(m.errors.close_note_required)
    expect((await post(`${page}/tutup`, { catatan: 'Bukan pengaduan.' }, await officer())).status).toBe(303)
    expect((await post(`${page}/lapor`, { laporRef: 'LPR-2027-001' }, await officer())).status).toBe(303)
    const seen = await (await t.request(pku, `/api/complaints/${display}`)).json()
    expect(seen).toMatchObject({ status: 'closed', laporRef: 'LPR-2027-001', closeNote: 'Bukan pengaduan.' })
  })

  it('answer 404 for an unknown complaint', async () => {
    expect((await get('/staf/pengaduan/ABCDEFGHJK', await officer())).status).toBe(404)
  })
})

import { Logger } from '@aws-lambda-powertools/logger'
import { closeQuietComplaints } from '@mpp/api/complaints/complaints'
import { monthRollups, tenantDayRollups } from '@mpp/db/rollup-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, loginCookie, signedIn, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

// Pekanbaru (WIB) has Christmas (2026-12-25) and New Year's Day (2027-01-01) as holidays; Lubuklinggau none.
const pku = tenants.pekanbaru.host
const llg = tenants.lubuklinggau.host
const skck = 'polda-riau-skck'
const text = 'Petugas loket SKCK meminta biaya tambahan di luar tarif resmi PNBP.'
const logger = new Logger({ serviceName: 'mpp-test', logLevel: 'SILENT' })

const clock = createClock('2026-12-24T03:00:00Z') // Thursday 10:00 WIB, the day before Christmas
let t: TestApp
let officer: () => Promise<string>
let admin: () => Promise<string>

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = signedIn(t, pku, 'petugas@pekanbaru.test')
  admin = signedIn(t, pku, 'admin@pekanbaru.test')
})

interface Filed {
  code: string
  display: string
  link: string
  laporUrl: string
  complaint: Record<string, unknown> & { verifyBy: string; respondBy: string; status: string }
}

const file = async (host: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const res = await t.request(host, '/api/complaints', json(body, headers))
  if (res.status !== 201) throw new Error(`submitComplaint ${res.status}: ${await res.text()}`)
  return (await res.json()) as Filed
}
const staffGet = async (path: string, cookie?: string, host: string = pku) =>
  t.request(host, `/api/staff/complaints${path}`, { headers: { cookie: cookie ?? (await officer()) } })
const staffPost = async (code: string, action: string, body: unknown, cookie?: string, host: string = pku) =>
  t.request(
    host,
    `/api/staff/complaints/${code}/${action}`,
    json(body, { cookie: cookie ?? (await officer()) }),
  )
const citizenGet = (code: string, host: string = pku) => t.request(host, `/api/complaints/${code}`)
const dayTotals = async (tenantId: string, day: string) =>
  (await tenantDayRollups(t.db, tenantId, day, day))[0]

describe('submitComplaint', () => {
  it('files a complaint with a tracking code and deadlines that skip the weekend and the holiday', async () => {
    const filed = await file(pku, {
      serviceId: skck,
      category: 'biaya',
      text,
      contact: { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi@example.id' },
    })
    expect(filed.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/)
    expect(filed.display).toBe(`${filed.code.slice(0, 4)}-${filed.code.slice(4, 8)}-${filed.code.slice(8)}`)
    expect(filed.link).toBe(`/pengaduan/${filed.display}`)
    expect(filed.laporUrl).toBe('https://www.lapor.go.id')
    // Filed Thursday 24 December: Christmas Friday and the weekend do not count; nor does New Year's Day.
    expect(filed.complaint).toMatchObject({
      status: 'received',
      category: 'biaya',
      service: { id: skck, name: 'Surat Keterangan Catatan Kepolisian (SKCK)' },
      filedOn: '2026-12-24',
      verifyBy: '2026-12-30',
      respondBy: '2027-01-07',
      anonymous: false,
      messages: [],
    })
    // The citizen's view never carries the contact details.
    const tracked = await citizenGet(filed.code)
    expect(tracked.status).toBe(200)
    const body = await tracked.text()
    expect(JSON.parse(body)).toEqual(filed.complaint)
    for (const secret of ['Budi', '81234567890', 'budi@example.id', 'contact'])
      expect(body).not.toContain(secret)
  })

  it('mails the tracking code to a citizen who gave an email, once, in the language filed in; the outbox the ministry reads hides it', async () => {
    const key = { 'idempotency-key': 'complaint-mail-0001' }
    const body = {
      category: 'waktu',
      text,
      contact: { name: 'Sari Dewi', email: 'sari@example.id' },
    }
    const filed = await file(pku, body, key)
    await t.request(pku, '/api/complaints', json(body, key))
    await t.mail.idle()
    const mails = t.mail.transport.sent.filter((m) => m.to === 'sari@example.id')
    expect(mails).toHaveLength(1)
    const [mail] = mails
    expect(mail?.subject).toMatch(/^Pengaduan Anda di .*Kota Pekanbaru sudah diterima$/)
    expect(mail?.text).toContain('Yth. Sari Dewi,')
    expect(mail?.text).toContain(`Kode pelacakan: ${filed.display}`)
    expect(mail?.text).toContain(`http://${pku}/pengaduan/${filed.display}`)
    expect(mail?.text).toContain('paling lambat Rabu, 30 Desember 2026')

    // In English when filed in English.
    const english = await t.request(
      pku,
      '/api/complaints?lang=en',
      json({ ...body, contact: { name: 'Sam', email: 'sam@example.id' } }),
    )
    const code = (await english.json()).display as string
    await t.mail.idle()
    const sent = t.mail.transport.sent.findLast((m) => m.to === 'sam@example.id')
    expect(sent?.text).toContain(`Tracking code: ${code}`)

    // No email, no mail: an anonymous complaint or one with a phone only.
    const count = t.mail.transport.sent.length
    await file(pku, { category: 'waktu', text, contact: { name: 'Tono', phone: '0812-3456-7890' } })
    await t.mail.idle()
    expect(t.mail.transport.sent.length).toBe(count)

    const ministry = await loginCookie(t, 'localhost', 'kementerian@panrb.test')
    const outbox = await (
      await t.request('localhost', '/kementerian/surat', { headers: { cookie: ministry } })
    ).text()
    expect(outbox).toContain('sari@example.id')
    expect(outbox).not.toContain(filed.display)
  })

  it("counts the tenant's own holidays only: Lubuklinggau has none, so Christmas is a working day there", async () => {
    const filed = await file(llg, { category: 'waktu', text, anonymous: true })
    expect(filed.complaint).toMatchObject({ verifyBy: '2026-12-29', respondBy: '2027-01-05' })
  })

  it('reads a tracking code as people type it', async () => {
    const filed = await file(pku, { category: 'fasilitas', text, anonymous: true })
    for (const typed of [filed.display, filed.display.toLowerCase(), filed.code.toLowerCase()]) {
      const res = await citizenGet(encodeURIComponent(typed))
      expect(res.status, typed).toBe(200)
      expect((await res.json()).code).toBe(filed.code)
    }
  })

  it('adds cpFiled to the day, the month and the service in the same write', async () => {
    const before = await dayTotals('14.71', '2026-12-24')
    await file(pku, { serviceId: skck, category: 'petugas', text, anonymous: true })
    await file(pku, { category: 'lainnya', text, anonymous: true })
    const after = await dayTotals('14.71', '2026-12-24')
    expect((after?.totals.cpFiled ?? 0) - (before?.totals.cpFiled ?? 0)).toBe(2)
    expect((after?.services[skck]?.cpFiled ?? 0) - (before?.services[skck]?.cpFiled ?? 0)).toBe(1)
    const month = (await monthRollups(t.db, '2026-12')).find((r) => r.tenantId === '14.71')
    expect(month?.totals.cpFiled).toBe(after?.totals.cpFiled)
  })

  it('files once for a retried request with the same Idempotency-Key, even when retries race', async () => {
    const key = { 'idempotency-key': 'complaint-retry-0001' }
    const body = { category: 'pelayanan', text, anonymous: true }
    const before = (await dayTotals('14.71', '2026-12-24'))?.totals.cpFiled ?? 0
    const all = await Promise.all(
      Array.from({ length: 4 }, () => t.request(pku, '/api/complaints', json(body, key))),
    )
    const statuses = all.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 201])
    const codes = new Set(await Promise.all(all.map(async (r) => (await r.json()).code)))
    expect(codes.size).toBe(1)
    const again = await t.request(pku, '/api/complaints', json(body, key))
    expect(again.status).toBe(200)
    expect((await again.json()).code).toBe([...codes][0])
    expect((await dayTotals('14.71', '2026-12-24'))?.totals.cpFiled).toBe(before + 1)
  })

  it('refuses bad input with a 400 in the error shape, naming the field, and writes nothing', async () => {
    const before = await tenantSnapshot(t.db, '14.71')
    const cases: [unknown, string][] = [
      [{ category: 'biaya', text: 'pendek', anonymous: true }, 'text'],
      [{ category: 'tidak-ada', text, anonymous: true }, 'category'],
      [{ category: 'biaya', text, anonymous: true, contact: { name: 'Budi' } }, 'contact'],
      [{ category: 'biaya', text }, 'contact.name'],
      [{ category: 'biaya', text, contact: { name: 'Budi', phone: '12345' } }, 'contact.phone'],
      [{ category: 'biaya', text, contact: { name: 'Budi', email: 'bukan-email' } }, 'contact.email'],
      [{ category: 'biaya', text, anonymous: true, serviceId: 'Bukan Id' }, 'serviceId'],
    ]
    for (const [body, path] of cases) {
      const res = await t.request(pku, '/api/complaints', json(body))
      expect(res.status, path).toBe(400)
      const { error } = await res.json()
      expect(error.code).toBe('invalid_request')
      expect(error.details.map((d: { path: string }) => d.path)).toContain(path)
    }
    const unknownField = await t.request(
      pku,
      '/api/complaints',
      json({ category: 'biaya', text, anonymous: true, x: 1 }),
    )
    expect(unknownField.status).toBe(400)
    const malformed = await t.request(pku, '/api/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":',
    })
    expect((await malformed.json()).error.code).toBe('malformed_json')
    const unknownService = await t.request(
      pku,
      '/api/complaints',
      json({ category: 'biaya', text, anonymous: true, serviceId: 'tidak-ada' }),
    )
    expect(unknownService.status).toBe(404)
    expect((await unknownService.json()).error.code).toBe('service_not_found')
    expect(await tenantSnapshot(t.db, '14.71')).toEqual(before)
  })

  it('answers 404 for an unknown or malformed tracking code', async () => {
    for (const code of ['ABCDEFGHJK', 'xyz', 'OOOOOOOOOO']) {
      const res = await citizenGet(code)
      expect(res.status, code).toBe(404)
      expect((await res.json()).error.code).toBe('complaint_not_found')
    }
  })

  it("keeps each tenant's complaints to itself", async () => {
    const filed = await file(pku, { category: 'biaya', text, anonymous: true })
    expect((await citizenGet(filed.code, llg)).status).toBe(404)
    const llgOfficer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    expect((await staffGet(`/${filed.code}`, llgOfficer, llg)).status).toBe(404)
    const list = await (await staffGet('', llgOfficer, llg)).json()
    expect(list.complaints.map((c: { code: string }) => c.code)).not.toContain(filed.code)
    // Lubuklinggau's officer on Pekanbaru's host is nobody.
    const before = await tenantSnapshot(t.db, '14.71')
    expect((await staffPost(filed.code, 'verify', {}, llgOfficer)).status).toBe(401)
    expect((await staffGet(`/${filed.code}`, llgOfficer)).status).toBe(401)
    expect(await tenantSnapshot(t.db, '14.71')).toEqual(before)
  })
})

describe('staff handle complaints', () => {
  it('refuse anyone without a staff session', async () => {
    const filed = await file(pku, { category: 'biaya', text, anonymous: true })
    expect((await t.request(pku, '/api/staff/complaints')).status).toBe(401)
    expect((await t.request(pku, `/api/staff/complaints/${filed.code}`)).status).toBe(401)
    const res = await t.request(pku, `/api/staff/complaints/${filed.code}/verify`, json({}))
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('unauthorized')
    // Both officers and admins handle them.
    expect((await staffGet('', await admin())).status).toBe(200)
  })

  it('verify, respond and close: who and when recorded, the citizen sees the response without staff names', async () => {
    clock.set('2026-12-24T03:00:00Z')
    const filed = await file(pku, {
      serviceId: skck,
      category: 'petugas',
      text,
      contact: { name: 'Siti Aminah', phone: '081298765432' },
    })
    const list = await (await staffGet('')).json()
    const listed = list.complaints.find((c: { code: string }) => c.code === filed.code)
    expect(listed).toMatchObject({ status: 'received', overdue: null, contact: { name: 'Siti Aminah' } })

    clock.set('2026-12-28T02:00:00Z') // Monday
    const verified = await staffPost(filed.code, 'verify', { laporRef: 'LAPOR-7654321' })
    expect(verified.status).toBe(200)
    expect(await verified.json()).toMatchObject({
      status: 'verified',
      verifiedBy: 'petugas@pekanbaru.test',
      verifiedAt: '2026-12-28T02:00:00.000Z',
      laporRef: 'LAPOR-7654321',
    })
    const twice = await staffPost(filed.code, 'verify', {})
    expect(twice.status).toBe(409)
    expect((await twice.json()).error.code).toBe('invalid_transition')

    const before = await dayTotals('14.71', '2026-12-28')
    const short = await staffPost(filed.code, 'respond', { text: 'ok' })
    expect(short.status).toBe(400)
    const responded = await staffPost(filed.code, 'respond', {
      text: 'Petugas yang bersangkutan sudah ditegur dan biaya dikembalikan.',
    })
    expect(responded.status).toBe(200)
    const r = await responded.json()
    expect(r).toMatchObject({
      status: 'responded',
      firstRespondedOn: '2026-12-28',
      // Ten working days after Monday 28 December, skipping New Year's Day.
      replyBy: '2027-01-12',
      messages: [{ from: 'staff', by: 'petugas@pekanbaru.test' }],
    })
    const after = await dayTotals('14.71', '2026-12-28')
    expect((after?.totals.cpResponded ?? 0) - (before?.totals.cpResponded ?? 0)).toBe(1)
    expect((after?.totals.cpRespondedOnTime ?? 0) - (before?.totals.cpRespondedOnTime ?? 0)).toBe(1)
    expect(after?.services[skck]?.cpRespondedOnTime).toBeGreaterThanOrEqual(1)

    const seen = await (await citizenGet(filed.code)).json()
    expect(seen).toMatchObject({ status: 'responded', replyBy: '2027-01-12', laporRef: 'LAPOR-7654321' })
    expect(seen.messages).toEqual([
      {
        from: 'staff',
        text: 'Petugas yang bersangkutan sudah ditegur dan biaya dikembalikan.',
        at: '2026-12-28T02:00:00.000Z',
      },
    ])
    expect(JSON.stringify(seen)).not.toContain('petugas@pekanbaru.test')

    // A second response adds to the conversation but is not counted again.
    await staffPost(filed.code, 'respond', { text: 'Tambahan: loket SKCK kini memajang tarif resmi.' })
    expect((await dayTotals('14.71', '2026-12-28'))?.totals.cpResponded).toBe(after?.totals.cpResponded)

    const closed = await staffPost(filed.code, 'close', {}, await admin())
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({ status: 'closed', closedBy: 'admin@pekanbaru.test' })
    const open = await (await staffGet('')).json()
    expect(open.complaints.map((c: { code: string }) => c.code)).not.toContain(filed.code)
    const closedList = await (await staffGet('?status=closed')).json()
    expect(closedList.complaints[0].code).toBe(filed.code)
    expect((await staffPost(filed.code, 'respond', { text: 'Terlambat sekali ini.' })).status).toBe(409)
  })

  it('marks late complaints and lists them first; a late response counts as not on time', async () => {
    clock.set('2026-12-24T03:00:00Z')
    const filed = await file(pku, { category: 'waktu', text, anonymous: true })
    const status = async () =>
      (await (await staffGet('')).json()).complaints.find((c: { code: string }) => c.code === filed.code)

    clock.set('2026-12-30T09:00:00Z') // Wednesday 16:00 WIB: the verification deadline itself
    expect((await status()).overdue).toBeNull()
    clock.set('2026-12-30T17:30:00Z') // Thursday 00:30 WIB
    expect((await status()).overdue).toBe('verify')
    const list = await (await staffGet('')).json()
    expect(list.complaints[0].overdue).not.toBeNull()
    const late = await (await staffGet('?status=overdue')).json()
    expect(late.complaints.map((c: { code: string }) => c.code)).toContain(filed.code)
    expect(late.complaints.every((c: { overdue: string | null }) => c.overdue !== null)).toBe(true)

    await staffPost(filed.code, 'verify', {})
    clock.set('2027-01-07T08:00:00Z') // the follow-up deadline (holidays skipped)
    expect((await status()).overdue).toBeNull()
    clock.set('2027-01-08T02:00:00Z') // Friday: one day late
    expect((await status()).overdue).toBe('respond')

    const before = await dayTotals('14.71', '2027-01-08')
    await staffPost(filed.code, 'respond', { text: 'Mohon maaf atas keterlambatan pelayanan.' })
    const after = await dayTotals('14.71', '2027-01-08')
    expect((after?.totals.cpResponded ?? 0) - (before?.totals.cpResponded ?? 0)).toBe(1)
    expect((after?.totals.cpRespondedOnTime ?? 0) - (before?.totals.cpRespondedOnTime ?? 0)).toBe(0)
  })

  it('needs a note to close before a response', async () => {
    const filed = await file(pku, { category: 'lainnya', text, anonymous: true })
    const bare = await staffPost(filed.code, 'close', {})
    expect(bare.status).toBe(400)
    expect((await bare.json()).error.code).toBe('close_note_required')
    const closed = await staffPost(filed.code, 'close', { note: 'Bukan pengaduan: pertanyaan jam layanan.' })
    expect(closed.status).toBe(200)
    const seen = await (await citizenGet(filed.code)).json()
    expect(seen).toMatchObject({
      status: 'closed',
      closeNote: 'Bukan pengaduan: pertanyaan jam layanan.',
      closedBySystem: false,
    })
    expect((await staffPost(filed.code, 'close', { note: 'Sekali lagi.' })).status).toBe(409)
  })

  it('records, changes and removes the LAPOR! reference at any status', async () => {
    const filed = await file(pku, { category: 'lainnya', text, anonymous: true })
    const put = async (laporRef: unknown) =>
      t.request(pku, `/api/staff/complaints/${filed.code}/lapor-ref`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: await officer() },
        body: JSON.stringify({ laporRef }),
      })
    expect((await (await put('1234567')).json()).laporRef).toBe('1234567')
    const bad = await put('bukan nomor lapor')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details[0].path).toBe('laporRef')
    expect((await put('x'.repeat(31))).status).toBe(400)
    expect((await citizenGet(filed.code).then((r) => r.json())).laporRef).toBe('1234567')
    expect((await (await put(null)).json()).laporRef).toBeUndefined()
  })

  it('answers 404 for an unknown complaint and 400 for an unknown filter', async () => {
    expect((await staffGet('/ABCDEFGHJK')).status).toBe(404)
    expect((await staffPost('ABCDEFGHJK', 'verify', {})).status).toBe(404)
    const bad = await staffGet('?status=semua')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid_request')
  })
})

describe('after the response', () => {
  const respondedOn = async (isoInstant: string) => {
    clock.set(isoInstant)
    const filed = await file(pku, { category: 'pelayanan', text, anonymous: true })
    await staffPost(filed.code, 'verify', {})
    const r = await staffPost(filed.code, 'respond', { text: 'Berkas Anda sudah kami proses ulang.' })
    return { code: filed.code, replyBy: (await r.json()).replyBy as string }
  }

  it('the job closes a complaint 10 working days after the response when the citizen says nothing', async () => {
    const { code, replyBy } = await respondedOn('2027-01-08T02:00:00Z') // Friday
    expect(replyBy).toBe('2027-01-22')

    clock.set('2027-01-22T10:00:00Z') // 17:00 WIB on the last day: still open
    expect(await closeQuietComplaints({ db: t.db, now: clock.now, logger })).toEqual([])
    expect((await (await citizenGet(code)).json()).status).toBe('responded')

    clock.set('2027-01-22T17:30:00Z') // Saturday 00:30 WIB
    const closed = await closeQuietComplaints({ db: t.db, now: clock.now, logger })
    expect(closed).toContainEqual({ tenantId: '14.71', code })
    const seen = await (await citizenGet(code)).json()
    expect(seen).toMatchObject({
      status: 'closed',
      closedBySystem: true,
      closedAt: '2027-01-22T17:30:00.000Z',
    })
    expect((await (await staffGet(`/${code}`)).json()).closedBy).toBe('system')

    // Running again changes nothing.
    const snapshot = await tenantSnapshot(t.db, '14.71')
    expect(await closeQuietComplaints({ db: t.db, now: clock.now, logger })).toEqual([])
    expect(await tenantSnapshot(t.db, '14.71')).toEqual(snapshot)
  })

  it("a citizen's reply within the 10 days opens it again and stops the auto-close", async () => {
    const { code, replyBy } = await respondedOn('2027-02-01T02:00:00Z') // Monday
    expect(replyBy).toBe('2027-02-15')
    const reply = (body: unknown) => t.request(pku, `/api/complaints/${code}/reply`, json(body))
    expect((await reply({ text: 'pendek' })).status).toBe(400)

    clock.set('2027-02-15T08:00:00Z') // the last day
    const replied = await reply({ text: 'Berkas saya masih belum bisa diambil sampai hari ini.' })
    expect(replied.status).toBe(200)
    const seen = await replied.json()
    expect(seen).toMatchObject({ status: 'verified', respondBy: '2027-02-22' })
    expect(seen.replyBy).toBeUndefined()
    expect(seen.messages.map((m: { from: string }) => m.from)).toEqual(['staff', 'citizen'])

    clock.set('2027-02-20T02:00:00Z')
    expect(await closeQuietComplaints({ db: t.db, now: clock.now, logger })).not.toContainEqual({
      tenantId: '14.71',
      code,
    })
    const again = await reply({ text: 'Saya tambahkan lagi keterangan berkasnya.' })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('complaint_reply_closed')
  })

  it('refuses a reply after the 10 working days', async () => {
    const { code } = await respondedOn('2027-03-01T02:00:00Z')
    clock.set('2027-03-16T02:00:00Z') // the day after the reply deadline, before the job ran
    const res = await t.request(
      pku,
      `/api/complaints/${code}/reply`,
      json({ text: 'Masih ada kekurangan berkas.' }),
    )
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('complaint_reply_closed')
  })
})

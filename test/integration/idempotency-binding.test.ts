import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { openComplaints } from '@mpp/db/complaint-repository'
import { keys } from '@mpp/db/keys'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json, numberOf, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

// An Idempotency-Key stands for one request: replayed with other content it must never answer with the
// result of the first (another citizen's ticket and its secret link, or another citizen's complaint).
const llg = tenants.lubuklinggau.host
const tenantId = tenants.lubuklinggau.id
const m = messagesFor('id')
const clock = createClock('2026-11-23T03:00:00Z') // Monday 10:00 WIB; Lubuklinggau is open around the clock
const complaintText = 'Antrean KTP sangat lama dan petugas informasi tidak ada di tempat.'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
})

const ticketRequest = (body: unknown, key: string, cookie?: string) =>
  t.request(llg, '/api/tickets', json(body, { 'idempotency-key': key, ...(cookie ? { cookie } : {}) }))
const complaintRequest = (body: unknown, key: string) =>
  t.request(llg, '/api/complaints', json(body, { 'idempotency-key': key }))

/** The number the next ticket of a service's queue gets: a ticket issued in between would show as a gap. */
const nextNumber = async (serviceId: string) => numberOf((await take(t, llg, serviceId)).key)

const expectReused = async (res: Response) => {
  expect(res.status).toBe(422)
  const text = await res.text()
  expect(JSON.parse(text)).toEqual({
    error: { code: 'idempotency_key_reused', message: m.errors.idempotency_key_reused },
  })
  return text
}

const formPost = (path: string, fields: Record<string, string>, cookie?: string) =>
  t.request(llg, path, {
    method: 'POST',
    headers: {
      origin: `http://${llg}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })
const formKeysOf = async (path: string, cookie?: string) => {
  const html = await (await t.request(llg, path, cookie ? { headers: { cookie } } : undefined)).text()
  return [...html.matchAll(/name="kunci" value="([\w-]+)"/g)].map((x) => x[1] as string)
}

describe('an Idempotency-Key on takeTicket', () => {
  it('returns the same ticket for the same body, and 422 without the ticket for another', async () => {
    const key = 'ticket-bound-key-0001'
    const first = await ticketRequest({ serviceId: 'disdukcapil-ktp-el' }, key)
    expect(first.status).toBe(201)
    const ticket = await first.json()
    // The defaults written out are the same request.
    const same = await ticketRequest(
      { serviceId: 'disdukcapil-ktp-el', priority: false, channel: 'online' },
      key,
    )
    expect(same.status).toBe(200)
    expect((await same.json()).link).toBe(ticket.link)

    const nibBefore = await nextNumber('dpmptsp-nib')
    const secret = ticket.link.split('/').pop()
    for (const body of [
      { serviceId: 'dpmptsp-nib' },
      { serviceId: 'disdukcapil-ktp-el', priority: true },
      { serviceId: 'disdukcapil-ktp-el', phone: '081234567890' },
    ]) {
      const text = await expectReused(await ticketRequest(body, key))
      expect(text).not.toContain(secret)
      expect(text).not.toContain(ticket.key)
    }
    // Nothing was issued by the refused requests.
    expect(await nextNumber('dpmptsp-nib')).toBe(nibBefore + 1)
    expect(await nextNumber('disdukcapil-ktp-el')).toBe(numberOf(ticket.key) + 1)
  })

  it('refuses a staff channel replaying a phone’s key, and a record kept without a hash', async () => {
    const officer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const key = 'ticket-bound-key-0002'
    expect((await ticketRequest({ serviceId: 'bpjs-kesehatan-jkn-daftar' }, key)).status).toBe(201)
    await expectReused(
      await ticketRequest({ serviceId: 'bpjs-kesehatan-jkn-daftar', channel: 'kiosk' }, key, officer),
    )

    // A key recorded before requests were hashed answers nobody: it cannot tell whose request it was.
    const earlier = await take(t, llg, 'bpjs-kesehatan-jkn-daftar')
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tableName,
        Item: { ...keys.idempotency(tenantId, 'ticket-without-hash-01'), ticketKey: earlier.key },
      }),
    )
    const text = await expectReused(
      await ticketRequest({ serviceId: 'bpjs-kesehatan-jkn-daftar' }, 'ticket-without-hash-01'),
    )
    expect(text).not.toContain(earlier.link.split('/').pop())
  })

  it('issues one ticket when requests with one key and two bodies race', async () => {
    const key = 'ticket-racing-key-0003'
    const before = {
      pbb: await nextNumber('bank-sumsel-babel-pajak-daerah'),
      bpjs: await nextNumber('bpjs-kesehatan-jkn-daftar'),
    }
    const bodies = [
      { serviceId: 'bank-sumsel-babel-pajak-daerah' },
      { serviceId: 'bpjs-kesehatan-jkn-daftar' },
    ]
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ticketRequest(bodies[i % 2], key)),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    // The body that won is replayed (200), the other refused (422).
    const winner = responses.findIndex((r) => r.status === 201) % 2
    for (const [i, r] of responses.entries())
      expect(i % 2 === winner ? [200, 201] : [422], `request ${i}`).toContain(r.status)
    const after = {
      pbb: await nextNumber('bank-sumsel-babel-pajak-daerah'),
      bpjs: await nextNumber('bpjs-kesehatan-jkn-daftar'),
    }
    // One ticket in between in one of the two queues, none in the other.
    expect(after.pbb - before.pbb + (after.bpjs - before.bpjs)).toBe(3)
  })

  it('documents the 422 in the OpenAPI document of both writes', async () => {
    const doc = await (await t.request(llg, '/api/openapi.json')).json()
    expect(doc.paths['/api/tickets'].post.responses['422']).toBeDefined()
    expect(doc.paths['/api/complaints'].post.responses['422']).toBeDefined()
  })
})

describe('an Idempotency-Key on submitComplaint', () => {
  it('returns the same complaint for the same body, and 422 without its text for another', async () => {
    const key = 'complaint-bound-key-01'
    const body = { category: 'pelayanan', text: complaintText, anonymous: true }
    const first = await complaintRequest(body, key)
    expect(first.status).toBe(201)
    const filed = await first.json()
    const same = await complaintRequest({ ...body }, key)
    expect(same.status).toBe(200)
    expect((await same.json()).code).toBe(filed.code)

    const before = (await openComplaints(t.db, tenantId)).length
    const other = await complaintRequest(
      {
        category: 'biaya',
        text: 'Saya ingin membaca pengaduan orang lain dengan kunci yang sama.',
        anonymous: true,
      },
      key,
    )
    const text = await expectReused(other)
    expect(text).not.toContain(filed.code)
    expect(text).not.toContain(complaintText)
    expect((await openComplaints(t.db, tenantId)).length).toBe(before)
  })
})

describe('page forms with a hidden key', () => {
  it('/ambil: the same form gives the same ticket; sent back with other answers, it is refused and drawn with a new key', async () => {
    const [key] = (await formKeysOf('/ambil?layanan=disdukcapil-akta-kelahiran')) as [string]
    const fields = { layanan: 'disdukcapil-akta-kelahiran', prioritas: 'tidak', kunci: key }
    const first = await formPost('/ambil', fields)
    expect(first.status).toBe(303)
    const link = first.headers.get('location') as string

    const changed = await formPost('/ambil', { ...fields, prioritas: 'lansia' })
    expect(changed.status).toBe(409)
    const html = await changed.text()
    expect(html).toContain(m.errors.idempotency_key_reused)
    expect(html).not.toContain(link)
    expect(html).toMatch(/value="lansia" checked/)
    const [fresh] = [...html.matchAll(/name="kunci" value="([\w-]+)"/g)].map((x) => x[1])
    expect(fresh).toBeDefined()
    expect(fresh).not.toBe(key)
    const second = await formPost('/ambil', { ...fields, prioritas: 'lansia', kunci: fresh as string })
    expect(second.status).toBe(303)
    expect(second.headers.get('location')).not.toBe(link)

    const again = await formPost('/ambil', fields)
    expect(again.headers.get('location')).toBe(link)
  })

  it('/kios/tiket: the same press gives the same ticket; the other button with its key is refused', async () => {
    const officer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const [regular] = (await formKeysOf('/kios/layanan/disdukcapil-akta-kematian', officer)) as [string]
    const press = { layanan: 'disdukcapil-akta-kematian', prioritas: 'tidak', kunci: regular }
    const first = await formPost('/kios/tiket', press, officer)
    expect(first.status).toBe(303)
    expect((await formPost('/kios/tiket', press, officer)).headers.get('location')).toBe(
      first.headers.get('location'),
    )
    const other = await formPost('/kios/tiket', { ...press, prioritas: 'ya' }, officer)
    expect(other.status).toBe(409)
    expect(await other.text()).toContain(m.errors.idempotency_key_reused)
  })

  it('/pengaduan: the same form files once; sent back with another text, it files nothing and gets a new key', async () => {
    const [key] = (await formKeysOf('/pengaduan')) as [string]
    const fields = { kunci: key, jenis: 'pelayanan', isi: complaintText, tanpaNama: 'ya' }
    const before = (await openComplaints(t.db, tenantId)).length
    const first = await formPost('/pengaduan', fields)
    expect(first.status).toBe(303)
    const location = first.headers.get('location') as string

    const otherText = 'Kursi ruang tunggu rusak dan pendingin ruangan tidak menyala sejak pagi.'
    const changed = await formPost('/pengaduan', { ...fields, isi: otherText })
    expect(changed.status).toBe(400)
    const html = await changed.text()
    expect(html).toContain(m.errors.idempotency_key_reused)
    expect(html).toContain(otherText)
    expect(html).not.toContain(location.replace('?baru', ''))
    const [fresh] = [...html.matchAll(/name="kunci" value="([\w-]+)"/g)].map((x) => x[1])
    expect(fresh).not.toBe(key)

    expect((await formPost('/pengaduan', fields)).headers.get('location')).toBe(location)
    expect((await openComplaints(t.db, tenantId)).length).toBe(before + 1)
  })
})

import { clientKey, publicWriteLimits } from '@mpp/api/limits/public-writes'
import { beforeAll, describe, expect, it } from 'vitest'
import { json, lastPhoneCode } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const { host } = tenants.lubuklinggau
const bot = { 'x-test-client': '198.51.100.13' }
const citizen = { 'x-test-client': '192.0.2.44' }
let t: TestApp
let officer: string

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

/** Sends `count` requests one after the other and returns their statuses. */
const flood = async (count: number, send: (i: number) => Promise<Response>) => {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push((await send(i)).status)
  return statuses
}

/** A code for a number, asked from a client of its own, to book with. */
const lastPhoneCodeFor = async (phone: string) => {
  const sent = await t.request(
    host,
    '/api/appointments/phone-codes',
    json({ phone }, { 'x-test-client': '192.0.2.200' }),
  )
  expect(sent.status).toBe(202)
  return lastPhoneCode(t, tenants.lubuklinggau.id, phone)
}

const expectCutOff = async (res: Response) => {
  expect(res.status).toBe(429)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  const { error } = await res.json()
  expect(error.code).toBe('too_many_requests')
  expect(error.details.retryAfterSeconds).toBe(Number(res.headers.get('retry-after')))
}

describe('public writes from one client', () => {
  it('cut off anonymous tickets past the limit, while another client and the staff channels go on', async () => {
    const ticket = (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
      t.request(
        host,
        '/api/tickets',
        json({ serviceId: 'disdukcapil-ktp-el', priority: true, ...extra }, headers),
      )
    const { hits } = publicWriteLimits.ticket.client
    expect(await flood(hits, () => ticket(bot))).toEqual(Array(hits).fill(201))
    await expectCutOff(await ticket(bot))
    expect((await ticket(citizen)).status).toBe(201)
    // The officer's walk-in and the kiosk, even from the bot's address, are not public writes.
    expect((await ticket({ ...bot, cookie: officer }, { channel: 'officer' })).status).toBe(201)
    expect((await ticket({ ...bot, cookie: officer }, { channel: 'kiosk' })).status).toBe(201)
  })

  it('count tickets in the ticket’s own transaction: a refused one issues nothing, a retried one still answers', async () => {
    const client = { 'x-test-client': '198.51.100.77' }
    const body = { serviceId: 'dpmptsp-nib' }
    const take = (headers: Record<string, string> = {}) =>
      t.request(host, '/api/tickets', json(body, { ...client, ...headers }))
    const retried = { 'idempotency-key': 'limits-retry-0001' }
    const first = await take(retried)
    expect(first.status).toBe(201)
    const issued = await first.json()
    const { hits } = publicWriteLimits.ticket.client
    expect(await flood(hits - 1, () => take())).toEqual(Array(hits - 1).fill(201))
    await expectCutOff(await take())
    // The refused request took no number: the next ticket of the queue follows the last one issued.
    const other = await (
      await t.request(host, '/api/tickets', json(body, { 'x-test-client': '192.0.2.78' }))
    ).json()
    const numberOf = (key: string) => Number(key.split('.').at(-1))
    expect(numberOf(other.key)).toBe(numberOf(issued.key) + hits)
    // A retry of a ticket issued before the cut-off is answered, not refused: it writes nothing.
    const replay = await take(retried)
    expect(replay.status).toBe(200)
    expect((await replay.json()).key).toBe(issued.key)
  })

  it('count tickets refused before their transaction too (a service that does not exist costs a read)', async () => {
    const client = { 'x-test-client': '198.51.100.91' }
    const unknown = () => t.request(host, '/api/tickets', json({ serviceId: 'tidak-ada' }, client))
    const { hits } = publicWriteLimits.ticket.client
    expect(await flood(hits, unknown)).toEqual(Array(hits).fill(404))
    await expectCutOff(await unknown())
  })

  it('keep what was typed in the ticket form and say when to send it again', async () => {
    const form = (fields: Record<string, string>) =>
      t.request(host, '/ambil', {
        method: 'POST',
        headers: { ...bot, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      })
    const res = await form({
      layanan: 'disdukcapil-ktp-el',
      prioritas: 'tidak',
      telepon: '081234567890',
      kunci: 'abcdefghijklmnopqrstuv',
    })
    expect(res.status).toBe(429)
    const html = await res.text()
    expect(html).toContain('value="081234567890"')
    expect(html).toMatch(/kirim lagi dalam \d+ menit/)
  })

  it('cut off bookings past the limit', async () => {
    const times = ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15', '09:30']
    const code = await lastPhoneCodeFor('081211112222')
    const book = (headers: Record<string, string>, time: string) =>
      t.request(
        host,
        '/api/appointments',
        json(
          {
            serviceId: 'bpjs-kesehatan-jkn-daftar',
            date: '2026-11-25',
            time,
            phone: '081211112222',
            phoneCode: code,
          },
          headers,
        ),
      )
    const { hits } = publicWriteLimits.booking.client
    expect(await flood(hits, (i) => book(bot, times[i] as string))).toEqual(Array(hits).fill(201))
    await expectCutOff(await book(bot, times[hits] as string))
    expect((await book(citizen, times[hits] as string)).status).toBe(201)
  })

  it('cut off codes to prove a phone number, per client and per number', async () => {
    const ask = (headers: Record<string, string>, phone: string) =>
      t.request(host, '/api/appointments/phone-codes', json({ phone }, headers))
    // One number hears at most three codes an hour, whoever asks.
    expect(await flood(3, (i) => ask({ 'x-test-client': `198.51.100.${40 + i}` }, '081299990000'))).toEqual([
      202, 202, 202,
    ])
    await expectCutOff(await ask(citizen, '081299990000'))
    const { hits } = publicWriteLimits.phoneCode.client
    expect(await flood(hits, (i) => ask(bot, `08129999010${i}`))).toEqual(Array(hits).fill(202))
    await expectCutOff(await ask(bot, '081299990199'))
  })

  it('cut off complaints past the limit', async () => {
    const complain = (headers: Record<string, string>) =>
      t.request(
        host,
        '/api/complaints',
        json(
          {
            category: 'lainnya',
            text: 'Antrean di loket kependudukan tidak bergerak sejak pagi.',
            anonymous: true,
          },
          headers,
        ),
      )
    const { hits } = publicWriteLimits.complaint.client
    expect(await flood(hits, () => complain(bot))).toEqual(Array(hits).fill(201))
    await expectCutOff(await complain(bot))
    expect((await complain(citizen)).status).toBe(201)
  })

  it('cut off surveys past the limit, also for tickets that do not exist', async () => {
    const answers = Object.fromEntries(
      ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((e) => [e, 4]),
    )
    const rate = (headers: Record<string, string>, i: number) =>
      t.request(
        host,
        `/api/tickets/2026-11-24.kependudukan.${i + 900}/bukan-rahasia/survey`,
        json({ answers }, headers),
      )
    const { hits } = publicWriteLimits.survey.client
    expect(await flood(hits, (i) => rate(bot, i))).toEqual(Array(hits).fill(404))
    await expectCutOff(await rate(bot, hits))
    expect((await rate(citizen, hits)).status).toBe(404)
  })

  it("bound all of one MPP's clients together, and leave other MPPs alone", async () => {
    const app = await createTestApp()
    const { hits } = publicWriteLimits.complaint.tenant
    const complain = (on: string, i: number) =>
      app.request(
        on,
        '/api/complaints',
        json(
          { category: 'lainnya', text: 'Ruang tunggu terlalu panas pada siang hari.', anonymous: true },
          { 'x-test-client': `198.18.${i >> 8}.${i & 255}` },
        ),
      )
    const statuses = await flood(hits, (i) => complain(host, i))
    expect(statuses.every((s) => s === 201)).toBe(true)
    await expectCutOff(await complain(host, hits))
    expect((await complain(tenants.palembang.host, hits)).status).toBe(201)
  })
})

describe('a client', () => {
  it('is its IPv4 address, or the /64 of its IPv6 address', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:0DB8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey(undefined)).toBe('unknown')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { bookWithProof, counterPost, json, lastPhoneCode } from '../support/queue-helpers'
import { createTestApp, signedIn, type TestApp, tenants } from '../support/test-app'

const host = tenants.lubuklinggau.host
let t: TestApp
let officer: () => Promise<string>
const clock = createClock('2026-11-23T01:00:00Z') // Monday 08:00 WIB

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = signedIn(t, host, 'petugas@lubuklinggau.test')
})

const book = (
  time: string,
  phone = '0812-1111-2222',
  date = '2026-11-24',
  serviceId = 'bpjs-kesehatan-jkn-daftar',
) => bookWithProof(t, host, tenants.lubuklinggau.id, { serviceId, date, time, phone })

const checkIn = async (code: string) =>
  t.request(host, '/api/appointments/check-in', json({ code }, { cookie: await officer() }))

describe('appointments', () => {
  it('lists free slots and books one, with a code and a secret link', async () => {
    const slots = await (
      await t.request(host, '/api/appointments/slots?serviceId=bpjs-kesehatan-jkn-daftar&date=2026-11-24')
    ).json()
    expect(slots.slots).toHaveLength(96) // open 24 hours, 15-minute slots
    expect(slots.slots[36]).toEqual({ time: '09:00', left: 2 })
    const res = await book('09:00')
    expect(res.status).toBe(201)
    const booking = await res.json()
    expect(booking.code).toMatch(/^[A-Z2-9]{6}$/)
    expect(booking.link).toMatch(new RegExp(`^/janji/2026-11-24/${booking.code}/[\\w-]{20,}$`))
    const after = await (
      await t.request(host, '/api/appointments/slots?serviceId=bpjs-kesehatan-jkn-daftar&date=2026-11-24')
    ).json()
    expect(after.slots[36]).toEqual({ time: '09:00', left: 1 })
  })

  it('refuses a full slot, a slot that is not one, and a day too far ahead', async () => {
    await book('10:00', '081200000001')
    await book('10:00', '081200000002')
    const full = await book('10:00', '081200000003')
    expect(full.status).toBe(409)
    expect((await full.json()).error.code).toBe('slot_full')
    expect((await (await book('10:07')).json()).error.code).toBe('slot_unavailable')
    expect((await (await book('10:00', '081200000004', '2027-03-01')).json()).error.code).toBe(
      'slot_unavailable',
    )
    expect((await book('10:00', '12345')).status).toBe(400)
  })

  it('cancels by the secret link before the slot and gives the place back', async () => {
    const booking = await (await book('11:00', '081200000010')).json()
    const wrong = await t.request(
      host,
      booking.link.replace('/janji/', '/api/appointments/').replace(/[\w-]+$/, 'wrong'),
      {
        method: 'DELETE',
      },
    )
    expect(wrong.status).toBe(404)
    const path = booking.link.replace('/janji/', '/api/appointments/')
    const cancelled = await t.request(host, path, { method: 'DELETE' })
    expect(cancelled.status).toBe(200)
    expect((await cancelled.json()).status).toBe('cancelled')
    expect((await t.request(host, path, { method: 'DELETE' })).status).toBe(409)
    const slots = await (
      await t.request(host, '/api/appointments/slots?serviceId=bpjs-kesehatan-jkn-daftar&date=2026-11-24')
    ).json()
    expect(slots.slots.find((s: { time: string }) => s.time === '11:00').left).toBe(2)
  })

  it('checks in from 30 minutes before the slot until 10 after, once, and the ticket waits from its slot time', async () => {
    const booking = await (await book('13:00', '081200000020')).json()
    clock.set('2026-11-24T05:29:00Z') // 12:29 WIB
    const early = await checkIn(booking.code)
    expect(early.status).toBe(409)
    expect((await early.json()).error).toMatchObject({
      code: 'check_in_too_early',
      details: { opensAt: '2026-11-24T05:30:00.000Z' },
    })

    clock.set('2026-11-24T05:40:00Z') // 12:40 WIB
    const walkIn = await t.request(host, '/api/tickets', json({ serviceId: 'bpjs-kesehatan-jkn-ubah-data' }))
    expect(walkIn.status).toBe(201)
    const ok = await checkIn(booking.code.toLowerCase())
    expect(ok.status).toBe(201)
    const ticket = await ok.json()
    expect(ticket.label).toMatch(/^D-\d{3}$/)
    const again = await checkIn(booking.code)
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('already_checked_in')

    // Before 13:00 the walk-in who waits is called first; at 13:00 the appointment is due and goes first.
    const walkInTicket = await walkIn.json()
    expect(
      (await (await counterPost(t, host, await officer(), 'loket-5', 'call-next')).json()).called.ticketKey,
    ).toBe(walkInTicket.key)
    await counterPost(t, host, await officer(), 'loket-5', 'no-show', { ticketKey: walkInTicket.key })
    const another = await (
      await t.request(host, '/api/tickets', json({ serviceId: 'bpjs-kesehatan-jkn-ubah-data' }))
    ).json()
    clock.set('2026-11-24T06:00:00Z') // 13:00 WIB
    expect(
      (await (await counterPost(t, host, await officer(), 'loket-5', 'call-next')).json()).called.ticketKey,
    ).toBe(ticket.ticketKey)
    await counterPost(t, host, await officer(), 'loket-5', 'no-show', { ticketKey: ticket.ticketKey })
    expect(
      (await (await counterPost(t, host, await officer(), 'loket-5', 'call-next')).json()).called.ticketKey,
    ).toBe(another.key)
    await counterPost(t, host, await officer(), 'loket-5', 'no-show', { ticketKey: another.key })
  })

  it('counts a late check-in as a no-show and blocks a number after three in 30 days', async () => {
    const phone = '081200000030'
    for (const [day, slot] of [
      ['2026-11-25', '2026-11-25T02:00:00Z'],
      ['2026-11-26', '2026-11-26T02:00:00Z'],
      ['2026-11-27', '2026-11-27T02:00:00Z'],
    ] as const) {
      clock.set('2026-11-24T07:00:00Z')
      const booking = await (await book('09:00', phone, day)).json()
      expect(booking.code).toBeDefined()
      clock.set(new Date(Date.parse(slot) + 11 * 60_000).toISOString()) // 11 minutes after the slot
      const late = await checkIn(booking.code)
      expect((await late.json()).error.code).toBe('check_in_too_late')
    }
    clock.set('2026-11-27T08:00:00Z')
    const blocked = await book('09:00', phone, '2026-11-28')
    expect(blocked.status).toBe(409)
    const { error } = await blocked.json()
    expect(error.code).toBe('booking_blocked')
    expect(error.details.until).toBe('2026-12-27T02:11:00.000Z')
    // Another number is not affected.
    expect((await book('09:00', '081200000031', '2026-11-28')).status).toBe(201)
  })

  it('books only a number proven with the code sent to it: wrong, late and guessed codes are refused', async () => {
    clock.set('2026-11-23T01:00:00Z')
    const phone = '081200000040'
    const request = { serviceId: 'bpjs-kesehatan-jkn-daftar', date: '2026-11-25', time: '10:00', phone }
    const without = await t.request(host, '/api/appointments', json(request))
    expect(without.status).toBe(400)
    expect((await without.json()).error.details[0].path).toBe('phoneCode')
    const noneAsked = await t.request(host, '/api/appointments', json({ ...request, phoneCode: '000000' }))
    expect((await noneAsked.json()).error.code).toBe('phone_code_expired')

    const sent = await t.request(host, '/api/appointments/phone-codes', json({ phone }))
    expect(sent.status).toBe(202)
    expect(await sent.json()).toEqual({ sentTo: '0812••••0040', expiresAt: '2026-11-23T01:10:00.000Z' })
    const code = await lastPhoneCode(t, tenants.lubuklinggau.id, phone)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const first = await t.request(host, '/api/appointments', json({ ...request, phoneCode: wrong }))
    expect(first.status).toBe(409)
    expect((await first.json()).error).toMatchObject({
      code: 'phone_code_invalid',
      details: { attemptsLeft: 4 },
    })
    // Ten minutes on, the right code is too late.
    clock.set('2026-11-23T01:10:00Z')
    const late = await t.request(host, '/api/appointments', json({ ...request, phoneCode: code }))
    expect((await late.json()).error.code).toBe('phone_code_expired')

    // Five wrong tries void a code, even for whoever later types the right one.
    await t.request(host, '/api/appointments/phone-codes', json({ phone }))
    const fresh = await lastPhoneCode(t, tenants.lubuklinggau.id, phone)
    const other = String((Number(fresh) + 1) % 1_000_000).padStart(6, '0')
    for (let i = 0; i < 5; i++)
      await t.request(host, '/api/appointments', json({ ...request, phoneCode: other }))
    const guessed = await t.request(host, '/api/appointments', json({ ...request, phoneCode: fresh }))
    expect((await guessed.json()).error.code).toBe('phone_code_expired')

    await t.request(host, '/api/appointments/phone-codes', json({ phone }))
    const ok = await t.request(
      host,
      '/api/appointments',
      json({ ...request, phoneCode: await lastPhoneCode(t, tenants.lubuklinggau.id, phone) }),
    )
    expect(ok.status).toBe(201)
  })

  it('refuses check-in to non-staff and an unknown code', async () => {
    expect((await t.request(host, '/api/appointments/check-in', json({ code: 'ABCDEF' }))).status).toBe(401)
    const unknown = await checkIn('ABCDEF')
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe('booking_not_found')
    expect((await checkIn('0OIL')).status).toBe(400)
  })
})

import type { ServiceRequest } from '@mpp/core/service-request'
import { getBooking } from '@mpp/db/appointment-repository'
import {
  getServiceRequest,
  saveServiceRequest,
  startServiceRequest,
} from '@mpp/db/service-request-repository'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizenCookie } from '../support/citizen'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

// Monday 23 November 2026, 10:00 WIB; Lubuklinggau takes appointments around the clock.
const clock = createClock('2026-11-23T03:00:00Z')
const llg = tenants.lubuklinggau
const m = messagesFor('id')
const owner = 'pemohon@example.id'

let t: TestApp
let cookie: string
let other: string

/** A request in `status` for the owner, as the staff side leaves it (made through the repository). */
const requestIn = async (code: string, serviceId: string, status: ServiceRequest['status']) => {
  const at = clock.now().toISOString()
  const draft: ServiceRequest = {
    code,
    status: 'draft',
    serviceId,
    serviceName: 'Nomor Induk Berusaha',
    agencyId: 'dpmptsp',
    citizen: owner,
    answers: {},
    documents: [],
    startedAt: at,
    updatedAt: at,
    steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
    version: 1,
  }
  expect(await startServiceRequest(t.db, llg.id, draft)).toEqual({ kind: 'started' })
  const next: ServiceRequest = {
    ...draft,
    status,
    completionDays: 3,
    submittedAt: at,
    ...(status === 'ready' ? { result: { kind: 'collect' as const } } : {}),
    steps: [
      ...draft.steps,
      { at, action: 'submit', status: 'submitted', by: 'citizen' },
      ...(status === 'ready'
        ? [{ at, action: 'ready' as const, status, by: 'petugas@lubuklinggau.test' }]
        : []),
    ],
    version: 2,
  }
  expect(await saveServiceRequest(t.db, llg.id, next)).toBe(true)
}

const api = (path: string, init: RequestInit = {}, as = cookie) =>
  t.request(llg.host, path, { ...init, headers: { ...(init.headers ?? {}), cookie: as } })
const form = (path: string, fields: Record<string, string>) =>
  api(path, {
    method: 'POST',
    headers: { origin: `http://${llg.host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  cookie = await citizenCookie(t, llg.host, owner)
  other = await citizenCookie(t, llg.host, 'tetangga@example.id')
  await requestIn('RDYRDYRDY2', 'dpmptsp-nib', 'ready')
  await requestIn('SBMSBMSBM2', 'dpmptsp-pbg', 'submitted')
})

describe("booking the time to collect a request's result", () => {
  it('offers the service’s free times of a day, only to the request’s owner, only once the result is ready', async () => {
    const res = await api('/api/citizen/service-requests/RDYRDYRDY2/collection-slots?date=2026-11-24')
    expect(res.status).toBe(200)
    const { slots } = await res.json()
    expect(slots.length).toBeGreaterThan(0)
    expect(slots[0]).toMatchObject({ time: expect.stringMatching(/^\d{2}:\d{2}$/), left: expect.any(Number) })
    const foreign = await api(
      '/api/citizen/service-requests/RDYRDYRDY2/collection-slots?date=2026-11-24',
      {},
      other,
    )
    expect(foreign.status).toBe(404)
    const early = await api('/api/citizen/service-requests/SBMSBMSBM2/collection-slots?date=2026-11-24')
    expect(early.status).toBe(409)
    expect((await api('/api/citizen/service-requests/RDYRDYRDY2/collection-slots?date=kemarin')).status).toBe(
      400,
    )
  })

  it('books one: an appointment of the service, with the book step on the request, in one go; not a second', async () => {
    const res = await api(
      '/api/citizen/service-requests/RDY-RDYR-DY2/collection',
      json({ date: '2026-11-24', time: '09:00' }),
    )
    expect(res.status).toBe(201)
    const { bookingCode } = await res.json()
    const booking = await getBooking(t.db, llg.id, '2026-11-24', bookingCode)
    expect(booking).toMatchObject({ serviceId: 'dpmptsp-nib', time: '09:00', status: 'booked', phone: owner })
    const request = await getServiceRequest(t.db, llg.id, 'RDYRDYRDY2')
    expect(request?.result).toEqual({
      kind: 'collect',
      bookingCode,
      slotDate: '2026-11-24',
      slotTime: '09:00',
    })
    expect(request?.steps.at(-1)).toMatchObject({ action: 'book', status: 'ready', by: 'citizen' })
    const again = await api(
      '/api/citizen/service-requests/RDYRDYRDY2/collection',
      json({ date: '2026-11-25', time: '09:00' }),
    )
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('collection_booked')
    const foreign = await api(
      '/api/citizen/service-requests/RDYRDYRDY2/collection',
      json({ date: '2026-11-25', time: '09:00' }),
      other,
    )
    expect(foreign.status).toBe(404)
  })

  it('refuses a time that is past or not one of the service’s', async () => {
    await requestIn('RDYTXTXT22', 'dpmptsp-izin-praktik', 'ready')
    const past = await api(
      '/api/citizen/service-requests/RDYTXTXT22/collection',
      json({ date: '2026-11-23', time: '08:00' }),
    )
    expect(past.status).toBe(409)
    expect((await past.json()).error.code).toBe('slot_unavailable')
    expect((await getServiceRequest(t.db, llg.id, 'RDYTXTXT22'))?.steps.at(-1)?.action).toBe('ready')
  })
})

describe('the collection page', () => {
  it('is offered on the ready request’s page and books without script', async () => {
    const html = await (await api('/warga/permohonan/RDYTXTXT22')).text()
    expect(html).toContain('href="/warga/permohonan/RDYT-XTXT-22/jadwal"')
    const page = await api('/warga/permohonan/RDYT-XTXT-22/jadwal?tanggal=2026-11-25')
    expect(page.status).toBe(200)
    const slotsHtml = await page.text()
    expect(slotsHtml).toContain('name="jam"')
    expect(slotsHtml).toContain('value="2026-11-25"')
    const refused = await form('/warga/permohonan/RDYT-XTXT-22/jadwal', { tanggal: '2026-11-25', jam: '' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain(m.serviceRequestCollection.chooseTime)
    const booked = await form('/warga/permohonan/RDYT-XTXT-22/jadwal', {
      tanggal: '2026-11-25',
      jam: '10:00',
    })
    expect(booked.status).toBe(303)
    expect(booked.headers.get('location')).toBe('/warga/permohonan/RDYT-XTXT-22?terjadwal')
    const after = await (await api('/warga/permohonan/RDYT-XTXT-22?terjadwal')).text()
    expect(after).toContain(m.serviceRequestCollection.bookedNotice)
    expect(after).not.toContain('/jadwal"')
  })

  it("is nobody's business on another MPP: its citizen's session is none here, and the code is unknown there", async () => {
    const plg = tenants.palembang.host
    const palembangCitizen = await citizenCookie(t, plg, owner)
    const here = await api(
      '/api/citizen/service-requests/RDYRDYRDY2/collection-slots?date=2026-11-24',
      {},
      palembangCitizen,
    )
    expect(here.status).toBe(401)
    const there = await t.request(
      plg,
      '/api/citizen/service-requests/RDYRDYRDY2/collection-slots?date=2026-11-24',
      {
        headers: { cookie: palembangCitizen },
      },
    )
    expect(there.status).toBe(404)
  })

  it('sends someone not signed in to sign in first', async () => {
    const res = await t.request(llg.host, '/warga/permohonan/RDYT-XTXT-22/jadwal')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('/warga/masuk?lanjut=')
  })
})

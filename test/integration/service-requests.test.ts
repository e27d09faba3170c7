import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import { putServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { citizenServiceRequests, getServiceRequest } from '@mpp/db/service-request-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizenCookie, jsonCall } from '../support/citizen'
import { createClock } from '../support/clock'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

const llg = tenants.lubuklinggau
const plg = tenants.palembang
const clock = createClock()
let t: TestApp
let budi: string
let siti: string

/** KIA: two fields (a NIK and a choice), no documents; KK: a name and the KTP. */
const kiaForm: ServiceOnlineForm = {
  online: true,
  completionDays: 3,
  fields: [
    { id: 'nik-anak', type: 'nik', label: { id: 'NIK anak', en: "Child's NIK" }, required: true },
    {
      id: 'jenis',
      type: 'choice',
      label: { id: 'Jenis', en: 'Kind' },
      required: true,
      options: [
        { id: 'Baru', en: 'New' },
        { id: 'Hilang', en: 'Lost' },
      ],
    },
    { id: 'catatan', type: 'text', label: { id: 'Catatan', en: 'Note' }, required: false },
  ],
  documents: [],
}
const kkForm: ServiceOnlineForm = {
  online: true,
  completionDays: 14,
  fields: [{ id: 'nama', type: 'text', label: { id: 'Nama', en: 'Name' }, required: true }],
  documents: [{ kindId: 'ktp' }, { kindId: 'surat-pengantar', note: 'dari RT' }],
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kia', kiaForm)
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kartu-keluarga', kkForm)
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-akta-kelahiran', { ...kiaForm, online: false })
  budi = await citizenCookie(t, llg.host, 'budi@contoh.id')
  siti = await citizenCookie(t, llg.host, 'siti@contoh.id')
})

const call = (...args: Parameters<ReturnType<typeof jsonCall>>) => jsonCall(t, llg.host)(...args)

const start = (serviceId: string, cookie = budi) =>
  call('POST', '/api/citizen/service-requests', cookie, { serviceId })

describe('starting an online application', () => {
  it('makes a draft with its code, the service and agency from the catalog; a second start answers with it', async () => {
    const first = await start('disdukcapil-kia')
    expect(first.status).toBe(201)
    expect(first.json).toMatchObject({
      status: 'draft',
      serviceId: 'disdukcapil-kia',
      agencyId: 'disdukcapil',
      citizen: 'budi@contoh.id',
      answers: {},
      documents: [],
      steps: [{ action: 'start', status: 'draft', by: 'citizen' }],
    })
    expect(first.json.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/)
    expect(first.json.display).toBe(
      `${first.json.code.slice(0, 4)}-${first.json.code.slice(4, 8)}-${first.json.code.slice(8)}`,
    )
    expect(first.json.serviceName).toBeTruthy()
    const again = await start('disdukcapil-kia')
    expect(again.status).toBe(200)
    expect(again.json.code).toBe(first.json.code)
    expect(
      (await citizenServiceRequests(t.db, llg.id, 'budi@contoh.id')).filter(
        (l) => l.serviceId === 'disdukcapil-kia',
      ),
    ).toHaveLength(1)
  })

  it('refuses a service that is not online (409), an unknown one (404), no session (401), bad input (400)', async () => {
    const offline = await start('disdukcapil-akta-kelahiran')
    expect(offline.status).toBe(409)
    expect(offline.json.error.code).toBe('service_not_online')
    const never = await start('dpmptsp-nib')
    expect(never.status).toBe(409)
    const unknown = await start('tidak-ada')
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.code).toBe('service_not_found')
    expect((await start('disdukcapil-kia', '')).status).toBe(401)
    const bad = await call('POST', '/api/citizen/service-requests', budi, { serviceId: 'Bukan ID!' })
    expect(bad.status).toBe(400)
    expect(bad.json.error.details[0].path).toBe('serviceId')
  })
})

describe('answers and submission', () => {
  it('keeps typed answers; a refused submission names each field (a NIK with its reason) and keeps them', async () => {
    const { json: draft } = await start('disdukcapil-kia')
    const path = `/api/citizen/service-requests/${draft.display}`
    const saved = await call('PUT', `${path}/answers`, budi, {
      answers: { 'nik-anak': '1673001708900001', jenis: 'Entah', lain: 'dibuang' },
    })
    expect(saved.status).toBe(200)
    expect(saved.json.answers).toEqual({ 'nik-anak': '1673001708900001', jenis: 'Entah' })

    const refused = await call('POST', `${path}/submit`, budi)
    expect(refused.status).toBe(400)
    expect(refused.json.error.code).toBe('invalid_request')
    expect(refused.json.error.details).toEqual([
      { path: 'nik-anak', message: 'Angka ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00' },
      { path: 'jenis', message: expect.any(String) },
    ])
    // Nothing moved, and what was typed is still there.
    const read = await call('GET', path, budi)
    expect(read.json.status).toBe('draft')
    expect(read.json.answers).toEqual({ 'nik-anak': '1673001708900001', jenis: 'Entah' })
  })

  it('submits once: the completion days fixed, one step; a second submit answers with it unchanged', async () => {
    const { json: draft } = await start('disdukcapil-kia')
    const path = `/api/citizen/service-requests/${draft.code}`
    await call('PUT', `${path}/answers`, budi, { answers: { 'nik-anak': '1673011708900001', jenis: 'Baru' } })
    const submitted = await call('POST', `${path}/submit`, budi)
    expect(submitted.status).toBe(200)
    expect(submitted.json).toMatchObject({
      status: 'submitted',
      completionDays: 3,
      submittedAt: clock.now().toISOString(),
      deadline: { used: 0, state: 'running', overdue: false, dueOn: '2026-11-27' },
    })
    expect(submitted.json.steps.map((s: { action: string }) => s.action)).toEqual(['start', 'submit'])
    const version = (await getServiceRequest(t.db, llg.id, draft.code))?.version
    const again = await call('POST', `${path}/submit`, budi)
    expect(again.status).toBe(200)
    expect(again.json.steps).toHaveLength(2)
    expect((await getServiceRequest(t.db, llg.id, draft.code))?.version).toBe(version)
    // Submitted: the answers can no longer change, and the next start is a new draft.
    const late = await call('PUT', `${path}/answers`, budi, { answers: { jenis: 'Hilang' } })
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('service_request_locked')
    expect((await start('disdukcapil-kia')).status).toBe(201)
  })

  it('refuses a submission without the required documents, naming each kind', async () => {
    const { json: draft } = await start('disdukcapil-kartu-keluarga')
    const path = `/api/citizen/service-requests/${draft.code}`
    await call('PUT', `${path}/answers`, budi, { answers: { nama: 'Budi Santoso' } })
    const refused = await call('POST', `${path}/submit`, budi)
    expect(refused.status).toBe(400)
    expect(refused.json.error.code).toBe('documents_missing')
    expect(refused.json.error.details).toEqual([
      { path: 'documents.ktp', message: 'Unggah dokumen ini' },
      { path: 'documents.surat-pengantar', message: 'Unggah dokumen ini' },
    ])
  })
})

describe("another citizen's application", () => {
  it('cannot be opened, changed or submitted by another citizen, nor listed', async () => {
    const { json: draft } = await start('disdukcapil-kia')
    const path = `/api/citizen/service-requests/${draft.code}`
    for (const [method, sub, body] of [
      ['GET', '', undefined],
      ['PUT', '/answers', { answers: { jenis: 'Baru' } }],
      ['POST', '/submit', undefined],
    ] as const) {
      const res = await call(method, `${path}${sub}`, siti, body)
      expect(res.status, `${method} ${sub}`).toBe(404)
      expect(res.json.error.code).toBe('service_request_not_found')
    }
    const list = await call('GET', '/api/citizen/service-requests', siti)
    expect(list.json.requests).toEqual([])
    const own = await call('GET', '/api/citizen/service-requests', budi)
    expect(own.json.requests.map((r: { code: string }) => r.code)).toContain(draft.code)
  })

  it("a citizen of another MPP has no session here, and Palembang's citizen sees nothing of Lubuklinggau", async () => {
    const { json: draft } = await start('disdukcapil-kia')
    const foreign = await citizenCookie(t, plg.host, 'budi@contoh.id')
    const res = await call('GET', `/api/citizen/service-requests/${draft.code}`, foreign)
    expect(res.status).toBe(401)
    const there = await call(
      'GET',
      `/api/citizen/service-requests/${draft.code}`,
      foreign,
      undefined,
      plg.host,
    )
    expect(there.status).toBe(404)
  })
})

describe('public tracking', () => {
  it('shows a submitted request by its code without personal data; a draft or unknown code is not found', async () => {
    const { json: draft } = await start('disdukcapil-kia')
    const path = `/api/citizen/service-requests/${draft.code}`
    expect((await call('GET', `/api/service-requests/${draft.code}`, '')).status).toBe(404)
    await call('PUT', `${path}/answers`, budi, { answers: { 'nik-anak': '1673011708900001', jenis: 'Baru' } })
    await call('POST', `${path}/submit`, budi)
    const tracked = await call('GET', `/api/service-requests/${draft.display.toLowerCase()}`, '')
    expect(tracked.status).toBe(200)
    expect(tracked.json).toMatchObject({ code: draft.code, status: 'submitted', completionDays: 3 })
    const text = JSON.stringify(tracked.json)
    expect(text).not.toContain('budi@contoh.id')
    expect(text).not.toContain('1673011708900001')
    expect(tracked.json.steps[0]).toEqual({ at: expect.any(String), action: 'start', status: 'draft' })
    expect((await call('GET', '/api/service-requests/ZZZZZZZZZZ', '')).status).toBe(404)
  })

  it('is limited per client: past 60 lookups in 10 minutes, 429 with Retry-After', async () => {
    let last = 0
    let retryAfter: string | null = null
    for (let i = 0; i < 61; i++) {
      const res = await t.request(llg.host, '/api/service-requests/ZZZZZZZZZZ', {
        headers: { 'x-test-client': '10.9.9.9' },
      })
      last = res.status
      retryAfter = res.headers.get('retry-after')
    }
    expect(last).toBe(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
  })
})

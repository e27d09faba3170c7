import type { RequestDocument, ServiceRequest } from '@mpp/core/service-request'
import {
  getServiceRequest,
  saveServiceRequest,
  startServiceRequest,
} from '@mpp/db/service-request-repository'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, loginCookie, signedIn, type TestApp, tenants } from '../support/test-app'

// Monday 23 November 2026, 10:00 in Lubuklinggau (WIB).
const clock = createClock('2026-11-23T03:00:00Z')
const llg = tenants.lubuklinggau
const m = messagesFor('id')
const citizen = 'warga@example.id'

let t: TestApp
let admin: () => Promise<string>
let officer: () => Promise<string>

const file = (kindId: string, version = 1) => ({
  key: `tenants/${llg.id}/requests/${kindId}-${version}.pdf`,
  contentType: 'application/pdf' as const,
  bytes: 1234,
  name: `${kindId}.pdf`,
})
const doc = (kindId: string, at: string): RequestDocument => ({
  kindId,
  file: file(kindId),
  status: 'handed_in',
  version: 1,
  handedInAt: at,
})

/** A request as the citizen side leaves it once submitted (made through the repository, on DynamoDB Local). */
const submitted = async (code: string, serviceId: string, agencyId: string, completionDays = 3) => {
  const at = clock.now().toISOString()
  const draft: ServiceRequest = {
    code,
    status: 'draft',
    serviceId,
    serviceName: `Layanan ${serviceId}`,
    agencyId,
    citizen,
    answers: { nik: '1673014507900001' },
    documents: ['ktp', 'kk', 'pas-foto'].map((k) => doc(k, at)),
    startedAt: at,
    updatedAt: at,
    steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
    version: 1,
  }
  expect(await startServiceRequest(t.db, llg.id, draft)).toEqual({ kind: 'started' })
  const next: ServiceRequest = {
    ...draft,
    status: 'submitted',
    completionDays,
    submittedAt: at,
    steps: [...draft.steps, { at, action: 'submit', status: 'submitted', by: 'citizen' }],
    version: 2,
  }
  expect(await saveServiceRequest(t.db, llg.id, next)).toBe(true)
  return next
}

type Cookie = string | (() => Promise<string>)
const cookieOf = async (c: Cookie) => (typeof c === 'string' ? c : c())
const get = async (path: string, cookie: Cookie, host: string = llg.host) =>
  t.request(host, path, { headers: { cookie: await cookieOf(cookie) } })
const review = async (code: string, body: unknown, cookie: Cookie = officer) =>
  t.request(
    llg.host,
    `/api/staff/service-requests/${code}/review`,
    json(body, { cookie: await cookieOf(cookie) }),
  )
const setAgencies = async (agencyIds: string[]) => {
  const res = await t.request(
    llg.host,
    `/api/admin/staff/${encodeURIComponent('petugas@lubuklinggau.test')}/agencies`,
    { ...json({ agencyIds }, { cookie: await admin() }), method: 'PUT' },
  )
  expect(res.status).toBe(200)
}
const listCodes = async (query = '', cookie: Cookie = officer) => {
  const res = await get(`/api/staff/service-requests${query}`, cookie)
  expect(res.status).toBe(200)
  return ((await res.json()).requests as { code: string }[]).map((r) => r.code)
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  admin = signedIn(t, llg.host, 'admin@lubuklinggau.test')
  officer = signedIn(t, llg.host, 'petugas@lubuklinggau.test')
  await submitted('NBBBBBBBB2', 'dpmptsp-nib', 'dpmptsp')
})

describe("an officer sees only their agencies' service requests", () => {
  it('none before the admin gives them agencies, nor those of another agency', async () => {
    expect(await listCodes()).toEqual([])
    expect((await get('/api/staff/service-requests/NBBBBBBBB2', officer)).status).toBe(404)
    await setAgencies(['disdukcapil'])
    expect(await listCodes()).toEqual([])
    expect((await get('/api/staff/service-requests/NBBBBBBBB2', officer)).status).toBe(404)
    expect((await get('/api/staff/service-requests/NBBBBBBBB2/documents/ktp', officer)).status).toBe(404)
    expect((await review('NBBBBBBBB2', { action: 'reject', reason: 'Bukan wewenang kami' })).status).toBe(404)
  })

  it("theirs once they work for the request's agency; the admin sees every agency's", async () => {
    await setAgencies(['disdukcapil', 'dpmptsp'])
    expect(await listCodes()).toEqual(['NBBBBBBBB2'])
    expect(await listCodes('?agency=disdukcapil')).toEqual([])
    expect(await listCodes('', admin)).toEqual(['NBBBBBBBB2'])
    const res = await get('/api/staff/service-requests/NBBB-BBBB-B2', officer)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ code: 'NBBBBBBBB2', display: 'NBBB-BBBB-B2', status: 'submitted' })
    expect(body.deadline).toMatchObject({ used: 0, state: 'running', dueOn: '2026-11-26', overdue: false })
  })

  it('never a draft, which is the citizen’s alone', async () => {
    const at = clock.now().toISOString()
    await startServiceRequest(t.db, llg.id, {
      code: 'DRAFTDRAFT',
      status: 'draft',
      serviceId: 'dpmptsp-pbg',
      serviceName: 'PBG',
      agencyId: 'dpmptsp',
      citizen,
      answers: {},
      documents: [],
      startedAt: at,
      updatedAt: at,
      steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
      version: 1,
    })
    expect(await listCodes('', admin)).not.toContain('DRAFTDRAFT')
    expect((await get('/api/staff/service-requests/DRAFTDRAFT', admin)).status).toBe(404)
  })

  it("nor does another MPP's staff, on their own host", async () => {
    const palembangAdmin = await loginCookie(t, tenants.palembang.host, 'admin@palembang.test')
    const res = await get('/api/staff/service-requests/NBBBBBBBB2', palembangAdmin, tenants.palembang.host)
    expect(res.status).toBe(404)
    expect(
      await (await get('/api/staff/service-requests', palembangAdmin, tenants.palembang.host)).json(),
    ).toEqual({
      agencies: expect.any(Array),
      requests: [],
    })
  })
})

describe('deciding a service request', () => {
  it('refuses verdicts that do not match the documents waiting, and a fix without its reason', async () => {
    const partial = await review('NBBBBBBBB2', {
      action: 'review',
      documents: [{ kindId: 'ktp', verdict: 'accept' }],
    })
    expect(partial.status).toBe(400)
    expect((await partial.json()).error).toMatchObject({
      code: 'review_documents_mismatch',
      message: m.errors.review_documents_mismatch,
    })
    const noReason = await review('NBBBBBBBB2', {
      action: 'review',
      documents: [
        { kindId: 'ktp', verdict: 'accept' },
        { kindId: 'kk', verdict: 'fix' },
        { kindId: 'pas-foto', verdict: 'accept' },
      ],
    })
    expect(noReason.status).toBe(400)
    expect((await getServiceRequest(t.db, llg.id, 'NBBBBBBBB2'))?.status).toBe('submitted')
  })

  it('asks for one document to be fixed: the request waits for the citizen, who is told, and the clock pauses', async () => {
    clock.set('2026-11-24T03:00:00Z') // Tuesday
    const res = await review('NBBBBBBBB2', {
      action: 'review',
      documents: [
        { kindId: 'ktp', verdict: 'accept' },
        { kindId: 'kk', verdict: 'fix', reason: 'Foto KK buram, unggah ulang yang terbaca' },
        { kindId: 'pas-foto', verdict: 'accept' },
      ],
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.status).toBe('needs_fix')
    expect(body.documents.map((d: RequestDocument) => [d.kindId, d.status])).toEqual([
      ['ktp', 'accepted'],
      ['kk', 'fix'],
      ['pas-foto', 'accepted'],
    ])
    expect(body.steps.at(-1)).toMatchObject({
      action: 'review',
      status: 'needs_fix',
      by: 'petugas@lubuklinggau.test',
      kinds: ['kk'],
    })
    // Tuesday was the first day after the submission, but the file went back to the citizen before its end.
    expect(body.deadline).toMatchObject({ state: 'paused', used: 0 })
    await t.mail.idle()
    const told = t.mail.transport.sent.filter((x) => x.to === citizen).at(-1)
    expect(told?.text).toContain(m.serviceRequestNotice.status.needs_fix)
    expect(told?.text).toContain('permohonan/NBBB-BBBB-B2')
    // Reviewing again is not possible while it waits for the citizen.
    expect((await review('NBBBBBBBB2', { action: 'ready' })).status).toBe(409)
  })

  it('after the citizen replaces it, accepts it, makes it ready and completes it; each step dated with who', async () => {
    clock.set('2026-11-27T03:00:00Z') // Friday: the citizen hands the KK back
    const r = (await getServiceRequest(t.db, llg.id, 'NBBBBBBBB2')) as ServiceRequest
    const at = clock.now().toISOString()
    expect(
      await saveServiceRequest(t.db, llg.id, {
        ...r,
        status: 'submitted',
        documents: r.documents.map((d) =>
          d.kindId === 'kk'
            ? { ...d, file: file('kk', 2), status: 'handed_in', version: 2, handedInAt: at }
            : d,
        ),
        steps: [...r.steps, { at, action: 'resubmit', status: 'submitted', by: 'citizen' }],
        updatedAt: at,
        version: r.version + 1,
      }),
    ).toBe(true)
    clock.set('2026-11-30T03:00:00Z') // Monday
    const accepted = await review('NBBBBBBBB2', {
      action: 'review',
      documents: [{ kindId: 'kk', verdict: 'accept' }],
    })
    expect((await accepted.json()).status).toBe('in_process')
    const ready = await (await review('NBBBBBBBB2', { action: 'ready' })).json()
    expect(ready).toMatchObject({ status: 'ready', result: { kind: 'collect' } })
    // Tuesday 24 to Thursday 26 paused; Friday 27 (back with the MPP at its end) and Monday 30 counted.
    expect(ready.deadline).toMatchObject({ used: 2, state: 'stopped', overdue: false })
    const done = await (await review('NBBBBBBBB2', { action: 'complete' }, admin)).json()
    expect(done.status).toBe('completed')
    expect(done.steps.map((s: { action: string; by: string }) => `${s.action}:${s.by}`)).toEqual([
      'start:citizen',
      'submit:citizen',
      'review:petugas@lubuklinggau.test',
      'resubmit:citizen',
      'review:petugas@lubuklinggau.test',
      'ready:petugas@lubuklinggau.test',
      'complete:admin@lubuklinggau.test',
    ])
    expect((await review('NBBBBBBBB2', { action: 'reject', reason: 'Terlambat sekali' })).status).toBe(409)
    expect(await listCodes()).toEqual([])
    expect(await listCodes('?status=done')).toEqual(['NBBBBBBBB2'])
  })
})

describe("a request's documents", () => {
  it('open through a short-lived link, each look recorded with who and when', async () => {
    clock.set('2026-12-01T02:00:00Z')
    const res = await get('/api/staff/service-requests/NBBBBBBBB2/documents/kk', officer)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBeTruthy()
    expect((await get('/api/staff/service-requests/NBBBBBBBB2/documents/npwp', officer)).status).toBe(404)
    const body = await (await get('/api/staff/service-requests/NBBBBBBBB2', admin)).json()
    expect(body.documentViews).toEqual([
      { at: '2026-12-01T02:00:00.000Z', by: 'petugas@lubuklinggau.test', kindId: 'kk', version: 2 },
    ])
  })

  it('are not opened, nor is the look recorded, for staff of another agency', async () => {
    await setAgencies(['disdukcapil'])
    expect((await get('/api/staff/service-requests/NBBBBBBBB2/documents/ktp', officer)).status).toBe(404)
    const body = await (await get('/api/staff/service-requests/NBBBBBBBB2', admin)).json()
    expect(body.documentViews).toHaveLength(1)
    await setAgencies(['disdukcapil', 'dpmptsp'])
  })
})

describe('overdue requests', () => {
  it('come first and alone under the overdue filter', async () => {
    clock.set('2026-11-23T03:00:00Z')
    await submitted('TARDYTARDY', 'dpmptsp-izin-praktik', 'dpmptsp', 1)
    clock.set('2026-12-01T03:00:00Z')
    await submitted('NEWNEW2222', 'dpmptsp-nib', 'dpmptsp', 5)
    expect(await listCodes()).toEqual(['TARDYTARDY', 'NEWNEW2222'])
    expect(await listCodes('?status=overdue')).toEqual(['TARDYTARDY'])
    const late = await (await get('/api/staff/service-requests/TARDYTARDY', officer)).json()
    expect(late.deadline).toMatchObject({ overdue: true, state: 'running' })
  })
})

import type { ServiceRequest } from '@mpp/core/service-request'
import {
  getServiceRequest,
  saveServiceRequest,
  startServiceRequest,
} from '@mpp/db/service-request-repository'
import { messagesFor } from '@mpp/web/i18n/messages'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, signedIn, type TestApp, tenants } from '../support/test-app'

const clock = createClock('2026-11-23T03:00:00Z')
const llg = tenants.lubuklinggau
const m = messagesFor('id')
const t_ = m.serviceRequestStaff

let t: TestApp
let officer: () => Promise<string>

const page = async (path: string) => t.request(llg.host, path, { headers: { cookie: await officer() } })
const post = async (path: string, fields: Record<string, string>) =>
  t.request(llg.host, path, {
    method: 'POST',
    headers: {
      origin: `http://${llg.host}`,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: await officer(),
    },
    body: new URLSearchParams(fields).toString(),
  })

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = signedIn(t, llg.host, 'petugas@lubuklinggau.test')
  const admin = signedIn(t, llg.host, 'admin@lubuklinggau.test')
  const res = await t.request(
    llg.host,
    `/api/admin/staff/${encodeURIComponent('petugas@lubuklinggau.test')}/agencies`,
    { ...json({ agencyIds: ['dpmptsp'] }, { cookie: await admin() }), method: 'PUT' },
  )
  expect(res.status).toBe(200)
  const at = clock.now().toISOString()
  const file = (kindId: string) => ({
    key: `tenants/${llg.id}/requests/PGPGPGPGP2/files/${kindId}`,
    contentType: 'application/pdf' as const,
    bytes: 100,
    name: `${kindId}.pdf`,
  })
  const draft: ServiceRequest = {
    code: 'PGPGPGPGP2',
    status: 'draft',
    serviceId: 'dpmptsp-nib',
    serviceName: 'Nomor Induk Berusaha',
    agencyId: 'dpmptsp',
    citizen: 'warga@example.id',
    answers: { usaha: 'Warung Bu Sri' },
    documents: ['ktp', 'kk'].map((kindId) => ({
      kindId,
      file: file(kindId),
      status: 'handed_in' as const,
      version: 1,
      handedInAt: at,
    })),
    startedAt: at,
    updatedAt: at,
    steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
    version: 1,
  }
  await startServiceRequest(t.db, llg.id, draft)
  await saveServiceRequest(t.db, llg.id, {
    ...draft,
    status: 'submitted',
    completionDays: 3,
    submittedAt: at,
    steps: [...draft.steps, { at, action: 'submit', status: 'submitted', by: 'citizen' }],
    version: 2,
  })
})

describe("the officer's service request pages", () => {
  it('list their agencies’ requests, linked from the staff home', async () => {
    expect(await (await page('/staf')).text()).toContain('href="/staf/permohonan"')
    const html = await (await page('/staf/permohonan')).text()
    expect(html).toContain('PGPG-PGPG-P2')
    expect(html).toContain('Nomor Induk Berusaha')
    expect(html).toContain(m.serviceRequestStatus.submitted)
  })

  it('show a request with its answers, documents to open and the review form', async () => {
    const res = await page('/staf/permohonan/PGPGPGPGP2')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Warung Bu Sri')
    expect(html).toContain('href="/staf/permohonan/PGPGPGPGP2/dokumen/ktp"')
    expect(html).toContain('name="putusan-kk"')
    expect(html).toContain(t_.reviewSubmit)
  })

  it('keep what was typed when a fix has no reason, and say so beside it', async () => {
    const res = await post('/staf/permohonan/PGPGPGPGP2/periksa', {
      'putusan-ktp': 'accept',
      'putusan-kk': 'fix',
      'alasan-kk': 'bur',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="alasan-kk-error"')
    expect(html).toMatch(/<textarea[^>]*name="alasan-kk"[^>]*>bur<\/textarea>/)
    expect(html).toMatch(/value="fix" checked/)
    expect((await getServiceRequest(t.db, llg.id, 'PGPGPGPGP2'))?.status).toBe('submitted')
  })

  it('save a review and come back to the request, now waiting for the citizen', async () => {
    const res = await post('/staf/permohonan/PGPGPGPGP2/periksa', {
      'putusan-ktp': 'accept',
      'putusan-kk': 'fix',
      'alasan-kk': 'Foto KK buram, unggah ulang',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/staf/permohonan/PGPGPGPGP2?tersimpan')
    const html = await (await page('/staf/permohonan/PGPGPGPGP2?tersimpan')).text()
    expect(html).toContain(t_.saved)
    expect(html).toContain(m.serviceRequestStatus.needs_fix)
    expect(html).toContain('Foto KK buram, unggah ulang')
    expect(html).not.toContain(t_.reviewSubmit)
  })

  it('open a document through the audited link', async () => {
    const res = await page('/staf/permohonan/PGPGPGPGP2/dokumen/ktp')
    expect(res.status).toBe(302)
    const html = await (await page('/staf/permohonan/PGPGPGPGP2')).text()
    expect(html).toContain('petugas@lubuklinggau.test')
    expect(html).not.toContain(t_.noViews)
  })

  it('refuse a rejection without its reason, keeping the page', async () => {
    const res = await post('/staf/permohonan/PGPGPGPGP2/tolak', { alasan: '' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('id="reject-reason-error"')
  })
})

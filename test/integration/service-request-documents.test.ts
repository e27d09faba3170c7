import type { ServiceRequest } from '@mpp/core/service-request'
import { putServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { getServiceRequest, keptDocuments } from '@mpp/db/service-request-repository'
import { inTenantScope } from '@mpp/db/tenant-scope'
import { id } from '@mpp/web/i18n/id'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizenCookie, jsonCall } from '../support/citizen'
import { createClock } from '../support/clock'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const llg = tenants.lubuklinggau
const host: string = llg.host
const clock = createClock()
let t: TestApp
let budi: string
let siti: string

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  // KK asks for the KTP and a letter; KIA for the KTP only: a KTP handed in once serves both.
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kartu-keluarga', {
    online: true,
    completionDays: 14,
    fields: [{ id: 'nama', type: 'text', label: { id: 'Nama', en: 'Name' }, required: true }],
    documents: [{ kindId: 'ktp' }, { kindId: 'surat-pengantar', note: 'dari RT' }],
  })
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kia', {
    online: true,
    completionDays: 3,
    fields: [],
    documents: [{ kindId: 'ktp' }],
  })
  budi = await citizenCookie(t, host, 'budi.dokumen@contoh.id')
  siti = await citizenCookie(t, host, 'siti.dokumen@contoh.id')
})

const call = (...args: Parameters<ReturnType<typeof jsonCall>>) => jsonCall(t, llg.host)(...args)

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82)

/** Posts a file as the browser would, to the store (the local stand-in for S3's presigned POST). */
const toStore = (
  form: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  type = 'application/pdf',
) => {
  const body = new FormData()
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value)
  body.append('file', new Blob([Buffer.from(bytes)], { type }), 'scan.pdf')
  return t.fileReceiver.request(`http://${host}${form.url}`, { method: 'POST', body })
}

/** Asks for a document's upload form, posts the file to the store and follows the store back to the app. */
const upload = async (code: string, kindId: string, bytes: Uint8Array, cookie = budi) => {
  const form = await call('POST', `/api/citizen/service-requests/${code}/documents/${kindId}/upload`, cookie)
  expect(form.status).toBe(201)
  const stored = await toStore(form.json, bytes)
  expect(stored.status).toBe(303)
  const back = new URL(stored.headers.get('location') ?? '')
  expect(back.pathname).toMatch(new RegExp(`^/warga/permohonan/[\\w-]+/dokumen/${kindId}/diterima$`))
  const accepted = await t.request(host, `${back.pathname}${back.search}`, { headers: { cookie } })
  return { accepted, acceptPath: `${back.pathname}${back.search}`, uploadId: form.json.uploadId as string }
}

const start = async (serviceId: string, cookie = budi) =>
  (await call('POST', '/api/citizen/service-requests', cookie, { serviceId })).json as {
    code: string
    display: string
  }

const stored = async (code: string) => (await getServiceRequest(t.db, llg.id, code)) as ServiceRequest

/** Whether the store still has an accepted file at `key`. */
const inStore = async (key: string) => {
  const link = await inTenantScope(llg.id, () =>
    t.deps.files.downloadUrl(key, { fileName: 'x.pdf', contentType: 'application/pdf' }),
  )
  return (await t.fileReceiver.request(`http://${host}${link}`)).status === 200
}

describe("a request's documents", () => {
  it('go to the store, come back checked, are recorded once and kept for later; a retried accept changes nothing', async () => {
    const { code, display } = await start('disdukcapil-kartu-keluarga')
    const { accepted, acceptPath } = await upload(code, 'ktp', pdf)
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe(`/warga/permohonan/${display}?dokumen#dokumen-ktp`)
    const after = await stored(code)
    expect(after.documents).toEqual([
      {
        kindId: 'ktp',
        file: {
          key: expect.stringMatching(new RegExp(`^tenants/16\\.73/requests/${code}/files/ktp-[\\w-]{16}$`)),
          contentType: 'application/pdf',
          bytes: pdf.length,
          name: 'ktp.pdf',
        },
        status: 'handed_in',
        version: 1,
        handedInAt: clock.now().toISOString(),
      },
    ])
    const kept = await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id')
    expect(kept).toHaveLength(1)
    expect(kept[0]?.file.key).toMatch(/^tenants\/16\.73\/citizens\/[\w-]{22}\/documents\/ktp-[\w-]{16}$/)
    expect(kept[0]?.file.key).not.toContain('budi')
    expect(await inStore(kept[0]?.file.key ?? '')).toBe(true)

    // The page reloaded: the same upload accepted again records nothing new.
    const again = await t.request(host, acceptPath, { headers: { cookie: budi } })
    expect(again.status).toBe(303)
    expect((await stored(code)).version).toBe(after.version)
    expect((await stored(code)).documents).toHaveLength(1)

    // The page shows it handed in, offers to replace it, and no kept copy of the same file.
    const page = await (
      await t.request(host, `/warga/permohonan/${display}`, { headers: { cookie: budi } })
    ).text()
    expect(page).toContain(id.serviceRequests.handedIn('ktp.pdf', '1 KB', 1))
    expect(page).toContain(id.serviceRequests.replace)
    expect(page).not.toContain(id.serviceRequests.useKept)
    expect(page).toContain('enctype="multipart/form-data"')
    expect(page).not.toContain('<script')
  })

  it('a replacement bumps the version and takes the place of the file before', async () => {
    const { code } = await start('disdukcapil-kartu-keluarga')
    const before = (await stored(code)).documents[0]?.file.key as string
    const { accepted } = await upload(code, 'ktp', png)
    expect(accepted.status).toBe(303)
    const doc = (await stored(code)).documents[0]
    expect(doc).toMatchObject({
      version: 2,
      status: 'handed_in',
      file: { contentType: 'image/png', name: 'ktp.png' },
    })
    expect(await inStore(doc?.file.key as string)).toBe(true)
    expect(await inStore(before)).toBe(false)
    // One kept KTP: the newest.
    const kept = await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id')
    expect(kept.map((k) => k.file.name)).toEqual(['ktp.png'])
  })

  it('refuses a file that is not what it claims, and one over 5 MB, keeping what was handed in', async () => {
    const { code, display } = await start('disdukcapil-kartu-keluarga')
    const html = new TextEncoder().encode('<html><body>bukan pdf</body></html>')
    const { accepted } = await upload(code, 'surat-pengantar', html)
    expect(accepted.status).toBe(400)
    const page = await accepted.text()
    expect(page).toContain(id.errors.file_type_not_accepted)
    expect(page).toContain('href="#dokumen-surat-pengantar"')
    expect(page).toContain(id.serviceRequests.handedIn('ktp.png', '1 KB', 2))
    expect((await stored(code)).documents.map((d) => d.kindId)).toEqual(['ktp'])

    // Over 5 MB: the store's form refuses it before anything is kept, and the accept finds nothing.
    const form = await call(
      'POST',
      `/api/citizen/service-requests/${display}/documents/surat-pengantar/upload`,
      budi,
    )
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(pdf)
    const refused = await toStore(form.json, big)
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    const none = await call(
      'POST',
      `/api/citizen/service-requests/${code}/documents/surat-pengantar/accept`,
      budi,
      { uploadId: form.json.uploadId },
    )
    expect(none.status).toBe(400)
    expect(none.json.error.code).toBe('file_missing')

    // A kind the form does not ask for.
    const other = await call('POST', `/api/citizen/service-requests/${code}/documents/npwp/upload`, budi)
    expect(other.status).toBe(404)
    expect(other.json.error.code).toBe('document_not_asked')
  })

  it('a submission without a document names it; with both it is submitted and the receipt lists them', async () => {
    const { code, display } = await start('disdukcapil-kartu-keluarga')
    await call('PUT', `/api/citizen/service-requests/${code}/answers`, budi, { answers: { nama: 'Budi' } })
    const refused = await call('POST', `/api/citizen/service-requests/${code}/submit`, budi)
    expect(refused.status).toBe(400)
    expect(refused.json.error.details).toEqual([
      { path: 'documents.surat-pengantar', message: 'Unggah dokumen ini' },
    ])
    expect((await upload(code, 'surat-pengantar', pdf)).accepted.status).toBe(303)
    const submitted = await call('POST', `/api/citizen/service-requests/${code}/submit`, budi)
    expect(submitted.status).toBe(200)
    expect(submitted.json.status).toBe('submitted')
    expect(submitted.json.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
      'ktp.png',
      'surat-pengantar.pdf',
    ])
    expect(JSON.stringify(submitted.json)).not.toContain('tenants/')
    const receipt = await (
      await t.request(host, `/warga/permohonan/${display}/tanda-terima`, { headers: { cookie: budi } })
    ).text()
    expect(receipt).toContain('surat-pengantar.pdf')
    // Submitted: no more uploads.
    const late = await call('POST', `/api/citizen/service-requests/${code}/documents/ktp/upload`, budi)
    expect(late.status).toBe(409)
  })
})

describe('kept documents', () => {
  it('a kept KTP is offered to the next request and handed in without uploading again, as its own copy', async () => {
    const { code, display } = await start('disdukcapil-kia')
    const page = await (
      await t.request(host, `/warga/permohonan/${display}`, { headers: { cookie: budi } })
    ).text()
    expect(page).toContain(id.serviceRequests.useKept)
    expect(page).toContain(`action="/warga/permohonan/${display}/dokumen/ktp/tersimpan"`)
    const used = await t.request(host, `/warga/permohonan/${display}/dokumen/ktp/tersimpan`, {
      method: 'POST',
      headers: { cookie: budi, origin: `http://${host}` },
    })
    expect(used.status).toBe(303)
    const doc = (await stored(code)).documents[0]
    const kept = (await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id'))[0]
    expect(doc).toMatchObject({ kindId: 'ktp', version: 1, status: 'handed_in', file: { name: 'ktp.png' } })
    expect(doc?.file.key).toMatch(new RegExp(`^tenants/16\\.73/requests/${code}/files/k-ktp-`))
    expect(doc?.file.key).not.toBe(kept?.file.key)
    expect(await inStore(doc?.file.key as string)).toBe(true)
    // Again: nothing new.
    const version = (await stored(code)).version
    const again = await call('POST', `/api/citizen/service-requests/${code}/documents/ktp/kept`, budi)
    expect(again.status).toBe(200)
    expect((await stored(code)).version).toBe(version)
    const after = await (
      await t.request(host, `/warga/permohonan/${display}`, { headers: { cookie: budi } })
    ).text()
    expect(after).not.toContain(id.serviceRequests.useKept)
  })

  it('listed and deleted: gone from the store, while the requests keep their own copies', async () => {
    const list = await call('GET', '/api/citizen/documents', budi)
    expect(list.status).toBe(200)
    expect(list.json.documents).toEqual([
      {
        kindId: 'ktp',
        name: { id: 'KTP-el', en: 'Identity card (KTP-el)' },
        fileName: 'ktp.png',
        contentType: 'image/png',
        bytes: png.length,
        keptAt: clock.now().toISOString(),
      },
      expect.objectContaining({ kindId: 'surat-pengantar', fileName: 'surat-pengantar.pdf' }),
    ])
    const page = await (await t.request(host, '/warga/dokumen', { headers: { cookie: budi } })).text()
    expect(page).toContain('KTP-el')
    expect(page).toContain('action="/warga/dokumen/ktp/hapus"')

    const keptKey = (await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id')).find(
      (k) => k.kindId === 'ktp',
    )?.file.key as string
    const requestKeys = (
      (await call('GET', '/api/citizen/service-requests', budi)).json.requests as { code: string }[]
    ).flatMap((r) => [r.code])
    const deleted = await t.request(host, '/warga/dokumen/ktp/hapus', {
      method: 'POST',
      headers: { cookie: budi, origin: `http://${host}` },
    })
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('location')).toBe('/warga/dokumen?dihapus')
    expect(await inStore(keptKey)).toBe(false)
    expect((await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id')).map((k) => k.kindId)).toEqual([
      'surat-pengantar',
    ])
    for (const code of requestKeys)
      for (const doc of (await stored(code)).documents)
        expect(await inStore(doc.file.key), doc.file.key).toBe(true)

    const twice = await call('DELETE', '/api/citizen/documents/ktp', budi)
    expect(twice.status).toBe(404)
    expect(twice.json.error.code).toBe('kept_document_not_found')
    expect((await call('DELETE', '/api/citizen/documents/surat-pengantar', budi)).status).toBe(204)
    expect((await call('GET', '/api/citizen/documents', budi)).json.documents).toEqual([])
  })

  it("another citizen can neither hand in nor use documents on Budi's request, nor see Budi's documents", async () => {
    const { code } = await start('disdukcapil-kartu-keluarga')
    await upload(code, 'ktp', pdf)
    for (const [method, path, body] of [
      ['POST', `/api/citizen/service-requests/${code}/documents/ktp/upload`, undefined],
      [
        'POST',
        `/api/citizen/service-requests/${code}/documents/ktp/accept`,
        { uploadId: 'AAAAAAAAAAAAAAAA' },
      ],
      ['POST', `/api/citizen/service-requests/${code}/documents/ktp/kept`, undefined],
    ] as const) {
      const res = await call(method, path, siti, body)
      expect(res.status, path).toBe(404)
      expect(res.json.error.code).toBe('service_request_not_found')
    }
    expect((await call('GET', '/api/citizen/documents', siti)).json.documents).toEqual([])
    expect((await call('DELETE', '/api/citizen/documents/ktp', siti)).status).toBe(404)
    expect(await keptDocuments(t.db, llg.id, 'budi.dokumen@contoh.id')).toHaveLength(1)
  })
})

describe('after a review asks for a fix', () => {
  it('the citizen replaces only the flagged document and sends it again, once', async () => {
    const carol = await citizenCookie(t, host, 'carol.dokumen@contoh.id')
    const { code, display } = await start('disdukcapil-kartu-keluarga', carol)
    await call('PUT', `/api/citizen/service-requests/${code}/answers`, carol, { answers: { nama: 'Carol' } })
    await upload(code, 'ktp', pdf, carol)
    await upload(code, 'surat-pengantar', pdf, carol)
    expect((await call('POST', `/api/citizen/service-requests/${code}/submit`, carol)).status).toBe(200)

    const admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
    const reviewed = await call('POST', `/api/staff/service-requests/${code}/review`, admin, {
      action: 'review',
      documents: [
        { kindId: 'ktp', verdict: 'accept' },
        { kindId: 'surat-pengantar', verdict: 'fix', reason: 'Stempel RT tidak terbaca' },
      ],
    })
    expect(reviewed.status).toBe(200)

    const page = await (
      await t.request(host, `/warga/permohonan/${display}`, { headers: { cookie: carol } })
    ).text()
    expect(page).toContain(id.serviceRequests.fixLead)
    expect(page).toContain(id.serviceRequests.fixReason('Stempel RT tidak terbaca'))
    expect(page).toContain(id.serviceRequests.resubmit)
    // The accepted KTP stays as it is; sending again before the fix is refused, naming the document.
    expect(
      (await call('POST', `/api/citizen/service-requests/${code}/documents/ktp/upload`, carol)).status,
    ).toBe(409)
    const early = await call('POST', `/api/citizen/service-requests/${code}/submit`, carol)
    expect(early.status).toBe(400)
    expect(early.json.error).toMatchObject({
      code: 'documents_to_fix',
      details: [{ path: 'documents.surat-pengantar', message: id.issues.documentToFix }],
    })

    expect((await upload(code, 'surat-pengantar', png, carol)).accepted.status).toBe(303)
    const fixed = (await stored(code)).documents.find((d) => d.kindId === 'surat-pengantar')
    expect(fixed).toMatchObject({ version: 2, status: 'handed_in', reason: 'Stempel RT tidak terbaca' })
    const sent = await call('POST', `/api/citizen/service-requests/${code}/submit`, carol)
    expect(sent.status).toBe(200)
    expect(sent.json.status).toBe('submitted')
    const again = await call('POST', `/api/citizen/service-requests/${code}/submit`, carol)
    expect(again.json.steps.map((s: { action: string }) => s.action)).toEqual([
      'start',
      'submit',
      'review',
      'resubmit',
    ])
    expect((await stored(code)).documents.find((d) => d.kindId === 'ktp')?.status).toBe('accepted')
  })
})

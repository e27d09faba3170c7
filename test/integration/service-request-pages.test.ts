import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import { putServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { en } from '@mpp/web/i18n/en'
import { id } from '@mpp/web/i18n/id'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizenCookie } from '../support/citizen'
import { createClock } from '../support/clock'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

const llg = tenants.lubuklinggau
const host: string = llg.host
const clock = createClock()
let t: TestApp
let budi: string
let siti: string

const kiaForm: ServiceOnlineForm = {
  online: true,
  completionDays: 3,
  fields: [
    { id: 'nama-anak', type: 'text', label: { id: 'Nama anak', en: "Child's name" }, required: true },
    { id: 'nik-anak', type: 'nik', label: { id: 'NIK anak', en: "Child's NIK" }, required: true },
    {
      id: 'jenis',
      type: 'choice',
      label: { id: 'Jenis permohonan', en: 'Kind of request' },
      required: true,
      options: [
        { id: 'Baru', en: 'New' },
        { id: 'Hilang', en: 'Lost' },
      ],
    },
    { id: 'lahir', type: 'date', label: { id: 'Tanggal lahir', en: 'Date of birth' }, required: false },
  ],
  documents: [],
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kia', kiaForm)
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kartu-keluarga', {
    online: true,
    completionDays: 14,
    fields: [],
    documents: [{ kindId: 'ktp' }, { kindId: 'surat-pengantar', note: 'dari RT' }],
  })
  budi = await citizenCookie(t, host, 'budi.pages@contoh.id')
  siti = await citizenCookie(t, host, 'siti.pages@contoh.id')
})

const get = async (path: string, cookie?: string) => {
  const res = await t.request(host, path, { headers: cookie ? { cookie } : {} })
  return { status: res.status, location: res.headers.get('location'), html: await res.text(), res }
}

const post = async (path: string, form: Record<string, string>, cookie?: string) => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: `http://${host}`,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
  })
  return { status: res.status, location: res.headers.get('location'), html: await res.text() }
}

/** Starts an application from the service page's button; returns the draft's page path. */
const startFromServicePage = async (serviceId: string, cookie: string) => {
  const started = await post('/warga/permohonan', { layanan: serviceId }, cookie)
  expect(started.status).toBe(303)
  expect(started.location).toMatch(/^\/warga\/permohonan\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/)
  return started.location as string
}

describe('applying online, page by page', () => {
  it('the service page offers the sign-in first, then the apply button; the sign-in brings the citizen back', async () => {
    const anonymous = await get('/layanan/disdukcapil-kia')
    expect(anonymous.html).toContain(id.serviceRequests.signInToApply)
    expect(anonymous.html).toContain('href="/warga/masuk?lanjut=%2Flayanan%2Fdisdukcapil-kia"')
    const signInPage = await get('/warga/masuk?lanjut=%2Flayanan%2Fdisdukcapil-kia')
    expect(signInPage.html).toContain('name="lanjut" value="/layanan/disdukcapil-kia"')
    // Somewhere else is no place to go back to.
    expect((await get('/warga/masuk?lanjut=https%3A%2F%2Fjahat.example')).html).not.toContain('name="lanjut"')
    expect((await get('/warga/masuk?lanjut=%2F%2Fjahat.example')).html).not.toContain('name="lanjut"')
    const signedIn = await get('/layanan/disdukcapil-kia', budi)
    expect(signedIn.html).toContain('<form method="post" action="/warga/permohonan">')
    expect(signedIn.html).toContain(id.serviceRequests.applyButton)
    // Without a session the start leads to the sign-in, coming back to the service.
    const noSession = await post('/warga/permohonan', { layanan: 'disdukcapil-kia' })
    expect(noSession.status).toBe(303)
    expect(noSession.location).toBe('/warga/masuk?lanjut=%2Flayanan%2Fdisdukcapil-kia')
  })

  it('a refused submission comes back with what was typed and each reason; a saved draft keeps it', async () => {
    const draft = await startFromServicePage('disdukcapil-kia', budi)
    expect(await startFromServicePage('disdukcapil-kia', budi)).toBe(draft)
    const page = await get(draft, budi)
    expect(page.status).toBe(200)
    expect(page.html).toContain(id.serviceRequests.draftLead)
    expect(page.html).toContain('<label for="isian-nik-anak">')
    expect(page.html).toContain('name="viewport"')
    expect(page.html).not.toContain('<script')

    const refused = await post(
      draft,
      { aksi: 'kirim', 'isian.nama-anak': 'Ani', 'isian.nik-anak': '1673013102900001', 'isian.jenis': '' },
      budi,
    )
    expect(refused.status).toBe(400)
    expect(refused.html).toContain(id.serviceRequests.refused)
    expect(refused.html).toContain('value="Ani"')
    expect(refused.html).toContain('value="1673013102900001"')
    expect(refused.html).toContain(id.issues.nikBirthDate)
    expect(refused.html).toContain('href="#isian-nik-anak"')
    expect(refused.html).toMatch(
      /id="isian-nik-anak"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="isian-nik-anak"/,
    )
    expect(refused.html).toContain(id.issues.required)

    const saved = await post(draft, { aksi: 'simpan', 'isian.nama-anak': 'Ani Lestari' }, budi)
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`${draft}?tersimpan`)
    const back = await get(saved.location as string, budi)
    expect(back.html).toContain(id.serviceRequests.saved)
    expect(back.html).toContain('value="Ani Lestari"')
    expect(back.html).toContain('value="1673013102900001"')
  })

  it('submits and shows the printable receipt: the code grouped, service, date, what comes next', async () => {
    const draft = await startFromServicePage('disdukcapil-kia', siti)
    const sent = await post(
      draft,
      {
        aksi: 'kirim',
        'isian.nama-anak': 'Budi Kecil',
        'isian.nik-anak': '1673011708900001',
        'isian.jenis': 'Hilang',
        'isian.lahir': '',
      },
      siti,
    )
    expect(sent.status).toBe(303)
    expect(sent.location).toBe(`${draft}/tanda-terima?baru`)
    const receipt = await get(sent.location as string, siti)
    expect(receipt.status).toBe(200)
    const display = draft.split('/').at(-1) as string
    expect(receipt.html).toContain(display)
    expect(receipt.html).toContain(id.serviceRequests.receiptTitle)
    expect(receipt.html).toContain(id.serviceRequests.submittedNow)
    expect(receipt.html).toContain(id.serviceRequests.nextStepsText(3))
    expect(receipt.html).toContain('Selasa, 24 November 2026, 10:00 WIB')
    expect(receipt.html).toContain(`http://${host}/permohonan/${display}`)
    expect(receipt.html).toContain('service-requests.css')
    // Sent: the page is the request as it stands, no form.
    const request = await get(draft, siti)
    expect(request.html).toContain(id.serviceRequestStatus.submitted)
    expect(request.html).toContain('Hilang')
    expect(request.html).not.toContain('name="aksi"')
    expect(request.html).toContain(id.serviceRequests.dueOn('Jumat, 27 November 2026'))
    // Sending it again changes nothing: the receipt once more.
    const again = await post(draft, { aksi: 'kirim', 'isian.jenis': 'Baru' }, siti)
    expect(again.status).toBe(303)
    expect(again.location).toBe(`${draft}/tanda-terima`)
    const late = await post(draft, { aksi: 'simpan', 'isian.jenis': 'Baru' }, siti)
    expect(late.status).toBe(409)
    expect(late.html).toContain(id.errors.service_request_locked)
    expect((await get(draft, siti)).html).toContain('Hilang')

    const list = await get('/warga/permohonan', siti)
    expect(list.html).toContain(`href="${draft}"`)
    expect(list.html).toContain(id.serviceRequestStatus.submitted)
  })

  it('refuses a submission without documents naming each one, and keeps the answers', async () => {
    const draft = await startFromServicePage('disdukcapil-kartu-keluarga', budi)
    const refused = await post(draft, { aksi: 'kirim' }, budi)
    expect(refused.status).toBe(400)
    expect(refused.html).toContain(id.errors.documents_missing)
    expect(refused.html).toContain('href="#dokumen-ktp"')
    expect(refused.html).toContain('href="#dokumen-surat-pengantar"')
    expect(refused.html).toContain(id.issues.documentMissing)
  })
})

describe('following an application', () => {
  it('the public page shows status, dated steps and the deadline to anyone, without personal data', async () => {
    const lines = (
      await (await t.request(host, '/api/citizen/service-requests', { headers: { cookie: siti } })).json()
    ).requests as { code: string; status: string }[]
    const code = lines.find((l) => l.status === 'submitted')?.code as string
    const display = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
    const page = await get(`/permohonan/${display}`)
    expect(page.status).toBe(200)
    expect(page.res.headers.get('x-robots-tag')).toBe('noindex')
    expect(page.html).toContain(id.serviceRequestStatus.submitted)
    expect(page.html).toContain(id.serviceRequestStep.submit)
    expect(page.html).toContain(id.serviceRequests.dueOn('Jumat, 27 November 2026'))
    expect(page.html).not.toContain('siti.pages@contoh.id')
    expect(page.html).not.toContain('1673011708900001')
    expect(page.html).not.toContain('Budi Kecil')
    const english = await get(`/permohonan/${display}?lang=en`)
    expect(english.html).toContain(en.serviceRequestStatus.submitted)

    // Its owner sees everything there; another citizen only what the code shows.
    expect((await get(`/permohonan/${display}`, siti)).html).toContain('Budi Kecil')
    expect((await get(`/permohonan/${display}`, budi)).html).not.toContain('Budi Kecil')

    // The lookup form sends a code to its page, and says why another is refused.
    const lookup = await get(`/permohonan?kode=${code.toLowerCase()}`)
    expect(lookup.status).toBe(303)
    expect(lookup.location).toBe(`/permohonan/${display}`)
    const wrong = await get('/permohonan?kode=abc')
    expect(wrong.status).toBe(400)
    expect(wrong.html).toContain(id.serviceRequests.trackInvalid)
    expect(wrong.html).toContain('value="abc"')
    const unknown = await get('/permohonan?kode=ZZZZ-ZZZZ-ZZ')
    expect(unknown.status).toBe(404)
    expect(unknown.html).toContain(id.errors.service_request_not_found)
  })

  it("another citizen's request is not found, and their pages need a sign-in", async () => {
    const draft = await startFromServicePage('disdukcapil-kia', budi)
    expect((await get(draft, siti)).status).toBe(404)
    expect((await post(draft, { aksi: 'simpan', 'isian.nama-anak': 'x' }, siti)).status).toBe(404)
    expect((await get(`${draft}/tanda-terima`, siti)).status).toBe(404)
    const list = await get('/warga/permohonan', siti)
    expect(list.html).not.toContain(draft)
    const noSession = await get('/warga/permohonan')
    expect(noSession.status).toBe(303)
    expect(noSession.location).toBe('/warga/masuk?lanjut=%2Fwarga%2Fpermohonan')
    expect((await get('/warga/dokumen')).location).toBe('/warga/masuk?lanjut=%2Fwarga%2Fdokumen')
  })

  it('the citizen page links to their applications and documents', async () => {
    const home = await get('/warga', budi)
    expect(home.html).toContain('href="/warga/permohonan"')
    expect(home.html).toContain('href="/warga/dokumen"')
    const documents = await get('/warga/dokumen', budi)
    expect(documents.status).toBe(200)
    expect(documents.html).toContain(id.serviceRequests.noDocuments)
  })
})

import { getApplicationRecord } from '@mpp/db/application-repository'
import { listAudit } from '@mpp/db/audit-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginCookie, platformHost, type TestApp } from '../support/test-app'

let t: TestApp
let ministry: string

beforeAll(async () => {
  t = await createTestApp()
  ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
})

const signup = (regency: string, subdomain: string) => ({
  regency,
  subdomain,
  name: 'Siti Aminah',
  position: 'Kepala DPMPTSP',
  email: `dpmptsp@${subdomain}.go.id`,
  phone: '0711-123456',
  plannedAgencies: 'Disdukcapil\nDPMPTSP',
  plannedServices: 'KTP-el, NIB',
  urgencyStudy: 'Layanan kini tersebar di banyak kantor; warga datang berkali-kali untuk satu izin usaha.',
  commitment: 'yes',
})

/** Files an application through the form; returns the sent page's path (with the attachment token). */
const file = async (regency: string, subdomain: string) => {
  const res = await t.request(platformHost, '/daftar', {
    method: 'POST',
    headers: { origin: `http://${platformHost}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(signup(regency, subdomain)).toString(),
  })
  expect(res.status).toBe(303)
  const sent = res.headers.get('location') ?? ''
  const [, id, token] = /^\/daftar\/terkirim\/([\w-]+)\/([\w-]+)$/.exec(sent) ?? []
  return { sent, id: id as string, token: token as string }
}

/** The upload form on a page: where it posts and its hidden fields. */
const uploadFormOf = (html: string) => {
  const form =
    /<form method="post" action="([^"]+)" enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/.exec(html)
  if (!form) throw new Error('no upload form')
  const fields = Object.fromEntries(
    [...(form[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1],
      (m[2] ?? '').replaceAll('&amp;', '&'),
    ]),
  )
  return { action: form[1] as string, fields: fields as Record<string, string> }
}

/** Posts a file as the browser would, to the store (here the local stand-in for S3's presigned POST). */
const upload = async (sentPath: string, bytes: Uint8Array, change: Record<string, string> = {}) =>
  post(uploadFormOf(await (await t.request(platformHost, sentPath)).text()), bytes, change)

/** Posts a file with a form already taken from a page, as a browser that kept the page can. */
const post = (
  { action, fields }: ReturnType<typeof uploadFormOf>,
  bytes: Uint8Array,
  change: Record<string, string> = {},
) => {
  const body = new FormData()
  for (const [name, value] of Object.entries({ ...fields, ...change })) body.append(name, value)
  body.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'kajian.pdf')
  return t.fileReceiver.request(`http://${platformHost}${action}`, { method: 'POST', body })
}

const pdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

describe('attaching the urgency study PDF', () => {
  it('goes to the store, comes back, is recorded on the application and audited, and the ministry downloads it', async () => {
    const { sent, id, token } = await file('Kota Padang Panjang, Sumatera Barat (13.74)', 'padangpanjang')
    const page = await (await t.request(platformHost, sent)).text()
    expect(page).toContain('Permohonan terkirim')
    expect(page).toContain('Unggah PDF')

    const stored = await upload(sent, pdf)
    expect(stored.status).toBe(303)
    const back = new URL(stored.headers.get('location') ?? '')
    expect(back.pathname).toBe(`/daftar/lampiran/${id}/${token}`)

    const attached = await t.request(platformHost, `${back.pathname}${back.search}`)
    expect(attached.status).toBe(303)
    expect(attached.headers.get('location')).toBe(sent)
    expect(await (await t.request(platformHost, sent)).text()).toContain('Kajian urgensi terlampir')

    const record = await getApplicationRecord(t.db, id)
    expect(record?.application.urgencyStudyFile).toEqual({
      key: `applications/${id}/kajian-urgensi.pdf`,
      name: 'kajian-urgensi-padangpanjang.pdf',
      bytes: pdf.length,
    })
    expect((await listAudit(t.db, `app:${id}`)).map((e) => e.action)).toContain('attach_file')

    const ministryPage = await (
      await t.request(platformHost, `/kementerian/permohonan/${id}`, { headers: { cookie: ministry } })
    ).text()
    expect(ministryPage).toContain(`href="/kementerian/permohonan/${id}/kajian"`)
    const link = await t.request(platformHost, `/kementerian/permohonan/${id}/kajian`, {
      headers: { cookie: ministry },
    })
    expect(link.status).toBe(302)
    const download = await t.fileReceiver.request(`http://${platformHost}${link.headers.get('location')}`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain('kajian-urgensi-padangpanjang.pdf')
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf)
  })

  it('refuses a file that is not a PDF, says so in both languages, and records nothing', async () => {
    const { sent, id, token } = await file('Kota Solok, Sumatera Barat (13.72)', 'kotasolok')
    expect((await upload(sent, new TextEncoder().encode('<html>not a pdf</html>'))).status).toBe(303)
    const refused = await t.request(platformHost, `/daftar/lampiran/${id}/${token}`)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Berkas ini bukan PDF')
    const english = await t.request(platformHost, `/daftar/lampiran/${id}/${token}`, {
      headers: { cookie: 'lang=en' },
    })
    expect(await english.text()).toContain('This file is not a PDF')
    expect((await getApplicationRecord(t.db, id))?.application.urgencyStudyFile).toBeUndefined()
  })

  it('says no file arrived when the store holds none', async () => {
    const { id, token } = await file('Kota Sawahlunto, Sumatera Barat (13.73)', 'sawahlunto')
    const res = await t.request(platformHost, `/daftar/lampiran/${id}/${token}`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Berkas belum terunggah')
  })

  it('the store refuses a file over 5 MB and a form whose key or limit was altered', async () => {
    const { sent, id, token } = await file('Kota Pariaman, Sumatera Barat (13.77)', 'pariaman')
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(pdf)
    expect((await upload(sent, big)).status).toBe(400)
    expect((await upload(sent, pdf, { key: 'incoming/applications/other/kajian-urgensi.pdf' })).status).toBe(
      400,
    )
    expect((await upload(sent, pdf, { key: `applications/${id}/kajian-urgensi.pdf` })).status).toBe(400)
    expect((await upload(sent, pdf, { maxBytes: String(50 * 1024 * 1024) })).status).toBe(400)
    const attach = await t.request(platformHost, `/daftar/lampiran/${id}/${token}`)
    expect(await attach.text()).toContain('Berkas belum terunggah')
  })

  it('posting the form again after the PDF was attached changes neither the file nor the record', async () => {
    const { sent, id, token } = await file('Kota Bukittinggi, Sumatera Barat (13.75)', 'bukittinggi')
    const form = uploadFormOf(await (await t.request(platformHost, sent)).text())
    expect((await post(form, pdf)).status).toBe(303)
    expect((await t.request(platformHost, `/daftar/lampiran/${id}/${token}`)).status).toBe(303)
    const recorded = (await getApplicationRecord(t.db, id))?.application.urgencyStudyFile
    const downloaded = async () => {
      const link = await t.request(platformHost, `/kementerian/permohonan/${id}/kajian`, {
        headers: { cookie: ministry },
      })
      const res = await t.fileReceiver.request(`http://${platformHost}${link.headers.get('location')}`)
      return new Uint8Array(await res.arrayBuffer())
    }
    expect(await downloaded()).toEqual(pdf)

    // The same form, still within its hour, with something else: it lands where the app never reads.
    const swap = new TextEncoder().encode('<script>not the checked file</script>')
    expect((await post(form, swap)).status).toBe(303)
    expect(await downloaded()).toEqual(pdf)
    // Attaching again checks again: refused, and what was attached stays.
    expect((await t.request(platformHost, `/daftar/lampiran/${id}/${token}`)).status).toBe(400)
    expect((await getApplicationRecord(t.db, id))?.application.urgencyStudyFile).toEqual(recorded)
    expect(await downloaded()).toEqual(pdf)
  })

  it('a forged or foreign token gets no form and attaches nothing', async () => {
    const one = await file('Kota Payakumbuh, Sumatera Barat (13.76)', 'payakumbuh')
    const other = await file('Kabupaten Agam, Sumatera Barat (13.06)', 'agam')
    expect((await t.request(platformHost, `/daftar/terkirim/${one.id}/${other.token}`)).status).toBe(404)
    expect((await t.request(platformHost, `/daftar/lampiran/${one.id}/${other.token}`)).status).toBe(404)
  })

  it('the download is the ministry’s only', async () => {
    const { id } = await file('Kabupaten Tanah Datar, Sumatera Barat (13.04)', 'tanahdatar')
    const anonymous = await t.request(platformHost, `/kementerian/permohonan/${id}/kajian`)
    expect(anonymous.headers.get('location') ?? '').not.toContain('/berkas')
    const none = await t.request(platformHost, `/kementerian/permohonan/${id}/kajian`, {
      headers: { cookie: ministry },
    })
    expect(none.status).toBe(404)
  })
})

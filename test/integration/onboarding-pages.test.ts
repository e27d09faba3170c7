import { listMail } from '@mpp/db/mail-repository'
import { id } from '@mpp/web/i18n/id'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginCookie, platformHost, type TestApp } from '../support/test-app'

let t: TestApp
let ministry: string

beforeAll(async () => {
  t = await createTestApp()
  ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
})

const post = async (host: string, path: string, fields: Record<string, string>, cookie = '') => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text(), res }
}

const signup = {
  regency: 'Kota Bukittinggi, Sumatera Barat (13.75)',
  subdomain: 'bukittinggi',
  name: 'Rahmat Hidayat',
  position: 'Kepala DPMPTSP',
  email: 'dpmptsp@bukittinggi.go.id',
  phone: '0752-21234',
  plannedAgencies: 'Disdukcapil\nDPMPTSP\nBPJS Kesehatan',
  plannedServices: 'KTP-el, KK, NIB, PBG',
  urgencyStudy:
    'Layanan kini tersebar di sembilan kantor; warga Bukittinggi datang berkali-kali untuk satu izin usaha.',
  commitment: 'yes',
}

const lastLink = async (part: string) => {
  const text = (await listMail(t.db)).map((m) => m.text).find((x) => x.includes(part)) ?? ''
  return new URL(/https?:\/\/\S+/.exec(text.slice(text.indexOf(part) - 60))?.[0] ?? 'http://x/')
}

describe('signing up through the pages', () => {
  it('shows the form with the official list to search in', async () => {
    const html = await (await t.request(platformHost, '/daftar')).text()
    expect(html).toContain('<datalist id="regency-list">')
    expect(html).toContain('value="Kota Lubuk Linggau, Sumatera Selatan (16.73)"')
    expect((html.match(/<option /g) ?? []).length).toBe(514)
  })

  it('keeps what was typed and names the fields when the form is refused', async () => {
    const { status, html } = await post(platformHost, '/daftar', {
      ...signup,
      urgencyStudy: 'Terlalu pendek',
      commitment: '',
    })
    expect(status).toBe(400)
    expect(html).toContain('value="Rahmat Hidayat"')
    expect(html).toContain('Terlalu pendek')
    expect(html).toContain('id="urgencyStudy-error"')
    expect(html).toContain('id="commitment-error"')
  })

  it('answers an empty form with a human message beside every field, linked from the summary', async () => {
    const { status, html } = await post(platformHost, '/daftar', {})
    expect(status).toBe(400)
    const messageOf = (field: string) =>
      new RegExp(`<p class="field-error" id="${field}-error">([^<]*)</p>`).exec(html)?.[1]
    expect(messageOf('regency')).toBe(id.issues.required)
    expect(messageOf('subdomain')).toBe(id.issues.required)
    expect(messageOf('name')).toBe(id.issues.required)
    expect(messageOf('email')).toBe(id.issues.required)
    expect(messageOf('commitment')).toBe(id.issues.mustTick)
    expect(html).toMatch(/<input[^>]*id="name"[^>]*aria-describedby="name-error"[^>]*aria-invalid="true"/)
    expect(html).toContain(`<a href="#commitment">${id.signup.commitmentShort}: ${id.issues.mustTick}</a>`)
    for (const internal of ['/^', '&gt;=', 'String', 'Input tidak valid', 'applicant.', 'regencyCode'])
      expect(html).not.toContain(internal)
  })

  it('says which rule a typed value breaks, without repeating it', async () => {
    const { html } = await post(platformHost, '/daftar', {
      ...signup,
      subdomain: 'Kota_Baru',
      regency: 'Kabupaten Entah',
      plannedServices: 'x'.repeat(8001),
    })
    expect(html).toContain(`<p class="field-error" id="subdomain-error">${id.issues.slug}</p>`)
    expect(html).toContain(`<p class="field-error" id="regency-error">${id.signup.unknownRegency}</p>`)
    expect(html).toMatch(/<p class="field-error" id="plannedServices-error">Paling banyak 8000 karakter<\/p>/)
    expect(html).toContain('value="Kota_Baru"')
  })

  it('files, confirms the email with a button (not the link alone), and the ministry approves', async () => {
    const filed = await post(platformHost, '/daftar', signup)
    expect(filed.status).toBe(303)
    expect(filed.location).toMatch(/^\/daftar\/terkirim\/[\w-]+\/[\w-]+$/)
    const verify = await lastLink('/daftar/verifikasi/')
    const page = await t.request(platformHost, verify.pathname)
    expect(await page.text()).toContain('Konfirmasi email saya')
    const list = async () =>
      (
        await t.request(platformHost, '/kementerian/permohonan?status=verified', {
          headers: { cookie: ministry },
        })
      ).text()
    expect(await list()).not.toContain('Kota Bukittinggi')
    expect((await post(platformHost, verify.pathname, {})).html).toContain('Email terkonfirmasi')
    const html = await list()
    expect(html).toContain('Kota Bukittinggi')
    const id = /\/kementerian\/permohonan\/([\w-]+)"/.exec(html)?.[1] as string

    const refused = await post(
      platformHost,
      `/kementerian/permohonan/${id}/keputusan`,
      { action: 'reject', note: '' },
      ministry,
    )
    expect(refused.status).toBe(400)
    const approved = await post(
      platformHost,
      `/kementerian/permohonan/${id}/keputusan`,
      { action: 'approve', note: 'Lengkap' },
      ministry,
    )
    expect(approved.location).toBe(`/kementerian/permohonan/${id}?tersimpan`)
    const record = await (
      await t.request(platformHost, approved.location, { headers: { cookie: ministry } })
    ).text()
    expect(record).toContain('Keputusan tersimpan.')
    expect(record).toContain('Disetujui')
    expect(record).toContain('kementerian@panrb.test')
  })

  it('says when a regency was claimed, and lets the ministry withdraw a squatted one from its page', async () => {
    const squatter = {
      ...signup,
      regency: 'Kota Payakumbuh, Sumatera Barat (13.76)',
      subdomain: 'payakumbuh',
      email: 'dpmptsp@payakumbuh.go.id',
    }
    const first = await post(platformHost, '/daftar', {
      ...squatter,
      name: 'Penyerobot Iseng',
      email: 'iseng@contoh.test',
    })
    expect(first.status).toBe(303)
    const mail = (await listMail(t.db)).find((m) => m.text.includes('Payakumbuh'))?.text ?? ''
    const verify = new URL(/https?:\/\/\S+\/daftar\/verifikasi\/\S+/.exec(mail)?.[0] ?? 'http://x/')
    expect((await post(platformHost, verify.pathname, {})).html).toContain('Email terkonfirmasi')
    // The real official is told when it was claimed, never the squatter's words.
    const real = await post(platformHost, '/daftar', { ...squatter, subdomain: 'kota-payakumbuh' })
    expect(real.status).toBe(409)
    expect(real.html).toContain('sudah dikonfirmasi pada')
    expect(real.html).toContain('value="kota-payakumbuh"')
    expect(real.html).not.toContain('Penyerobot')

    const list = await (
      await t.request(platformHost, '/kementerian/permohonan?status=verified&q=payakumbuh', {
        headers: { cookie: ministry },
      })
    ).text()
    const id = /\/kementerian\/permohonan\/([\w-]+)"/.exec(list)?.[1] as string
    const decide = (fields: Record<string, string>) =>
      post(platformHost, `/kementerian/permohonan/${id}/keputusan`, fields, ministry)
    const bare = await decide({ action: 'withdraw', note: '' })
    expect(bare.status).toBe(400)
    expect(bare.html).toContain('Tarik permohonan')
    const withdrawn = await decide({ action: 'withdraw', note: 'Bukan dari pemerintah kota' })
    expect(withdrawn.status).toBe(303)
    const record = await (
      await t.request(platformHost, withdrawn.location, { headers: { cookie: ministry } })
    ).text()
    expect(record).toContain('Ditarik')
    expect(record).toContain('Bukan dari pemerintah kota')
    expect((await post(platformHost, '/daftar', { ...squatter, subdomain: 'kota-payakumbuh' })).status).toBe(
      303,
    )
  })

  it('says the regency has an MPP when it has one', async () => {
    const second = await post(platformHost, '/daftar', {
      ...signup,
      subdomain: 'bukittinggi-2',
      name: 'Orang Lain',
    })
    expect(second.status).toBe(409)
    expect(second.html).toContain('Kabupaten/kota ini sudah memiliki MPP di platform.')
  })

  it('lets the invited admin choose a password and land in the workspace', async () => {
    const invite = await lastLink('/undangan/')
    expect(invite.hostname).toBe('bukittinggi.localhost')
    const host = 'bukittinggi.localhost'
    expect(await (await t.request(host, invite.pathname)).text()).toContain(
      'value="dpmptsp@bukittinggi.go.id"',
    )
    const mismatch = await post(host, invite.pathname, {
      name: 'Rahmat',
      password: 'kata-sandi-aman-1',
      confirm: 'lain',
    })
    expect(mismatch.status).toBe(400)
    expect(mismatch.html).toContain('Kedua kata sandi tidak sama.')
    const done = await post(host, invite.pathname, {
      name: 'Rahmat',
      password: 'kata-sandi-aman-1',
      confirm: 'kata-sandi-aman-1',
    })
    expect(done.location).toBe('/staf')
    const cookie = (done.res.headers.getSetCookie()[0] ?? '').split(';')[0] as string
    expect(await (await t.request(host, '/staf', { headers: { cookie } })).text()).toContain(
      'Selamat datang, Rahmat',
    )
    expect((await t.request(host, invite.pathname)).status).toBe(404)
  })

  it("lets the ministry inaugurate and suspend from the tenant's page", async () => {
    const inaugurate = await post(
      platformHost,
      '/kementerian/tenant/13.75/keputusan',
      { action: 'inaugurate', date: '2026-12-10' },
      ministry,
    )
    expect(inaugurate.status).toBe(303)
    const bad = await post(
      platformHost,
      '/kementerian/tenant/13.75/keputusan',
      { action: 'suspend', reason: 'x' },
      ministry,
    )
    expect(bad.status).toBe(400)
    const page = await (
      await t.request(platformHost, '/kementerian/tenant/13.75', { headers: { cookie: ministry } })
    ).text()
    expect(page).toContain('10 Desember 2026')
    expect(page).toContain('Diresmikan')
    const mail = await (
      await t.request(platformHost, '/kementerian/surat', { headers: { cookie: ministry } })
    ).text()
    expect(mail).toContain('Permohonan MPP Kota Bukittinggi disetujui')
  })
})

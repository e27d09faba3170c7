import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})

const search = async (host: string, q: string | undefined, extra = '') => {
  const path =
    q === undefined
      ? `/cari${extra ? `?${extra}` : ''}`
      : `/cari?q=${encodeURIComponent(q)}${extra ? `&${extra}` : ''}`
  const res = await t.request(host, path)
  const html = await res.text()
  const results = [...html.matchAll(/<li><a href="\/layanan\/([a-z0-9-]+)"><span>([^<]+)<\/span>/g)].map(
    (m) => ({
      id: m[1] ?? '',
      name: m[2] ?? '',
    }),
  )
  return { status: res.status, html, results }
}

const llg = tenants.lubuklinggau.host
const pku = tenants.pekanbaru.host

describe('catalog search on /cari', () => {
  it('finds a service by the start of a word, whatever the case', async () => {
    for (const q of ['ktp', 'KTP', 'Ktp', 'elektro', 'ktp-el', '  ktp  ']) {
      const { status, results } = await search(llg, q)
      expect(status, q).toBe(200)
      expect(results, q).toContainEqual({
        id: 'disdukcapil-ktp-el',
        name: 'KTP Elektronik (perekaman dan pencetakan)',
      })
    }
  })

  it('ignores accents in the query', async () => {
    const { results } = await search(llg, 'ÉLEKTRÔNIK')
    expect(results.map((r) => r.id)).toEqual(['disdukcapil-ktp-el'])
  })

  it('needs every word at the start of a word', async () => {
    expect((await search(llg, 'akta kel')).results.map((r) => r.id)).toEqual(['disdukcapil-akta-kelahiran'])
    expect((await search(llg, 'akta')).results.map((r) => r.id).sort()).toEqual([
      'disdukcapil-akta-kelahiran',
      'disdukcapil-akta-kematian',
    ])
    const none = await search(llg, 'akta tanah')
    expect(none.results).toEqual([])
    expect(none.html).toContain('Tidak ada layanan yang cocok dengan “akta tanah” di MPP ini.')
  })

  it("finds services by their agency's name too, own-name matches first", async () => {
    const { results } = await search(llg, 'bpjs')
    expect(results.map((r) => r.id)).toEqual(
      expect.arrayContaining(['bpjs-kesehatan-jkn-daftar', 'bpjs-ketenagakerjaan-klaim-jht']),
    )
    const jkn = await search(llg, 'jkn')
    expect(jkn.results.every((r) => r.name.includes('JKN'))).toBe(true)
  })

  it('finds SKCK in Pekanbaru, and nothing of another tenant', async () => {
    const pekanbaru = await search(pku, 'SKCK')
    expect(pekanbaru.results.length).toBeGreaterThanOrEqual(1)
    for (const r of pekanbaru.results) expect(r.name).toBe('Surat Keterangan Catatan Kepolisian (SKCK)')
    expect(pekanbaru.html).toContain('href="/layanan/polresta-pekanbaru-skck"')

    const lubuklinggau = await search(llg, 'skck')
    expect(lubuklinggau.status).toBe(200)
    expect(lubuklinggau.results).toEqual([])
    expect(lubuklinggau.html).not.toContain('polresta-pekanbaru')
    expect((await search(llg, 'paspor')).results).toEqual([])
  })

  it('knows everyday words and abbreviations (issue 13)', async () => {
    const ids = async (q: string) => (await search(llg, q)).results.map((r) => r.id)
    expect(await ids('izin usaha')).toEqual(['dpmptsp-nib'])
    expect(await ids('akta lahir')).toEqual(['disdukcapil-akta-kelahiran'])
    expect(await ids('e-KTP')).toContain('disdukcapil-ktp-el')
    expect(await ids('IMB')).toEqual(['dpmptsp-pbg'])
  })

  it('says plainly when a service is not offered here, and where it usually is', async () => {
    const paspor = await search(llg, 'paspor')
    expect(paspor.results).toEqual([])
    expect(paspor.html).toContain('Tidak ada layanan yang cocok dengan “paspor” di MPP ini.')
    expect(paspor.html).toContain(
      'Paspor tidak dilayani di MPP ini. Layanan ini biasanya dilayani di Kantor Imigrasi.',
    )
    expect(paspor.html).toContain('href="http://localhost/#tenants"')
    const english = await search(llg, 'paspor', 'lang=en')
    expect(english.html).toContain(
      'Paspor is not offered at this MPP. It is usually served at Kantor Imigrasi.',
    )
    // An MPP that offers it lists it instead.
    const palembang = await search(tenants.palembang.host, 'paspor')
    expect(palembang.results.length).toBeGreaterThan(0)
    expect(palembang.html).not.toContain('tidak dilayani di MPP ini')
    // A word the starter list does not know gets the general hint.
    const unknown = await search(llg, 'zzz')
    expect(unknown.html).toContain('Coba kata lain')
    expect(unknown.html).not.toContain('tidak dilayani di MPP ini')
  })

  it('caps a long query and lets what it echoes wrap', async () => {
    const long = 'x'.repeat(500)
    const res = await search(llg, long)
    expect(res.status).toBe(200)
    expect(res.html).toContain(`value="${'x'.repeat(100)}"`)
    expect(res.html).toContain(`dengan “${'x'.repeat(100)}” di MPP ini.`)
    expect(res.html).toContain('maxlength="100"')
    expect(res.html).toContain('<div class="search-echo">')
  })

  it('shows a hint without a query', async () => {
    for (const q of [undefined, '', '   ']) {
      const res = await search(llg, q)
      expect(res.status).toBe(200)
      expect(res.results).toEqual([])
      expect(res.html).toContain('Tulis nama layanan atau instansi')
      expect(res.html).not.toContain('Tidak ada layanan yang cocok')
    }
  })

  it('escapes what was typed and keeps it in the field', async () => {
    const res = await search(llg, '<script>alert(1)</script>')
    expect(res.status).toBe(200)
    expect(res.html).not.toContain('<script>alert(1)')
    expect(res.html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  it('answers in English on request', async () => {
    const res = await search(llg, 'ktp', 'lang=en')
    expect(res.html).toContain('1 service for “ktp”')
  })

  it('is on the home page as a form that works without script, and only on tenant hosts', async () => {
    const home = await (await t.request(llg, '/')).text()
    expect(home).toMatch(/<search><form method="get" action="\/cari"/)
    expect(home).toContain('name="q"')
    expect((await t.request('localhost', '/cari?q=ktp')).status).toBe(404)
    expect((await t.request('localhost', '/layanan-bergerak')).status).toBe(404)
  })

  it('shows an empty mobile service schedule', async () => {
    const res = await t.request(llg, '/layanan-bergerak')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Belum ada jadwal layanan bergerak.')
  })
})

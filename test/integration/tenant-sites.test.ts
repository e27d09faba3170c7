import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, platformHost, type TestApp, tenants } from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

describe('tenant sites', () => {
  it("shows Lubuklinggau's branded home page with its agencies and services", async () => {
    const res = await t.request(tenants.lubuklinggau.host, '/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="id">/)
    expect(html).toContain('<h1 id="mpp-name">Mal Pelayanan Publik Kota Lubuklinggau</h1>')
    expect(html).toContain('--brand:#0b6e4f')
    expect(html).toContain('Dinas Kependudukan dan Pencatatan Sipil')
    expect(html).toContain('Bank Sumsel Babel')
    expect(html).toContain('href="/layanan/disdukcapil-ktp-el"')
    expect(html).toContain('<th scope="row">Senin–Minggu</th><td>Buka 24 jam</td>')
    expect(html).toContain('Ruang laktasi')
    // Another tenant's catalog never leaks in.
    expect(html).not.toContain('Kantor Imigrasi Kelas I TPI Palembang')
  })

  it('answers an unknown subdomain with a 404 page in Indonesian', async () => {
    const res = await t.request('tidakada.localhost', '/')
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('<html lang="id">')
    expect(html).toContain('MPP tidak ditemukan')
    expect(html).toContain('tidakada.localhost belum terdaftar di MPP Cloud.')
  })

  it('never treats a reserved name as a tenant', async () => {
    for (const name of ['api', 'admin', 'static']) {
      const res = await t.request(`${name}.localhost`, '/')
      expect(res.status, name).toBe(404)
    }
    const www = await t.request('www.localhost', '/masuk?x=1')
    expect(www.status).toBe(301)
    expect(www.headers.get('location')).toBe('http://localhost/masuk?x=1')
  })

  it('answers the API of an unknown subdomain with the JSON error shape', async () => {
    const res = await t.request('tidakada.localhost', '/api/tenant')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'tenant_not_found', message: 'MPP untuk alamat ini tidak ditemukan.' },
    })
  })

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await t.request(tenants.samarinda.host, '/?lang=en')
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Opening hours')
    expect(html).toContain('href="/?lang=id"')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lang='))
    expect(cookie).toMatch(/^lang=en;/)
    const again = await t.request(tenants.samarinda.host, '/', { headers: { cookie: 'lang=en' } })
    expect(await again.text()).toContain('Agencies and services')
  })

  it("shows a service's published standard", async () => {
    const res = await t.request(tenants.palembang.host, '/layanan/imigrasi-paspor')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Paspor biasa (baru dan penggantian)')
    expect(html).toContain('Persyaratan')
    expect(html).toContain('Rp350.000 (48 halaman) atau Rp650.000 (elektronik)')
    expect(html).toContain('Kantor Imigrasi Kelas I TPI Palembang')
  })

  it("gives 404 for another tenant's service and for a malformed id", async () => {
    expect((await t.request(tenants.lubuklinggau.host, '/layanan/imigrasi-paspor')).status).toBe(404)
    expect((await t.request(tenants.lubuklinggau.host, '/layanan/..%2F..%2Fx')).status).toBe(404)
  })

  it("serves the tenant's logo as a sandboxed SVG", async () => {
    const res = await t.request(tenants.pekanbaru.host, '/logo.svg')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
    expect(await res.text()).toContain('PKU')
  })

  it("shows Pekanbaru's office hours with the Friday prayer break", async () => {
    const html = await (await t.request(tenants.pekanbaru.host, '/')).text()
    expect(html).toContain('<th scope="row">Jumat</th><td>08:00–11:30, 13:00–15:00</td>')
    expect(html).toContain('<th scope="row">Senin–Kamis</th><td>08:00–15:00</td>')
    expect(html).toContain('<th scope="row">Sabtu–Minggu</th><td>Tutup</td>')
  })

  it('lists the tenants on the platform home page with links to their subdomains', async () => {
    const res = await t.request(`${platformHost}:3000`, '/')
    const html = await res.text()
    expect(html).toContain('4 dari 514 kabupaten/kota')
    expect(html).toContain('href="http://samarinda.localhost:3000/"')
  })
})

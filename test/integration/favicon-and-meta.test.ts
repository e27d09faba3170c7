import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, platformHost, type TestApp, tenants } from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)"\/?>/.exec(html)?.[1]

describe('the icon every browser asks for', () => {
  it.each([platformHost, tenants.lubuklinggau.host, 'tidak-ada.localhost'])(
    'is a small cacheable .ico on %s',
    async (host) => {
      const res = await t.request(host, '/favicon.ico')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/x-icon')
      expect(res.headers.get('cache-control')).toBe('public, max-age=604800')
      const bytes = new Uint8Array(await res.arrayBuffer())
      // An ICO header (reserved 0, type 1, one image) whose image is a PNG.
      expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0])
      expect([...bytes.slice(22, 26)]).toEqual([0x89, 0x50, 0x4e, 0x47])
      expect(bytes.length).toBeLessThan(1024)
    },
  )
})

describe('every page describes itself', () => {
  it('the platform home with its lead, a tenant home and other pages from their title, in id and en', async () => {
    const platform = await (await t.request(platformHost, '/')).text()
    expect(descriptionOf(platform)).toMatch(/^Mal Pelayanan Publik sebagai layanan/)
    expect(platform).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>')

    const home = await (await t.request(tenants.lubuklinggau.host, '/')).text()
    expect(descriptionOf(home)).toMatch(/Kota Lubuklinggau\. Mal Pelayanan Publik: layanan pemerintah/)

    const complaints = await (await t.request(tenants.lubuklinggau.host, '/pengaduan?lang=en')).text()
    expect(descriptionOf(complaints)).toMatch(/^Complaints · .*Lubuklinggau\. Public service mall/)
  })

  it('a service page with the service and what a citizen finds there', async () => {
    const id = await (
      await t.request(tenants.lubuklinggau.host, '/layanan/disdukcapil-akta-kelahiran')
    ).text()
    expect(descriptionOf(id)).toMatch(/^Akta Kelahiran di .*Lubuklinggau: persyaratan, prosedur/)
    const en = await (
      await t.request(tenants.lubuklinggau.host, '/layanan/disdukcapil-akta-kelahiran?lang=en')
    ).text()
    expect(descriptionOf(en)).toMatch(/^Akta Kelahiran at .*Lubuklinggau: requirements, procedure/)
  })
})

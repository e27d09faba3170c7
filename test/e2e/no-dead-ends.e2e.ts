import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessibleAndFitting, launchBrowser, newPhonePage, url } from './support/browser'
import { demoPassword } from './support/local-server'

/** A citizen is offered only what works now, and search knows everyday words (issue 13, point 2). */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const check = expectAccessibleAndFitting

/** Searches the MPP's catalog from its home page, as a citizen on a phone does. */
const searchFromHome = async (page: Page, slug: string, words: string) => {
  await page.goto(url(slug, '/'))
  await page.getByRole('searchbox', { name: 'Cari layanan' }).fill(words)
  await page.getByRole('button', { name: 'Cari', exact: true }).click()
  await page.waitForURL('**/cari?q=**')
  await check(page)
}

describe('no dead ends for citizens', () => {
  it('a new service without a queue shows no ticket or booking button, and says why', async () => {
    const admin = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
    ).newPage()
    await admin.goto(url('samarinda', `/masuk?next=${encodeURIComponent('/admin/katalog')}`))
    await admin.getByLabel('Email').fill('admin@samarinda.test')
    await admin.getByLabel('Kata sandi').fill(demoPassword)
    await admin.getByRole('button', { name: 'Masuk' }).click()
    await admin.waitForURL('**/admin/katalog')
    await admin.getByRole('link', { name: /Tambah layanan di Dinas Kependudukan/ }).click()
    await admin.waitForURL('**/admin/katalog/layanan-baru**')
    await admin.getByLabel('Nama', { exact: true }).fill('Surat Keterangan Pindah Datang')
    await admin.getByLabel('Kata pencarian lain (opsional)').fill('SKPWNI, surat pindah')
    await admin.getByLabel('Persyaratan').fill('Kartu Keluarga\nKTP-el')
    await admin.getByLabel('Sistem, mekanisme dan prosedur').fill('Serahkan berkas\nVerifikasi')
    await admin.getByLabel('Jangka waktu penyelesaian').fill('1 hari kerja')
    await admin.getByLabel('Biaya/tarif').fill('Gratis')
    await admin.getByLabel('Produk layanan').fill('Surat Keterangan Pindah')
    await admin.getByRole('button', { name: 'Simpan', exact: true }).click()
    await admin.waitForURL((u) => !u.pathname.endsWith('layanan-baru'))

    const citizen = await newPhonePage(browser)
    // Found by the admin's own search word.
    await searchFromHome(citizen, 'samarinda', 'skpwni')
    await citizen.getByRole('link', { name: /Surat Keterangan Pindah Datang/ }).click()
    await citizen.waitForURL('**/layanan/**')
    await check(citizen)
    const servicePath = new URL(citizen.url()).pathname
    expect(await citizen.getByRole('link', { name: 'Ambil nomor antrean' }).count()).toBe(0)
    expect(await citizen.getByRole('link', { name: 'Buat janji temu' }).count()).toBe(0)
    expect(await citizen.locator('main').textContent()).toContain('Layanan ini belum memiliki antrean')
    // A service with a queue still offers both.
    await citizen.goto(url('samarinda', '/layanan/disdukcapil-ktp-el'))
    expect(await citizen.getByRole('link', { name: 'Ambil nomor antrean' }).count()).toBe(1)
    expect(await citizen.getByRole('link', { name: 'Buat janji temu' }).count()).toBe(1)

    // The demo's catalog is shared by the other browser flows: the service goes again.
    await admin.goto(url('samarinda', `/admin/katalog${servicePath}`))
    await admin.getByRole('button', { name: 'Hapus layanan Surat Keterangan Pindah Datang' }).click()
    await admin.waitForURL('**/admin/katalog**')
    await admin.context().close()
    await citizen.context().close()
  }, 120_000)

  it('"izin usaha" finds the NIB service', async () => {
    const citizen = await newPhonePage(browser)
    await searchFromHome(citizen, 'lubuklinggau', 'izin usaha')
    await citizen.getByRole('link', { name: /Nomor Induk Berusaha \(NIB\)/ }).click()
    await citizen.waitForURL('**/layanan/**')
    await check(citizen)
    await citizen.context().close()
  })

  it('"paspor" says plainly it is not offered here and where it usually is', async () => {
    const citizen = await newPhonePage(browser)
    await searchFromHome(citizen, 'lubuklinggau', 'paspor')
    const main = (await citizen.locator('main').textContent()) ?? ''
    expect(main).toContain('Tidak ada layanan yang cocok dengan “paspor” di MPP ini.')
    expect(main).toContain(
      'Paspor tidak dilayani di MPP ini. Layanan ini biasanya dilayani di Kantor Imigrasi.',
    )
    await citizen.getByRole('link', { name: 'Lihat MPP lain di MPP Cloud' }).click()
    await citizen.waitForURL((u) => u.hostname === 'localhost')
    await check(citizen)
    await citizen.context().close()
  })

  it('a long query stays within a phone screen', async () => {
    const citizen = await newPhonePage(browser)
    await citizen.goto(url('lubuklinggau', `/cari?q=${'x'.repeat(500)}`))
    await check(citizen)
    expect((await citizen.getByRole('searchbox', { name: 'Cari layanan' }).inputValue()).length).toBe(100)
    await citizen.context().close()
  })
})

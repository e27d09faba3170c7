import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessibleAndFitting, launchBrowser, mailedLink, newPhonePage, url } from './support/browser'
import { demoPassword } from './support/local-server'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const slug = 'bukittinggi'
const adminEmail = `dpmptsp@${slug}.go.id`

const check = expectAccessibleAndFitting

/** The ministry's browser, logged in on the platform. */
const ministryPage = async () => {
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage()
  await page.goto(url(null, '/masuk'))
  await page.getByLabel('Email').fill('kementerian@panrb.test')
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL('**/kementerian')
  return page
}

describe('a new regency joins and serves its first citizen', () => {
  let ministry: Page
  let applicant: Page
  let admin: Page

  it('the regency applies on the platform', async () => {
    applicant = await newPhonePage(browser)
    await applicant.goto(url(null, '/'))
    await check(applicant)
    await applicant.getByRole('link', { name: 'Daftarkan MPP daerah Anda' }).click()
    await applicant.waitForURL('**/daftar')
    await check(applicant)
    await applicant.getByLabel('Kabupaten/kota').fill('Kota Bukittinggi, Sumatera Barat (13.75)')
    await applicant.getByLabel('Alamat situs').fill(slug)
    await expect.poll(() => applicant.locator('#subdomain-status').textContent()).toBe('Alamat ini tersedia.')
    await applicant.getByLabel('Nama lengkap').fill('Rahmat Hidayat')
    await applicant.getByLabel('Jabatan').fill('Kepala DPMPTSP')
    await applicant.getByLabel('Email dinas').fill(adminEmail)
    await applicant.getByLabel('Telepon').fill('0752-21234')
    await applicant.getByLabel('Instansi yang akan bergabung').fill('Disdukcapil\nDPMPTSP\nBPJS Kesehatan')
    await applicant.getByLabel('Layanan yang direncanakan').fill('KTP-el, Kartu Keluarga, NIB, PBG')
    await applicant
      .getByLabel('Kajian urgensi')
      .fill(
        'Layanan kini tersebar di sembilan kantor; warga Bukittinggi datang berkali-kali untuk satu izin usaha.',
      )
    await applicant.getByLabel(/Kepala daerah berkomitmen/).check()
    await applicant.getByRole('button', { name: 'Kirim permohonan' }).click()
    await applicant.waitForURL('**/daftar/terkirim/**')
    await check(applicant)
  })

  it('attaches the urgency study as a PDF, which the upload sends straight to the file store', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    )
    await applicant
      .getByLabel('Berkas PDF')
      .setInputFiles({ name: 'kajian.pdf', mimeType: 'application/pdf', buffer: pdf })
    await applicant.getByRole('button', { name: 'Unggah PDF' }).click()
    await expect.poll(() => applicant.locator('h1').textContent()).toBe('Kajian urgensi terlampir')
    await check(applicant)
  })

  it('confirms the email from the link in the mail; the outbox the ministry reads hides it', async () => {
    ministry = await ministryPage()
    const link = await mailedLink('/daftar/verifikasi/')
    await ministry.goto(url(null, '/kementerian/surat'))
    const outbox = (await ministry.locator('.mail-text').allTextContents()).join('\n')
    expect(outbox).toContain('[tautan rahasia')
    expect(outbox).not.toContain(new URL(link).pathname)
    await applicant.goto(link)
    await check(applicant)
    await applicant.getByRole('button', { name: 'Konfirmasi email saya' }).click()
    await expect.poll(() => applicant.locator('h1').textContent()).toBe('Email terkonfirmasi')
    await check(applicant)
    await check(ministry) // the outbox page
  })

  it('the ministry approves it', async () => {
    await ministry.goto(url(null, '/kementerian/permohonan'))
    await check(ministry)
    await ministry.getByRole('link', { name: 'Kota Bukittinggi' }).click()
    await ministry.waitForURL('**/kementerian/permohonan/**')
    await check(ministry)
    const download = ministry.waitForEvent('download')
    await ministry.getByRole('link', { name: /Unduh PDF kajian urgensi/ }).click()
    expect(await (await download).suggestedFilename()).toBe(`kajian-urgensi-${slug}.pdf`)
    await ministry.getByRole('button', { name: /Setujui/ }).click()
    await expect.poll(() => ministry.getByRole('status').first().textContent()).toBe('Keputusan tersimpan.')
    await check(ministry)
  })

  it('the new admin sets a password from the invite', async () => {
    admin = await (await browser.newContext({ locale: 'id-ID' })).newPage()
    await admin.goto(await mailedLink('/undangan/'))
    expect(new URL(admin.url()).hostname).toBe(`${slug}.localhost`)
    await check(admin)
    await admin.getByLabel('Nama Anda').fill('Rahmat Hidayat')
    await admin.getByLabel('Kata sandi baru').fill('bukittinggi-aman-2026')
    await admin.getByLabel('Ulangi kata sandi').fill('bukittinggi-aman-2026')
    await admin.getByRole('button', { name: 'Simpan dan masuk' }).click()
    await admin.waitForURL('**/staf')
    await check(admin)
  })

  it('adds an agency, a service, a queue and a counter', async () => {
    await admin.goto(url(slug, '/admin/katalog'))
    await check(admin)
    await admin.getByLabel('Nama', { exact: true }).fill('Dinas Kependudukan dan Pencatatan Sipil')
    await admin.getByLabel('Jenis instansi').selectOption('opd')
    await admin.getByRole('button', { name: 'Simpan' }).click()
    await admin.waitForURL('**/admin/katalog**')
    await check(admin)
    await admin.getByRole('link', { name: /Tambah layanan di Dinas Kependudukan/ }).click()
    await admin.waitForURL('**/admin/katalog/layanan-baru**')
    await check(admin)
    await admin.getByLabel('Nama', { exact: true }).fill('KTP Elektronik')
    await admin.getByLabel('Persyaratan').fill('Kartu Keluarga\nBerusia 17 tahun')
    await admin
      .getByLabel('Sistem, mekanisme dan prosedur')
      .fill('Ambil nomor antrean\nPerekaman\nPencetakan')
    await admin.getByLabel('Jangka waktu penyelesaian').fill('1 hari kerja')
    await admin.getByLabel('Biaya/tarif').fill('Gratis')
    await admin.getByLabel('Produk layanan').fill('Kartu Tanda Penduduk Elektronik')
    await admin.getByRole('button', { name: 'Simpan' }).click()
    await admin.waitForURL((u) => !u.pathname.endsWith('layanan-baru'))
    await check(admin)

    await admin.goto(url(slug, '/admin/antrean'))
    await admin.getByText('Antrean baru', { exact: true }).click()
    const queueForm = admin.locator('form[action="/admin/antrean/antrean"]').last()
    await queueForm.getByLabel('Kode (huruf kecil, angka, tanda hubung)').fill('kependudukan')
    await queueForm.getByLabel('Huruf', { exact: true }).fill('A')
    await queueForm.getByLabel('Nama', { exact: true }).fill('Kependudukan')
    await queueForm.getByLabel('KTP Elektronik').check()
    await queueForm.getByRole('button', { name: 'Simpan' }).click()
    await admin.waitForURL('**/admin/antrean?tersimpan')
    await check(admin)
    await admin.getByText('Loket baru', { exact: true }).click()
    const counterForm = admin.locator('form[action="/admin/antrean/loket"]').last()
    await counterForm.getByLabel('Kode (huruf kecil, angka, tanda hubung)').fill('loket-1')
    await counterForm.getByLabel('Nomor loket').fill('1')
    await counterForm.getByLabel('A · Kependudukan').check()
    await counterForm.getByRole('button', { name: 'Simpan' }).click()
    await admin.waitForURL('**/admin/antrean?tersimpan')
    await expect.poll(() => admin.locator('summary', { hasText: 'Loket 1' }).count()).toBe(1)
    await check(admin)
  })

  it('a citizen finds the service by search on the new subdomain', async () => {
    const citizen = await newPhonePage(browser)
    await citizen.goto(url(slug, '/'))
    await check(citizen)
    expect(await citizen.locator('h1').first().textContent()).toBe('Mal Pelayanan Publik Kota Bukittinggi')
    await expect.poll(() => citizen.getByRole('note').textContent()).toContain('Uji coba')
    await citizen.getByRole('searchbox', { name: 'Cari layanan' }).fill('ktp')
    await citizen.getByRole('button', { name: 'Cari' }).click()
    await citizen.waitForURL('**/cari?q=ktp')
    await check(citizen)
    await citizen.getByRole('link', { name: 'KTP Elektronik' }).click()
    await citizen.waitForURL('**/layanan/**')
    await check(citizen)
    expect(await citizen.locator('.checklist li').allTextContents()).toEqual([
      'Kartu Keluarga',
      'Berusia 17 tahun',
    ])
  })
})

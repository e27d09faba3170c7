import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessibleAndFitting, launchBrowser, staffPhonePage, url } from './support/browser'

let browser: Browser
let page: Page
// Samarinda: no other browser test sets up its online services or its staff's agencies.
const slug = 'samarinda'

beforeAll(async () => {
  browser = await launchBrowser()
  page = await staffPhonePage(browser, slug, `admin@${slug}.test`)
})
afterAll(async () => {
  await browser?.close()
})

it('on a 360 px phone the admin opens a service online, from the suggestions, and citizens see it', async () => {
  await page.goto(url(slug, '/admin/katalog/dokumen'))
  await expectAccessibleAndFitting(page)

  await page.goto(url(slug, '/admin/katalog'))
  await page
    .getByRole('link', { name: /Kartu Keluarga/ })
    .first()
    .click()
  await page.getByRole('link', { name: 'Layanan daring: formulir dan dokumen' }).click()
  await expectAccessibleAndFitting(page)
  // The suggestion is ticked, not saved: the admin confirms it by saving.
  expect(await page.getByRole('checkbox', { name: /^Kartu Keluarga/ }).isChecked()).toBe(true)
  await page.getByRole('checkbox', { name: 'Bisa diajukan online' }).check()
  await page.getByLabel('Label (bahasa Indonesia)').first().fill('Alasan permohonan')
  await page.getByLabel('Label (bahasa Inggris)').first().fill('Reason')
  await page.getByLabel('Jenis isian').first().selectOption('choice')
  await page.getByRole('button', { name: 'Simpan' }).click()
  // A choice without options is refused, with what was typed kept and the reason beside it.
  expect(await page.getByRole('alert').textContent()).toContain(
    'Isian pilihan perlu paling sedikit dua pilihan',
  )
  expect(await page.getByLabel('Label (bahasa Indonesia)').first().inputValue()).toBe('Alasan permohonan')
  await expectAccessibleAndFitting(page)
  await page.getByLabel('Pilihan (untuk jenis Pilihan)').first().fill('Baru | New\nPerubahan | Change')
  await page.getByRole('button', { name: 'Simpan' }).click()
  expect(await page.getByRole('status').textContent()).toContain('Tersimpan.')

  const serviceId = new URL(page.url()).pathname.split('/')[4]
  await page.goto(url(slug, `/layanan/${serviceId}`))
  expect(await page.getByRole('heading', { name: 'Bisa diajukan online' }).isVisible()).toBe(true)
  await expectAccessibleAndFitting(page)

  await page.goto(url(slug, '/admin/staf'))
  await page.getByText('Instansi Petugas Loket', { exact: true }).first().click()
  await expectAccessibleAndFitting(page)
})

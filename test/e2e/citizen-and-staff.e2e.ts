import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoSidewaysScroll, launchBrowser, newPhonePage, url } from './support/browser'
import { demoPassword } from './support/local-server'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Every page a flow visits is checked for accessibility and fit on a 360 px phone. */
const visit = async (address: string) => {
  const res = await page.goto(address)
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  return res
}

describe('a citizen on a phone', () => {
  beforeAll(async () => {
    page = await newPhonePage(browser)
  })

  it("opens Lubuklinggau's site and finds a service's requirements", async () => {
    const res = await visit(url('lubuklinggau'))
    expect(res?.status()).toBe(200)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mal Pelayanan Publik Kota Lubuklinggau')
    const brand = await page.evaluate(
      () => getComputedStyle(document.querySelector('.site-header') as Element).backgroundColor,
    )
    expect(brand).toBe('rgb(11, 110, 79)')
    expect(
      await page.locator('img[src="/logo.svg"]').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0)

    await page.getByText('Dinas Kependudukan dan Pencatatan Sipil').click()
    await page.getByRole('link', { name: 'KTP Elektronik (perekaman dan pencetakan)' }).click()
    await page.waitForURL('**/layanan/disdukcapil-ktp-el')
    await expectAccessible(page)
    await expectNoSidewaysScroll(page)
    await expect.poll(() => page.getByRole('heading', { name: 'Persyaratan' }).count()).toBe(1)
    expect(await page.locator('.checklist li').allTextContents()).toContain('Kartu Keluarga')
  })

  it('switches to English and back', async () => {
    await visit(url('samarinda'))
    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL('**/?lang=en')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expect.poll(() => page.getByRole('heading', { name: 'Opening hours' }).count()).toBe(1)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id')
  })

  it('sees a 404 page in Indonesian for an unknown MPP', async () => {
    const res = await visit(url('tidakada'))
    expect(res?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('MPP tidak ditemukan')
  })

  it('finds every MPP from the platform home page', async () => {
    await visit(url(null))
    await page.getByRole('link', { name: 'Mal Pelayanan Publik Kota Pekanbaru' }).click()
    await page.waitForURL(url('pekanbaru'))
    expect(await page.locator('h1').textContent()).toBe('Mal Pelayanan Publik Kota Pekanbaru')
  })
})

describe('an officer at the counter', () => {
  beforeAll(async () => {
    page = await newPhonePage(browser)
  })

  it('logs in, lands in the staff workspace and logs out', async () => {
    await visit(url('palembang', '/masuk'))
    await page.getByLabel('Email').fill('petugas@palembang.test')
    await page.getByLabel('Kata sandi').fill('salah')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email atau kata sandi salah.')
    expect(await page.getByLabel('Email').inputValue()).toBe('petugas@palembang.test')
    await expectAccessible(page)

    await page.getByLabel('Kata sandi').fill(demoPassword)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.waitForURL('**/staf')
    expect(await page.locator('h1').textContent()).toBe('Selamat datang, Petugas Loket')
    await expectAccessible(page)
    await expectNoSidewaysScroll(page)

    // The same browser holds no session on another MPP's host.
    await page.goto(url('lubuklinggau', '/staf'))
    await page.waitForURL('**/masuk?next=%2Fstaf')

    await page.goto(url('palembang', '/staf'))
    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.waitForURL(url('palembang'))
    await page.goto(url('palembang', '/staf'))
    await page.waitForURL('**/masuk?next=%2Fstaf')
  })
})

describe('the ministry', () => {
  beforeAll(async () => {
    page = await newPhonePage(browser)
  })

  it('logs in on the platform and sees every tenant', async () => {
    await visit(url(null, '/masuk'))
    await page.getByLabel('Email').fill('kementerian@panrb.test')
    await page.getByLabel('Kata sandi').fill(demoPassword)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.waitForURL('**/kementerian')
    await expectAccessible(page)
    // The four demo MPPs (and any the onboarding journey added, when it ran first).
    const rows = await page.locator('tbody tr').allTextContents()
    for (const city of ['Lubuklinggau', 'Palembang', 'Pekanbaru', 'Samarinda'])
      expect(rows.filter((row) => row.includes(`Kota ${city}`))).toHaveLength(1)
  })
})

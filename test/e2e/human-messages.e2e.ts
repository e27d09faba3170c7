import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoSidewaysScroll, launchBrowser, newPhonePage, url } from './support/browser'
import { demoPassword } from './support/local-server'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Validator and parser wording that must never reach a person. */
const internals = ['/^', '>=', '<=', 'String', 'Input tidak valid', 'diharapkan', 'applicant.', 'regencyCode']

/** Each refused control on the page, its label, and the message its aria-describedby points at. */
const refusedFields = (page: Page) =>
  page.$$eval('[aria-invalid="true"]', (controls) =>
    controls.map((control) => {
      const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
      const error = ids
        .map((id) => document.getElementById(id))
        .find((e) => e?.classList.contains('field-error'))
      const label = (control as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''
      return { id: control.id, label, message: error?.textContent?.trim() ?? '' }
    }),
  )

describe('a refused form speaks to the person who filled it', () => {
  it('an empty /daftar shows a human message beside every field, and keeps what was typed', async () => {
    const page = await newPhonePage(browser)
    await page.goto(url(null, '/daftar'))
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.waitForSelector('#signup-error')

    const refused = await refusedFields(page)
    expect(refused.map((f) => f.id).sort()).toEqual(
      [
        'regency',
        'subdomain',
        'name',
        'position',
        'email',
        'phone',
        'plannedAgencies',
        'plannedServices',
        'urgencyStudy',
        'commitment',
      ].sort(),
    )
    for (const field of refused) {
      expect(field.message, field.id).not.toBe('')
      for (const internal of internals) expect(field.message, field.id).not.toContain(internal)
    }
    expect(refused.find((f) => f.id === 'name')?.message).toBe('Wajib diisi')
    expect(refused.find((f) => f.id === 'commitment')?.message).toBe('Centang kotak ini untuk melanjutkan')

    // The summary names each field as its label does and leads to it.
    const summary = (await page.locator('#signup-error').textContent()) ?? ''
    for (const internal of internals) expect(summary).not.toContain(internal)
    expect(summary).toContain('Nama lengkap: Wajib diisi')
    await page
      .locator('#signup-error')
      .getByRole('link', { name: /^Email dinas:/ })
      .click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? location.hash)).toMatch(/email/)
    await expectAccessible(page)
    await expectNoSidewaysScroll(page)

    // What was typed comes back; a value that breaks a rule says which rule, without repeating it.
    await page.getByLabel('Nama lengkap').fill('Rahmat Hidayat')
    await page.getByLabel('Alamat situs').fill('Kota_Baru')
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.waitForSelector('#subdomain-error')
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rahmat Hidayat')
    expect(await page.getByLabel('Alamat situs').inputValue()).toBe('Kota_Baru')
    const again = await refusedFields(page)
    expect(again.map((f) => f.id)).not.toContain('name')
    const subdomain = again.find((f) => f.id === 'subdomain')
    expect(subdomain?.message).toBe('Hanya huruf kecil, angka dan tanda hubung')
    expect(subdomain?.message).not.toContain('Kota_Baru')
    await expectAccessible(page)
  })

  it('the service editor shows its messages beside the fields of a new service, keeping what was typed', async () => {
    const page = await newPhonePage(browser)
    await page.goto(url('lubuklinggau', '/masuk'))
    await page.getByLabel('Email').fill('admin@lubuklinggau.test')
    await page.getByLabel('Kata sandi').fill(demoPassword)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.waitForURL('**/staf')
    await page.goto(url('lubuklinggau', '/admin/katalog/layanan-baru'))
    await page.locator('#service-name').fill('Legalisir ijazah')
    // The browser itself asks for the required fields; the server's rules beyond them come back worded.
    await page.locator('#service-completionTime').fill('1 hari kerja')
    await page.locator('#service-fee').fill('Gratis')
    await page.locator('#service-product').fill('Ijazah terlegalisir')
    await page.locator('#service-requirements').fill(`Ijazah asli\n${'x'.repeat(301)}`)
    await page.locator('form.admin-form button[type="submit"]').click()
    await page.waitForSelector('.field-error')

    const refused = await refusedFields(page)
    expect(refused.length).toBeGreaterThan(0)
    for (const field of refused) {
      expect(field.message, field.id).not.toBe('')
      for (const internal of [...internals, 'Terlalu besar', 'xxxxxxxxxx'])
        expect(field.message).not.toContain(internal)
    }
    expect(refused.find((f) => f.id === 'service-requirements')?.message).toBe('Paling banyak 300 karakter')
    expect(await page.locator('#service-name').inputValue()).toBe('Legalisir ijazah')
    expect(await page.locator('#service-fee').inputValue()).toBe('Gratis')
    await expectAccessible(page)
    await expectNoSidewaysScroll(page)
  })
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessibleAndFitting, launchBrowser, mailedCode, newPhonePage, url } from './support/browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const check = expectAccessibleAndFitting

describe('a citizen signs in on a phone with a code from the mail (issue 14)', () => {
  it('a refused address keeps what was typed; the mailed code signs in; signing out ends it', async () => {
    const page = await newPhonePage(browser)
    await page.goto(url('lubuklinggau'))
    await check(page)
    await page.getByRole('link', { name: 'Akun warga' }).click()
    await page.waitForURL('**/warga/masuk')
    await check(page)

    await page.getByLabel('Email atau nomor ponsel').fill('siti di rumah')
    await page.getByRole('button', { name: 'Kirim kode' }).click()
    await expect
      .poll(() => page.locator('#alamat-error').textContent())
      .toContain('alamat email atau nomor ponsel')
    expect(await page.getByLabel('Email atau nomor ponsel').inputValue()).toBe('siti di rumah')
    await check(page)

    await page.getByLabel('Email atau nomor ponsel').fill('siti.e2e@contoh.id')
    await page.getByRole('button', { name: 'Kirim kode' }).click()
    await page.getByLabel('Kode masuk (6 angka)').waitFor()
    await check(page)
    await page.getByLabel('Kode masuk (6 angka)').fill(await mailedCode('siti.e2e@contoh.id'))
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL('**/warga')
    expect(await page.locator('main').textContent()).toContain('Anda masuk sebagai siti.e2e@contoh.id')
    await check(page)

    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.goto(url('lubuklinggau', '/warga'))
    await page.waitForURL('**/warga/masuk')
  })
})

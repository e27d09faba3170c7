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

const slug = 'samarinda'
/** Samarinda's counter 5 calls from the BPJS line (D) and the permits and water line (B). */
const consolePath = '/staf/loket/loket-5'

/** An officer of Samarinda, logged in on a fresh desktop context, at the console of counter 5. */
const officerAtConsole = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
  const page = await context.newPage()
  // There is no printer here: count print() calls instead of opening headless Chromium's print dialog.
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: number }
    w.__printed = 0
    window.print = () => {
      w.__printed++
    }
  })
  await page.goto(url(slug, `/masuk?next=${encodeURIComponent(consolePath)}`))
  await page.getByLabel('Email').fill('petugas@samarinda.test')
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(`**${consolePath}`)
  return page
}

const printed = (page: Page) => page.evaluate(() => (window as unknown as { __printed: number }).__printed)
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim()

describe('the counter console: the ticket at hand and a printed walk-in ticket', () => {
  let officer: Page
  let label: string

  it('issues a priority walk-in ticket and links its print page', async () => {
    officer = await officerAtConsole()
    await expectAccessible(officer)
    await officer.getByLabel('Layanan', { exact: true }).selectOption('bpjs-kesehatan-jkn-daftar')
    await officer.getByLabel(/Pengunjung prioritas/).check()
    await officer.getByRole('button', { name: 'Ambil nomor' }).click()
    await officer.waitForURL('**ok=issued**')
    const notice = (await officer.getByRole('status').textContent()) ?? ''
    label = /Nomor (D-\d{3}) diterbitkan\./.exec(notice)?.[1] ?? ''
    expect(label, notice).toMatch(/^D-\d{3}$/)
    await expectAccessible(officer)
  })

  it('the print page shows the label and the service as an 80 mm slip, and opens the print dialog once', async () => {
    const link = officer.getByRole('link', { name: `Cetak tiket ${label}` })
    expect(await link.getAttribute('href')).toMatch(
      /^\/staf\/loket\/loket-5\/tiket\/\d{4}-\d{2}-\d{2}\.bpjs\.\d+$/,
    )
    await link.click()
    await officer.waitForURL('**/staf/loket/loket-5/tiket/**')
    expect(await text(officer, '#ticket-number')).toBe(label)
    expect(await text(officer, '.ticket-service')).toBe('Pendaftaran peserta JKN')
    expect(await text(officer, '.ticket-tag')).toBe('Prioritas')
    expect(await officer.locator('.ticket svg').count()).toBe(1)
    await expect.poll(() => printed(officer)).toBe(1)
    await officer.getByRole('button', { name: 'Cetak', exact: true }).click()
    expect(await printed(officer)).toBe(2)
    // On paper only the slip: the buttons and the hint are screen-only.
    await officer.emulateMedia({ media: 'print' })
    expect(await officer.getByRole('button', { name: 'Cetak', exact: true }).isVisible()).toBe(false)
    expect(await officer.locator('.ticket').isVisible()).toBe(true)
    await officer.emulateMedia({ media: 'screen' })
    await expectAccessible(officer)
    await officer.getByRole('link', { name: 'Kembali ke konsol' }).click()
    await officer.waitForURL(`**${consolePath}`)
  })

  it('calls it: the console shows its label, service, queue and priority group', async () => {
    // Earlier tickets of these lines may wait (priority ones go first): mark them absent until ours is called.
    for (let i = 0; i < 20; i++) {
      await officer.getByRole('button', { name: /^Panggil berikutnya/ }).click()
      await officer.waitForURL('**ok=called**')
      if ((await text(officer, '[data-field="label"]')) === label) break
      await officer.getByRole('button', { name: /^Tidak hadir/ }).click()
      await officer.waitForURL('**ok=no_show**')
    }
    expect(await text(officer, '[data-field="label"]')).toBe(label)
    expect(await text(officer, '[data-field="service"]')).toBe('Pendaftaran peserta JKN · BPJS Kesehatan')
    expect(await text(officer, '[data-field="queue"]')).toMatch(/^D · /)
    expect(await text(officer, '[data-field="priority"]')).toBe('Prioritas (kelompok rentan)')
    await expectAccessible(officer)
  })

  it('holds and resumes it, naming it by its label', async () => {
    await officer.getByRole('button', { name: /^Tunda/ }).click()
    await officer.waitForURL('**ok=hold**')
    expect(await text(officer, '[role="status"]')).toBe(`Nomor ${label} ditunda.`)
    await officer.getByRole('button', { name: 'Lanjutkan' }).click()
    await officer.waitForURL('**ok=resume**')
    expect(await text(officer, '[role="status"]')).toBe(`Nomor ${label} kembali ke antrean.`)
  })

  it('fits a 360 px phone', async () => {
    const phone = await newPhonePage(browser)
    await phone.context().addCookies(await officer.context().cookies())
    await phone.goto(url(slug, consolePath))
    await expectNoSidewaysScroll(phone)
  })
})

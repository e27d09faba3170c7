import { callAnnouncement } from '@mpp/core/spoken-number'
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

/** A staff member logs a fresh browser context in on Lubuklinggau's host and lands on `next`. */
const staffPage = async (next: string, viewport = { width: 1280, height: 800 }) => {
  const page = await (await browser.newContext({ viewport, locale: 'id-ID' })).newPage()
  await page.goto(url('lubuklinggau', `/masuk?next=${encodeURIComponent(next)}`))
  await page.getByLabel('Email').fill('petugas@lubuklinggau.test')
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(`**${next}`)
  return page
}

describe('a ticket from the kiosk to the counter, the board and the phone', () => {
  let kiosk: Page
  let board: Page
  let officer: Page
  let phone: Page
  let label: string
  let ticketPath: string

  it('the kiosk issues a ticket and prints it', async () => {
    kiosk = await staffPage('/kios')
    // There is no printer here: count print() calls instead of opening headless Chromium's print dialog.
    await kiosk.addInitScript(() => {
      const w = window as unknown as { __printed: number }
      w.__printed = 0
      window.print = () => {
        w.__printed++
      }
    })
    await expectAccessible(kiosk)
    await kiosk.getByRole('link', { name: 'Akta Kematian' }).click()
    await kiosk.waitForURL('**/kios/layanan/disdukcapil-akta-kematian')
    await expectAccessible(kiosk)
    await kiosk.getByRole('button', { name: 'Antrean biasa' }).click()
    await kiosk.waitForURL('**/kios/tiket/**')
    await expectAccessible(kiosk)
    label = (await kiosk.locator('#ticket-number').textContent())?.trim() ?? ''
    expect(label).toMatch(/^A-\d{3}$/)
    expect(await kiosk.locator('svg').count()).toBeGreaterThan(0)
    await expect
      .poll(() => kiosk.evaluate(() => (window as unknown as { __printed: number }).__printed))
      .toBe(1)
    ticketPath = new URL(kiosk.url()).pathname.replace('/kios/tiket/', '/tiket/')
  })

  it('the citizen follows the ticket on a phone', async () => {
    phone = await newPhonePage(browser)
    await phone.goto(url('lubuklinggau', ticketPath))
    await expectAccessible(phone)
    await expectNoSidewaysScroll(phone)
    expect((await phone.locator('[data-field="label"]').textContent())?.trim()).toBe(label)
    expect(await phone.locator('[data-field="status"]').textContent()).toContain('Menunggu')
  })

  it('the officer calls it; the board shows it within 3 s with an announcement queued; the phone says where to go', async () => {
    board = await (
      await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'id-ID' })
    ).newPage()
    await board.goto(url('lubuklinggau', '/layar'))
    await expectAccessible(board)
    await board.getByRole('button', { name: 'Aktifkan suara' }).click()
    const announcedBefore = await board.evaluate(
      () => (window as unknown as { __mppAnnouncements?: string[] }).__mppAnnouncements?.length ?? 0,
    )

    officer = await staffPage('/staf/loket/loket-1')
    await expectAccessible(officer)
    await officer.keyboard.press('n') // the console's shortcut for "call next"
    await officer.waitForURL('**/staf/loket/loket-1?ok=called**')
    expect((await officer.locator('[data-field="label"]').textContent())?.trim()).toBe(label)
    await expectAccessible(officer)

    await expect
      .poll(() => board.locator('[data-field="calls"]').first().textContent(), {
        timeout: 3_000,
        interval: 100,
      })
      .toContain(label)
    const announcements = await board.evaluate(
      () => (window as unknown as { __mppAnnouncements?: string[] }).__mppAnnouncements ?? [],
    )
    expect(announcements.length).toBeGreaterThan(announcedBefore)
    const [prefix, number] = label.split('-')
    expect(announcements.at(-1)).toBe(callAnnouncement(prefix as string, Number(number), 1))
    await expectAccessible(board)

    await expect
      .poll(() => phone.locator('[data-field="called"]').textContent(), { timeout: 15_000, interval: 250 })
      .toContain('Dipanggil — silakan ke loket 1')
    await expectAccessible(phone)
  })
})

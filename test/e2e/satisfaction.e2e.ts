import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessibleAndFitting, launchBrowser, newPhonePage, url } from './support/browser'
import { demoPassword } from './support/local-server'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const check = expectAccessibleAndFitting

/** A fresh desktop browser logged in as `email` on `slug`'s host (or the platform), landing on `next`. */
const loggedIn = async (slug: string | null, email: string, next: string) => {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
  ).newPage()
  await page.goto(url(slug, `/masuk?next=${encodeURIComponent(next)}`))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(`**${next}`)
  return page
}

/** Calls the counter's next tickets until `label` is called, serving each one, and serves `label` too. */
const serveAtCounter = async (officer: Page, label: string) => {
  // Earlier tickets of this queue may still wait: serve them until this one is at the counter.
  const serveCurrent = async () => {
    await officer.keyboard.press('s')
    await officer.waitForURL('**ok=start**')
    await officer.keyboard.press('d')
    await officer.waitForURL('**ok=complete**')
  }
  for (let i = 0; i < 20; i++) {
    await officer.keyboard.press('n')
    await officer.waitForURL('**/staf/loket/loket-1?ok=called**')
    if ((await officer.locator('[data-field="label"]').textContent())?.trim() === label) break
    await serveCurrent()
  }
  await serveCurrent()
}

/** The number a statistic shows next to its label on the ministry's dashboard. */
const nationalRespondents = async (ministry: Page) => {
  await ministry.goto(url(null, '/kementerian/statistik'))
  const text = await ministry
    .locator('dt', { hasText: /^Responden$/ })
    .first()
    .locator('xpath=following-sibling::dd')
    .textContent()
  return Number(text)
}

describe("a citizen rates the service; the MPP's report and the ministry's dashboard count it", () => {
  let phone: Page
  let ministry: Page
  let before: number
  let ticketPath: string

  it('the ministry notes the national respondents so far', async () => {
    ministry = await loggedIn(null, 'kementerian@panrb.test', '/kementerian')
    before = await nationalRespondents(ministry)
    await check(ministry)
  })

  it('the citizen takes a ticket on a phone and is served at counter 1', async () => {
    phone = await newPhonePage(browser)
    await phone.goto(url('samarinda', '/ambil?layanan=disdukcapil-ktp-el'))
    await phone.getByRole('button', { name: 'Ambil nomor', exact: true }).click()
    await phone.waitForURL('**/tiket/**')
    ticketPath = new URL(phone.url()).pathname
    const label = (await phone.locator('[data-field="label"]').textContent())?.trim() ?? ''
    expect(await phone.locator('[data-field="survey"]').isHidden()).toBe(true)

    const officer = await loggedIn('samarinda', 'petugas@samarinda.test', '/staf/loket/loket-1')
    await serveAtCounter(officer, label)
    expect(await phone.locator('.ticket-survey-code strong').textContent()).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/)

    // The ticket page offers the survey once it sees the ticket completed.
    await expect
      .poll(() => phone.locator('[data-field="survey"]').isVisible(), { timeout: 15_000, interval: 250 })
      .toBe(true)
    await check(phone)
  })

  it('the citizen answers the nine questions on the phone, without script', async () => {
    await phone.getByRole('link', { name: 'Nilai layanan ini' }).click()
    await phone.waitForURL('**/survei')
    expect(await phone.locator('script').count()).toBe(0)
    await check(phone)
    // Sending with a question left open keeps the answers given and says which one is missing.
    await phone
      .getByRole('group', { name: /^1\. Persyaratan/ })
      .getByLabel('Sangat sesuai')
      .check()
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click()
    await expect.poll(() => phone.getByRole('alert').textContent()).toContain('Jawab kesembilan pertanyaan')
    expect(
      await phone
        .getByRole('group', { name: /^1\. Persyaratan/ })
        .getByLabel('Sangat sesuai')
        .isChecked(),
    ).toBe(true)
    await check(phone)
    const answers = [
      'Sangat sesuai',
      'Sangat mudah',
      'Cepat',
      'Gratis',
      'Sesuai',
      'Sangat kompeten',
      'Sangat sopan dan ramah',
      'Dikelola dengan baik',
      'Baik',
    ]
    for (const [i, answer] of answers.entries()) {
      await phone
        .locator(`#q-U${i + 1}`)
        .getByLabel(answer, { exact: true })
        .check()
    }
    await phone.getByLabel('Umur').selectOption('30-39')
    await phone.getByLabel('Saran atau komentar (tidak wajib)').fill('Petugas ramah, antrean rapi.')
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click()
    await expect.poll(() => phone.locator('h1').textContent()).toBe('Terima kasih')
    await check(phone)
    await phone.goto(url('samarinda', ticketPath))
    expect(await phone.locator('[data-field="survey"]').count()).toBe(0)
  })

  it("the tenant's report shows the response", async () => {
    const admin = await loggedIn('samarinda', 'admin@samarinda.test', '/admin/kepuasan')
    await check(admin)
    expect(
      await admin
        .locator('dt', { hasText: /^Responden$/ })
        .locator('xpath=following-sibling::dd')
        .textContent(),
    ).not.toBe('0')
    expect(await admin.locator('.comment-list').textContent()).toContain('Petugas ramah, antrean rapi.')
    expect(await admin.locator('svg.chart').count()).toBe(2)
    await admin.getByRole('link', { name: 'Versi cetak' }).click()
    await admin.waitForURL('**/admin/kepuasan/cetak**')
    await check(admin)
    // The printed report is on the MPP's letterhead, its logo loaded, and ends with a signature block.
    const letterhead = admin.locator('header.letterhead')
    expect(await letterhead.locator('.letterhead-name').textContent()).toBe(
      'Mal Pelayanan Publik Kota Samarinda',
    )
    expect(await letterhead.textContent()).toContain('Kalimantan Timur')
    expect(
      await letterhead.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0)
    const signature = await admin.locator('section.signature').textContent()
    expect(signature).toContain('Kepala Mal Pelayanan Publik Kota Samarinda')
    expect(signature).toContain('NIP.')
    await admin.emulateMedia({ media: 'print' })
    expect(await letterhead.isVisible()).toBe(true)
    await admin.emulateMedia({ media: 'screen' })

    // On a phone the report's period form wraps, one field per line, and the admin menu marks the page.
    await admin.setViewportSize({ width: 360, height: 740 })
    await admin.goto(url('samarinda', '/admin/kepuasan'))
    await check(admin)
    const nav = admin.getByRole('navigation', { name: 'Menu admin' })
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Kepuasan')
    const [from, to] = await admin
      .locator('.period-form input')
      .evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect().toJSON() as DOMRect))
    expect(to?.top).toBeGreaterThan((from?.bottom ?? 0) - 1)
    expect(Math.round(to?.width ?? 0)).toBe(Math.round(from?.width ?? 0))
    await admin.goto(url('samarinda', '/staf'))
    await check(admin)
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Beranda')
  })

  it("the ministry's dashboard counts it", async () => {
    expect(await nationalRespondents(ministry)).toBe(before + 1)
    await check(ministry)
    await ministry.getByRole('link', { name: 'Mal Pelayanan Publik Kota Samarinda' }).click()
    await ministry.waitForURL('**/kementerian/statistik/64.72**')
    await check(ministry)
  })
})

describe('at the exit kiosk, a citizen rates with the number and the survey code on the printed ticket', () => {
  let kiosk: Page
  let label: string
  let code: string

  it('the kiosk prints a ticket with its survey code, and the citizen is served', async () => {
    kiosk = await loggedIn('samarinda', 'petugas@samarinda.test', '/kios')
    // No printer here: stub print() rather than open headless Chromium's print dialog.
    await kiosk.addInitScript(() => {
      window.print = () => undefined
    })
    await kiosk.goto(url('samarinda', '/kios/layanan/disdukcapil-ktp-el'))
    await kiosk.getByRole('button', { name: 'Antrean biasa' }).click()
    await kiosk.waitForURL('**/kios/tiket/**')
    label = (await kiosk.locator('#ticket-number').textContent())?.trim() ?? ''
    code = (await kiosk.locator('.ticket-survey-code strong').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/)
    await check(kiosk)
    const officer = await loggedIn('samarinda', 'petugas@samarinda.test', '/staf/loket/loket-1')
    await serveAtCounter(officer, label)
  })

  it('a wrong code is refused beside its field, keeping what was typed; the right one opens the survey', async () => {
    await kiosk.goto(url('samarinda', '/kios/survei'))
    await check(kiosk)
    const wrong = code === '222222' ? '333333' : '222222'
    await kiosk.getByLabel('Nomor antrean').fill(label)
    await kiosk.getByLabel('Kode survei').fill(wrong)
    await kiosk.getByRole('button', { name: 'Lanjut' }).click()
    await expect
      .poll(() => kiosk.locator('#survey-code-error').textContent())
      .toContain('Kode survei tidak cocok')
    expect(await kiosk.getByLabel('Nomor antrean').inputValue()).toBe(label)
    expect(await kiosk.getByLabel('Kode survei').inputValue()).toBe(wrong)
    expect(await kiosk.getByLabel('Kode survei').getAttribute('aria-invalid')).toBe('true')
    await check(kiosk)

    await kiosk.getByLabel('Kode survei').fill(code.toLowerCase())
    await kiosk.getByRole('button', { name: 'Lanjut' }).click()
    await kiosk.waitForURL(`**/kios/survei/**/${code}`)
    await check(kiosk)
    for (let i = 1; i <= 9; i++) await kiosk.locator(`#q-U${i} input[value="3"]`).check()
    await kiosk.getByRole('button', { name: 'Kirim penilaian' }).click()
    await expect.poll(() => kiosk.locator('h1').textContent()).toBe('Terima kasih')
    await check(kiosk)
  })
})

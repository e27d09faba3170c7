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

const check = expectAccessibleAndFitting

describe('a complaint from a phone to the staff and back', () => {
  let citizen: Page
  let trackingPath: string
  let display: string

  it('a citizen files one: a refused form keeps what was typed, then a tracking code', async () => {
    citizen = await newPhonePage(browser)
    await citizen.goto(url('palembang'))
    await citizen.getByRole('link', { name: 'Sampaikan pengaduan atau lacak pengaduan Anda' }).click()
    await citizen.waitForURL('**/pengaduan')
    await check(citizen)

    await citizen.getByLabel('Layanan yang diadukan').selectOption('imigrasi-paspor')
    await citizen.getByLabel('Waktu pelayanan').check()
    await citizen.getByLabel('Isi pengaduan').fill('Lama sekali')
    await citizen.getByLabel('Nama', { exact: true }).fill('Andi Wijaya')
    await citizen.getByLabel('Email (boleh dikosongkan)').fill('andi@example.id')
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click()
    await expect.poll(() => citizen.locator('#cp-form-error').textContent()).toContain('belum terkirim')
    expect(await citizen.getByLabel('Isi pengaduan').inputValue()).toBe('Lama sekali')
    expect(await citizen.getByLabel('Nama', { exact: true }).inputValue()).toBe('Andi Wijaya')
    await check(citizen)

    await citizen
      .getByLabel('Isi pengaduan')
      .fill('Antrean paspor tidak bergerak lebih dari dua jam tanpa penjelasan dari petugas.')
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click()
    await citizen.waitForURL('**/pengaduan/*?baru')
    await check(citizen)
    display = (await citizen.locator('.tracking-code__value').textContent())?.trim() ?? ''
    expect(display).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/)
    trackingPath = `/pengaduan/${display}`
    expect(await citizen.locator('main').textContent()).not.toContain('Andi Wijaya')
    // The code stays on one line on a 360 px phone.
    const code = citizen.locator('.tracking-code__value')
    const box = await code.boundingBox()
    const lineHeight = await code.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight))
    expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5)
    // The citizen gave an email: the tracking code comes by mail too, with the link to follow it.
    expect(await mailedLink(trackingPath)).toBe(url('palembang', trackingPath))
  })

  it('an officer sees it, verifies it with the LAPOR! number and responds', async () => {
    const officer = await newPhonePage(browser)
    await officer.goto(url('palembang', '/masuk?next=%2Fstaf%2Fpengaduan'))
    await officer.getByLabel('Email').fill('petugas@palembang.test')
    await officer.getByLabel('Kata sandi').fill(demoPassword)
    await officer.getByRole('button', { name: 'Masuk' }).click()
    await officer.waitForURL('**/staf/pengaduan')
    await check(officer)
    await officer.getByRole('link', { name: display }).click()
    await officer.waitForURL(`**/staf/pengaduan/${display.replaceAll('-', '')}`)
    await check(officer)
    expect(await officer.locator('main').textContent()).toContain('Andi Wijaya')

    await officer.locator('#verify-lapor').fill('5551234')
    await officer.getByRole('button', { name: 'Tandai sudah diverifikasi' }).click()
    await officer.waitForURL('**?tersimpan')
    await check(officer)
    await officer
      .getByLabel('Isi tanggapan')
      .fill('Mohon maaf, sistem paspor sempat terganggu; kini sudah normal.')
    await officer.getByRole('button', { name: 'Kirim tanggapan' }).click()
    await officer.waitForURL('**?tersimpan')
    expect(await officer.locator('main').textContent()).toContain('Sudah ditanggapi')
  })

  it('the citizen reads the response by tracking code and can reply', async () => {
    await citizen.goto(url('palembang', '/pengaduan'))
    await citizen.getByLabel('Kode pelacakan').fill(display.toLowerCase())
    await citizen.getByRole('button', { name: 'Lacak' }).click()
    await citizen.waitForURL(`**${trackingPath}`)
    await check(citizen)
    const main = (await citizen.locator('main').textContent()) ?? ''
    expect(main).toContain('sistem paspor sempat terganggu')
    expect(main).toContain('5551234')
    expect(main).not.toContain('petugas@palembang.test')
    expect(await citizen.getByLabel('Tanggapan Anda').count()).toBe(1)
  })
})

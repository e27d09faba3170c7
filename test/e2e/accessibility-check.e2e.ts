import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newPhonePage } from './support/browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('the accessibility check fails on a page with serious violations', async () => {
  const page = await newPhonePage(browser)
  await page.setContent(
    '<!doctype html><html lang="id"><title>x</title><body><img src="x.png"><button></button></body></html>',
  )
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt|button-name/)
})

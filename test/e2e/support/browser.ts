import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { demoPassword, until } from './local-server'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Debian's Chromium, headless, kept off the network it cannot reach anyway. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

/** The address of a host of the server under test: `url('lubuklinggau', '/')` or `url(null, '/')` for the platform. */
export const url = (slug: string | null, path = '/') =>
  `http://${slug ? `${slug}.` : ''}localhost:${inject('port')}${path}`

/**
 * The newest link containing `path` in the mail the server printed (`npm start`'s stand-in for a mail server;
 * the ministry's outbox hides links that carry a secret). Polls: the server prints a mail just after it sends.
 */
export const mailedLink = async (path: string) => {
  let link: string | undefined
  await until(
    `a mailed ${path} link`,
    async () => {
      const links = (await readFile(inject('serverLog'), 'utf8')).match(/https?:\/\/\S+/g) ?? []
      link = links.filter((l) => l.includes(path)).at(-1)
      return link !== undefined
    },
    10_000,
  )
  return link as string
}

/**
 * The newest one-time code the server mailed to `to` (a citizen's sign-in code stands on a line of its own).
 * Polls, as `mailedLink` does.
 */
export const mailedCode = async (to: string) => {
  let code: string | undefined
  await until(
    `a code mailed to ${to}`,
    async () => {
      const mails = (await readFile(inject('serverLog'), 'utf8'))
        .split(/\nMail to /)
        .filter((m) => m.startsWith(`${to}:`))
      code = /^\s*(\d{6})\s*$/m.exec(mails.at(-1) ?? '')?.[1]
      return code !== undefined
    },
    10_000,
  )
  return code as string
}

/** A phone-sized page signed in at /masuk on an MPP's host as one of its demo staff, on the staff home. */
export const staffPhonePage = async (browser: Browser, slug: string, email: string): Promise<Page> => {
  const page = await newPhonePage(browser)
  await page.goto(url(slug, '/masuk'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL('**/staf')
  return page
}

/** A phone-sized page: 360 px wide, touch, Indonesian. */
export const newPhonePage = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
  })
  return context.newPage()
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's strict CSP stays on)
 * and fails on any serious or critical violation.
 */
export const expectAccessible = async (page: Page) => {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  expect(violations, `${page.url()}: ${violations.join('; ')}`).toEqual([])
}

/** Fails when the page is wider than its viewport (sideways scrolling on a phone). */
export const expectNoSidewaysScroll = async (page: Page) => {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(scroll, page.url()).toBeLessThanOrEqual(viewport)
}

/** What every visited page must be: accessible, and no wider than a phone's screen. */
export const expectAccessibleAndFitting = async (page: Page) => {
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
}

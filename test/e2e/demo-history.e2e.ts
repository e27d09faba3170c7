import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, launchBrowser } from './support/browser'
import { demoPassword, type LocalServer, startLocalServer, until } from './support/local-server'

/** The four demo MPPs by their regency codes, as the statistics name them. */
const demoMpps = {
  '16.73': 'Mal Pelayanan Publik Kota Lubuklinggau',
  '16.71': 'Mal Pelayanan Publik Kota Palembang',
  '14.71': 'Mal Pelayanan Publik Kota Pekanbaru',
  '64.72': 'Mal Pelayanan Publik Kota Samarinda',
}
/** An IKM with its grade, as reports print it: "85,20 (B)". */
const ikmWithGrade = /\d+[,.]\d+ \([ABCD]\)/

let server: LocalServer
let browser: Browser
// History is written while the app serves: these tests wait for it (with deadlines) beyond the usual minute.
// This file's own fresh `npm start`, exactly as a newcomer runs it: the shared one runs without the history.
const at = (slug: string | null, path: string) =>
  `http://${slug ? `${slug}.` : ''}localhost:${server.port}${path}`

beforeAll(async () => {
  server = await startLocalServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const loggedIn = async (slug: string | null, email: string, next: string) => {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
  ).newPage()
  await page.goto(at(slug, `/masuk?next=${encodeURIComponent(next)}`))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(`**${next}`)
  return page
}

type Summary = { served: number; respondents: number; issued: number; ikm?: number }
/** A JSON read from the page itself: the browser resolves `*.localhost`, Node's resolver does not. */
const json = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.evaluate(async (u) => {
    const r = await fetch(u)
    return { status: r.status, body: await r.json() }
  }, url)
  expect(res.status).toBe(200)
  return res.body as T
}

/** The number in the `dd` beside the first `dt` matching `label`. */
const factValue = async (page: Page, label: RegExp) =>
  Number(
    (
      await page
        .locator('dt', { hasText: label })
        .first()
        .locator('xpath=following-sibling::dd')
        .textContent()
    )?.replace(/\D/g, ''),
  )

describe('a fresh npm start comes with 90 days of history', () => {
  it('says so when it starts, and writes the newest days first in the background', async () => {
    expect(server.output()).toMatch(
      /History: +writing the last 90 days of lubuklinggau, palembang, pekanbaru, samarinda/,
    )
  })

  it("the ministry's national dashboard has figures for every demo MPP", async () => {
    const ministry = await loggedIn(null, 'kementerian@panrb.test', '/kementerian')
    // The newest days come first: every MPP has served citizens after a few of them.
    let stats: { national: Summary; tenants: { id: string; summary: Summary }[] } | undefined
    await until(
      'the history to reach every demo MPP',
      async () => {
        stats = await json(ministry, at(null, '/api/stats/national'))
        return Object.keys(demoMpps).every((id) => {
          const s = stats?.tenants.find((t) => t.id === id)?.summary
          return s !== undefined && s.served > 0 && s.respondents > 0
        })
      },
      150_000,
    )
    expect(stats?.national.served).toBeGreaterThan(0)
    expect(stats?.national.ikm).toBeGreaterThan(0)

    await ministry.goto(at(null, '/kementerian/statistik'))
    await expectAccessible(ministry)
    for (const name of Object.values(demoMpps)) {
      const row = ministry.locator('tbody tr', { has: ministry.getByRole('link', { name, exact: true }) })
      // After the rank and the stage: citizens served, a wait, an IKM with its grade, respondents.
      const cells = (await row.locator('td').allTextContents()).slice(2)
      expect(cells.some((c) => /^[1-9]\d*$/.test(c.trim()))).toBe(true)
      expect(cells.some((c) => ikmWithGrade.test(c))).toBe(true)
    }
    await ministry.getByRole('link', { name: demoMpps['64.72'], exact: true }).click()
    await ministry.waitForURL('**/kementerian/statistik/64.72**')
    await expectAccessible(ministry)
    expect(await ministry.locator('main').textContent()).toMatch(ikmWithGrade)
  }, 240_000)

  it("the MPP's satisfaction report and its statistics are not empty", async () => {
    const admin = await loggedIn('samarinda', 'admin@samarinda.test', '/admin/kepuasan')
    const own = await json<{ total: Summary; days: ({ day: string } & Summary)[] }>(
      admin,
      at('samarinda', '/api/stats'),
    )
    expect(own.total.served).toBeGreaterThan(0)
    expect(own.days.filter((d) => d.served > 0).length).toBeGreaterThan(0)

    // The report covers the year so far: early in January its first days may still be quiet, so look at
    // the last 90 days, which the history covers whatever the date.
    const to = own.days.at(-1)?.day ?? ''
    const from = own.days[0]?.day ?? ''
    await admin.goto(at('samarinda', `/admin/kepuasan?from=${from}&to=${to}`))
    expect(await factValue(admin, /Responden/)).toBeGreaterThan(0)
    await expectAccessible(admin)
    expect(await admin.locator('dd.report-big').first().textContent()).toMatch(/^\d+[,.]\d+$/)
  }, 240_000)
})

import { callAnnouncement } from '@mpp/core/spoken-number'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './support/browser'
import { counterOfficer } from './support/counter-api'
import { type LocalServer, startLocalServer, until } from './support/local-server'

/**
 * Issue 9: a board whose server restarts while calls are made announces each of them once, in order, after it
 * reconnects. Its own server (the shared one cannot restart under the other flows), Lubuklinggau's population
 * line, served by counters 1 and 2.
 */
let browser: Browser
let server: LocalServer

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startLocalServer({ env: { MPP_DEMO_HISTORY: 'off' } })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const origin = () => `http://lubuklinggau.localhost:${server.port}`
const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { __mppAnnouncements?: string[] }).__mppAnnouncements ?? [])
const liveState = (page: Page) => page.locator('[data-board]').getAttribute('data-live')
const spoken = (label: string, counter: number) => {
  const [prefix, number] = label.split('-')
  return callAnnouncement(prefix as string, Number(number), counter)
}

describe('a board whose server restarts', () => {
  it('announces the 3 calls made meanwhile exactly once, in order, after it reconnects', async () => {
    const board = await (
      await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'id-ID' })
    ).newPage()
    await board.clock.install()
    await board.goto(`${origin()}/layar`)
    await until('the board is live', async () => (await liveState(board)) === 'open', 15_000)
    const before = (await announcements(board)).length

    // The board's clock stands still from here, so it cannot reconnect before the calls are made.
    await board.clock.pauseAt(Date.now() + 1_000)
    const dataDir = server.dataDir
    const port = server.port
    await server.stop()
    await until('the board saw its socket close', async () => (await liveState(board)) === 'down', 10_000)
    server = await startLocalServer({ dataDir, port, env: { MPP_DEMO_HISTORY: 'off' } })

    const officer = await counterOfficer(browser, origin(), 'petugas@lubuklinggau.test')
    for (let i = 0; i < 3; i++) await officer.takeTicket('disdukcapil-ktp-el')
    const first = await officer.callNext('loket-1')
    const second = await officer.callNext('loket-2')
    await officer.finish('loket-1', first.ticketKey)
    const third = await officer.callNext('loket-1')
    const expected = [spoken(first.label, 1), spoken(second.label, 2), spoken(third.label, 1)]
    expect(await liveState(board)).toBe('down')
    expect((await announcements(board)).slice(before)).toEqual([])

    // Time moves again: the board reconnects (its backoff), resyncs and announces what it missed.
    await board.clock.resume()
    await until('the board is live again', async () => (await liveState(board)) === 'open', 60_000)
    await until('3 announcements', async () => (await announcements(board)).length - before >= 3, 10_000)
    expect((await announcements(board)).slice(before)).toEqual(expected)
    const shown = await board.locator('[data-field="calls"] li').allTextContents()
    expect(shown.join(' ')).toContain(third.label)
    expect(shown.join(' ')).toContain(second.label)

    // Pushed again from here: the next call is announced once, after the three, and none of them again.
    await officer.finish('loket-2', second.ticketKey)
    await officer.takeTicket('disdukcapil-ktp-el')
    const fourth = await officer.callNext('loket-2')
    await until(
      'the fourth announcement',
      async () => (await announcements(board)).length - before >= 4,
      10_000,
    )
    expect((await announcements(board)).slice(before)).toEqual([...expected, spoken(fourth.label, 2)])
    await officer.close()
    await board.context().close()
  }, 240_000)
})

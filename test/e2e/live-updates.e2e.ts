import { callAnnouncement } from '@mpp/core/spoken-number'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newPhonePage, url } from './support/browser'
import { counterOfficer } from './support/counter-api'
import { until } from './support/local-server'

/**
 * Issue 9 in the browser: boards and ticket pages follow the live socket instead of polling. Palembang's
 * passport line (counter 5) and vehicle line (counter 4), which no other browser flow uses.
 */
let browser: Browser
let officer: Awaited<ReturnType<typeof counterOfficer>>

beforeAll(async () => {
  browser = await launchBrowser()
  officer = await counterOfficer(browser, url('palembang', '').replace(/\/$/, ''), 'petugas@palembang.test')
})
afterAll(async () => {
  await browser?.close()
})

const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { __mppAnnouncements?: string[] }).__mppAnnouncements ?? [])
const liveState = (page: Page, selector: string) => page.locator(selector).getAttribute('data-live')

/** The spoken call for `A-012` at counter 3. */
const spoken = (label: string, counter: number) => {
  const [prefix, number] = label.split('-')
  return callAnnouncement(prefix as string, Number(number), counter)
}

describe('the display board follows the socket', () => {
  it('left idle for 60 s it makes at most 2 HTTP requests, and still shows and announces a call made right after', async () => {
    const board = await (
      await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'id-ID' })
    ).newPage()
    // The page's clock is driven from here: 60 s pass without waiting a minute.
    await board.clock.install()
    await board.goto(url('palembang', '/layar'))
    const requests: string[] = []
    const answered: string[] = []
    board.on('request', (request) => {
      requests.push(request.url())
    })
    board.on('requestfinished', (request) => {
      answered.push(request.url())
    })
    await until('the board is live', async () => (await liveState(board, '[data-board]')) === 'open', 15_000)
    // The open's read of /api/board is answered before the page's clock is driven: a 5 s timeout on a driven
    // clock would abort a read still on the wire.
    await until('the open resync answered', () => answered.some((u) => u.includes('/api/board')), 10_000)
    const sockets: string[] = []
    board.on('websocket', (ws) => {
      sockets.push(ws.url())
    })

    for (let second = 0; second < 60; second += 5) {
      await board.clock.runFor(5_000)
      // A ping the board sent in those 5 s is answered over the real socket before the clock moves on.
      await until(
        'the ping answered',
        async () => (await board.locator('[data-board]').getAttribute('data-live-ping')) !== 'waiting',
        5_000,
      )
    }
    expect(await board.locator('[data-board]').getAttribute('data-live-ping')).toBe('answered')
    expect(await liveState(board, '[data-board]')).toBe('open')
    // The open's one read of /api/board at most, and no socket opened again.
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(2)
    expect(sockets).toEqual([])

    await officer.takeTicket('imigrasi-paspor')
    const called = await officer.callNext('loket-5')
    await until(
      `${called.label} on the board`,
      async () =>
        ((await board.locator('[data-field="calls"] li').first().textContent()) ?? '').includes(called.label),
      10_000,
    )
    await until(
      `${called.label} announced`,
      async () => (await announcements(board)).at(-1) === spoken(called.label, 5),
      5_000,
    )
    expect((await announcements(board)).filter((a) => a === spoken(called.label, 5))).toHaveLength(1)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(2)
    await expectAccessible(board)
    await officer.finish('loket-5', called.ticketKey)
    await board.context().close()
  }, 120_000)
})

describe("the citizen's ticket page follows its ticket", () => {
  it('turns to "go to counter N" without a poll request, and stops once the ticket is finished', async () => {
    const ticket = await officer.takeTicket('samsat-pkb')
    const phone = await newPhonePage(browser)
    const reads: string[] = []
    phone.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) reads.push(request.url())
    })
    await phone.goto(url('palembang', ticket.link))
    await until(
      'the ticket page is live',
      async () => (await liveState(phone, '[data-ticket]')) === 'open',
      15_000,
    )
    expect(await phone.locator('[data-field="status"]').textContent()).toContain('Menunggu')
    // Once it opened, the page read its ticket once (the resync); count from there.
    await until('the open resync', () => reads.length >= 1, 5_000)
    const readsBefore = reads.length

    const called = await officer.callNext('loket-4')
    expect(called.label).toBe(ticket.label)
    await until(
      'the page says where to go',
      async () =>
        ((await phone.locator('[data-field="called"]').textContent()) ?? '').includes('silakan ke loket 4'),
      10_000,
    )
    expect(await phone.locator('[data-field="called"]').textContent()).toBe('Dipanggil — silakan ke loket 4')
    expect(reads.slice(readsBefore), 'no poll after the call').toEqual([])
    await expectAccessible(phone)

    await officer.finish('loket-4', called.ticketKey)
    await until(
      'the socket closed for good',
      async () => (await liveState(phone, '[data-ticket]')) === 'stopped',
      10_000,
    )
    expect(await phone.locator('[data-field="survey"]').isVisible()).toBe(true)
    expect(reads.slice(readsBefore)).toEqual([])
    await phone.context().close()
  }, 60_000)
})

describe("the officer's console follows its counter", () => {
  it('shows a longer line when a ticket is taken elsewhere, without polling', async () => {
    // Palembang's counter 3 serves the population line; the officer watching it is not the one issuing.
    const watcher = await counterOfficer(
      browser,
      url('palembang', '').replace(/\/$/, ''),
      'petugas@palembang.test',
    )
    const consolePage = watcher.page
    const reads: string[] = []
    consolePage.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/counters/')) reads.push(request.url())
    })
    await consolePage.goto(url('palembang', '/staf/loket/loket-3'))
    await until('the console is live', async () => (await liveState(consolePage, 'h1')) === 'open', 15_000)
    const waiting = async () => consolePage.locator('[data-field="waiting-kependudukan"]').textContent()
    const before = await waiting()
    await until('the open resync', () => reads.length >= 1, 5_000)
    const readsBefore = reads.length

    // Past 10 waiting a console is told only every fifth count (docs/live-updates.md): take as many as it
    // needs to reach a count it is told.
    const shown = Number(before?.match(/\d+/)?.[0])
    let target = shown + 1
    while (target > 10 && target % 5 !== 0) target++
    for (let n = shown; n < target; n++) await officer.takeTicket('disdukcapil-ktp-el')
    await until(
      'the console shows the longer line',
      async () => (await waiting())?.match(/\d+/)?.[0] === String(target),
      15_000,
    )
    // The line's message carries its count: put in place, with no read of the console API and no reload.
    expect(reads.length - readsBefore).toBe(0)
    await watcher.close()
  }, 60_000)
})

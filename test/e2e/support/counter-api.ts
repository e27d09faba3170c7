import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { demoPassword } from './local-server'

/**
 * An officer of one MPP driving its counters through the API, as the console's buttons do, from a signed-in
 * browser context (its cookie goes with every request). `origin` is the MPP's address, such as
 * `http://palembang.localhost:3000`.
 */
export const counterOfficer = async (browser: Browser, origin: string, email: string) => {
  const page: Page = await (await browser.newContext({ locale: 'id-ID' })).newPage()
  await page.goto(`${origin}/masuk?next=${encodeURIComponent('/staf')}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi').fill(demoPassword)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL('**/staf')
  // From the page itself: Node cannot resolve `*.localhost`, the browser can (and it sends the Origin).
  const post = async (path: string, data: object) => {
    const res = await page.evaluate(
      async ([path, body]) => {
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        return { ok: res.ok, status: res.status, text: await res.text() }
      },
      [path, JSON.stringify(data)] as const,
    )
    expect(res.ok, `${path}: ${res.status} ${res.text}`).toBe(true)
    return JSON.parse(res.text)
  }
  return {
    page,
    /** A kiosk ticket for the service (a staff channel, so no public limit counts it). */
    takeTicket: async (serviceId: string): Promise<{ key: string; label: string; link: string }> =>
      post('/api/tickets', { serviceId, channel: 'kiosk' }),
    callNext: async (counterId: string): Promise<{ ticketKey: string; label: string }> => {
      const { called } = await post(`/api/counters/${counterId}/call-next`, {})
      expect(called, `nobody waits at ${counterId}`).not.toBeNull()
      return called
    },
    /** Starts and completes the counter's ticket, so it can call the next. */
    finish: async (counterId: string, ticketKey: string) => {
      await post(`/api/counters/${counterId}/start`, { ticketKey })
      await post(`/api/counters/${counterId}/complete`, { ticketKey })
    },
    close: () => page.context().close(),
  }
}

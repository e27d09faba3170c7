import { liveTokenSeconds, readSubscriptionToken } from '@mpp/api/live/subscription-token'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { type Issued, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants, testSecret } from '../support/test-app'

const { host, id: tenantId } = tenants.palembang
const clock = createClock('2026-11-23T03:00:00Z') // 10:00 WIB, a Monday
let t: TestApp
let officer: string
let ticket: Issued

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@palembang.test')
  ticket = await take(t, host, 'disdukcapil-ktp-el')
})

const token = async (query: string, headers: Record<string, string> = {}, on: string = host) => {
  const res = await t.request(on, `/api/live/token${query}`, { headers })
  return { status: res.status, body: await res.json(), headers: res.headers }
}

/** What the token carries, read as `$connect` reads it. */
const subscriptionOf = (value: string) =>
  readSubscriptionToken(value, { sessionSecret: testSecret }, clock.now())

const secretOf = (issued: Issued) => issued.link.split('/')[3] as string

describe('GET /api/live/token', () => {
  it('gives anyone on the host a board token, with the filter the board takes, and the socket on the same host', async () => {
    const res = await token('')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body.url).toBe(`ws://${host}/live`)
    expect(res.body.expiresAt).toBe(new Date(clock.now().getTime() + liveTokenSeconds * 1000).toISOString())
    expect(subscriptionOf(res.body.token)).toMatchObject({ tenantId, topics: ['board'] })
    expect(subscriptionOf(res.body.token)?.board).toBeUndefined()

    const filtered = await token('?queues=kependudukan,perizinan&floor=2')
    expect(filtered.status).toBe(200)
    expect(subscriptionOf(filtered.body.token)).toMatchObject({
      tenantId,
      topics: ['board'],
      board: { floor: '2', queueIds: ['kependudukan', 'perizinan'] },
    })
  })

  it("follows one ticket only with its secret, like the ticket's own page", async () => {
    const res = await token(`?ticket=${ticket.key}&secret=${secretOf(ticket)}`)
    expect(res.status).toBe(200)
    expect(subscriptionOf(res.body.token)).toMatchObject({ tenantId, topics: [`ticket:${ticket.key}`] })

    const wrong = await token(`?ticket=${ticket.key}&secret=${'x'.repeat(22)}`)
    expect(wrong.status).toBe(404)
    expect(wrong.body.error.code).toBe('ticket_not_found')
    expect((await token(`?ticket=${ticket.key}`)).status).toBe(400)
    expect((await token(`?ticket=not-a-key&secret=${secretOf(ticket)}`)).status).toBe(404)
  })

  it("gives a counter's console only to staff of this MPP, at an active counter", async () => {
    const anonymous = await token('?counter=loket-1')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('unauthorized')

    const res = await token('?counter=loket-1', { cookie: officer })
    expect(res.status).toBe(200)
    expect(subscriptionOf(res.body.token)).toMatchObject({ tenantId, topics: ['counter:loket-1'] })
    expect((await token('?counter=loket-99', { cookie: officer })).status).toBe(404)
  })

  it("is refused on another tenant's host and on the platform", async () => {
    // Lubuklinggau's officer on Palembang: the session counts for nothing there.
    const lubuklinggau = await loginCookie(t, tenants.lubuklinggau.host, 'petugas@lubuklinggau.test')
    expect((await token('?counter=loket-1', { cookie: lubuklinggau })).status).toBe(401)
    // Palembang's ticket asked on Lubuklinggau's host: no such ticket there.
    const elsewhere = await token(
      `?ticket=${ticket.key}&secret=${secretOf(ticket)}`,
      {},
      tenants.lubuklinggau.host,
    )
    expect(elsewhere.status).toBe(404)
    // A board token minted on Lubuklinggau's host is Lubuklinggau's, whatever was asked.
    const board = await token('', {}, tenants.lubuklinggau.host)
    expect(subscriptionOf(board.body.token)?.tenantId).toBe(tenants.lubuklinggau.id)
    expect((await token('', {}, 'localhost')).status).toBe(404)
  })

  it('refuses a ticket and a counter (or a filter) at once', async () => {
    const both = await token(`?ticket=${ticket.key}&secret=${secretOf(ticket)}&counter=loket-1`, {
      cookie: officer,
    })
    expect(both.status).toBe(400)
    expect(both.body.error.code).toBe('invalid_request')
    expect((await token('?counter=loket-1&floor=2', { cookie: officer })).status).toBe(400)
  })
})

describe('the pages carry a token, so the socket opens without asking', () => {
  const liveAttributes = (html: string) => ({
    token: /data-live-token="([^"]+)"/.exec(html)?.[1],
    url: /data-live-url="([^"]+)"/.exec(html)?.[1],
    expires: /data-live-expires="([^"]+)"/.exec(html)?.[1],
  })

  it('the board, with its filter', async () => {
    const html = await (await t.request(host, '/layar?antrean=kependudukan')).text()
    const live = liveAttributes(html)
    expect(live.url).toBe(`ws://${host}/live`)
    expect(live.expires).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(subscriptionOf(live.token ?? '')).toMatchObject({
      tenantId,
      topics: ['board'],
      board: { queueIds: ['kependudukan'] },
    })
    expect(html).toMatch(/data-board[^>]*data-live-token=/)
  })

  it('the ticket page', async () => {
    const html = await (await t.request(host, ticket.link)).text()
    expect(subscriptionOf(liveAttributes(html).token ?? '')?.topics).toEqual([`ticket:${ticket.key}`])
    expect(html).toMatch(/data-ticket[^>]*data-live-token=/)
  })

  it("the counter's console", async () => {
    const html = await (await t.request(host, '/staf/loket/loket-2', { headers: { cookie: officer } })).text()
    expect(subscriptionOf(liveAttributes(html).token ?? '')?.topics).toEqual(['counter:loket-2'])
    expect(html).toMatch(/data-console-state[^>]*data-live-token=/)
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { counterPost, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const host = tenants.palembang.host
let t: TestApp
let officer: string
const clock = createClock('2026-11-23T02:00:00Z') // 09:00 WIB

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@palembang.test')
})

const ticketOf = async (link: string) => {
  const [, , key, secret] = link.split('/')
  const res = await t.request(host, `/api/tickets/${key}/${secret}`)
  return { status: res.status, body: await res.json() }
}

describe('getTicket and getBoard', () => {
  it('follows a ticket from waiting (people ahead, wait estimate) to called at counter N', async () => {
    const first = await take(t, host, 'imigrasi-paspor')
    const second = await take(t, host, 'imigrasi-paspor', { priority: false })
    const waiting = await ticketOf(second.link)
    expect(waiting.status).toBe(200)
    expect(waiting.body).toMatchObject({
      label: 'D-002',
      status: 'waiting',
      peopleAhead: 1,
      queue: { name: 'Paspor' },
    })
    expect(waiting.body.service.name).toBe('Paspor biasa (baru dan penggantian)')
    // Nobody has served yet: no estimate rather than a made-up one.
    expect(waiting.body.estimatedWaitMinutes).toBeUndefined()

    // Counter 5 serves the first ticket for 12 minutes: the estimate for one person ahead becomes 12.
    await counterPost(t, host, officer, 'loket-5', 'call-next')
    await counterPost(t, host, officer, 'loket-5', 'start', { ticketKey: first.key })
    clock.advanceMinutes(12)
    await counterPost(t, host, officer, 'loket-5', 'complete', { ticketKey: first.key })
    const third = await take(t, host, 'imigrasi-paspor')
    const estimate = await ticketOf(third.link)
    expect(estimate.body).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 12 })

    await counterPost(t, host, officer, 'loket-5', 'call-next')
    const called = await ticketOf(second.link)
    expect(called.body).toMatchObject({ status: 'called', counterNumber: 5 })
    expect(called.body.peopleAhead).toBeUndefined()
  })

  it('hides a ticket behind its secret', async () => {
    const ticket = await take(t, host, 'imigrasi-paspor')
    const [, , key] = ticket.link.split('/')
    const wrong = await t.request(host, `/api/tickets/${key}/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(wrong.status).toBe(404)
    expect((await wrong.json()).error.code).toBe('ticket_not_found')
    expect((await t.request(host, '/api/tickets/not-a-key/x')).status).toBe(404)
  })

  it("shows each counter's latest call, newest first, and the next numbers of each queue", async () => {
    const a = await take(t, host, 'dpmptsp-nib')
    await take(t, host, 'dpmptsp-nib')
    await take(t, host, 'dpmptsp-pbg')
    clock.advanceMinutes(1)
    await counterPost(t, host, officer, 'loket-1', 'call-next')
    const board = await (await t.request(host, '/api/board')).json()
    expect(board.timeZone).toBe('Asia/Jakarta')
    expect(board.calls[0]).toMatchObject({ counterNumber: 1, label: a.label, status: 'called' })
    expect(board.calls.map((c: { counterNumber: number }) => c.counterNumber)).toEqual([1, 5])
    const perizinan = board.queues.find((q: { id: string }) => q.id === 'perizinan')
    expect(perizinan).toMatchObject({ waiting: 2, next: ['A-002', 'A-003'] })

    // A recall raises the call's sequence, which is how the board knows to announce again.
    const before = board.calls[0].callSeq
    await counterPost(t, host, officer, 'loket-1', 'recall', { ticketKey: a.key })
    const after = await (await t.request(host, '/api/board')).json()
    expect(after.calls[0].callSeq).toBe(before + 1)
  })

  it('filters the board to some queues', async () => {
    const board = await (await t.request(host, '/api/board?queues=paspor')).json()
    expect(board.queues.map((q: { id: string }) => q.id)).toEqual(['paspor'])
    expect(board.calls.every((c: { counterNumber: number }) => c.counterNumber === 5)).toBe(true)
    const bad = await t.request(host, '/api/board?queues=BAD%20ID')
    expect(bad.status).toBe(400)
  })
})

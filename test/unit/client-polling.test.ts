import { messagesFor } from '@mpp/web/i18n/messages'
import { describe, expect, it } from 'vitest'
import { backoffDelay, type PollerOptions, startPoller } from '../../web/client/lib/poller'
import { ticketTexts } from '../../web/client/lib/ticket-text'

describe('backoffDelay', () => {
  it('polls at the interval while all is well, then doubles per failure up to the cap', () => {
    const mid = () => 0.5
    expect(backoffDelay(0, 1500, 30_000, mid)).toBe(1500)
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((f) => backoffDelay(f, 1500, 30_000, mid))).toEqual([
      1500, 3000, 6000, 12_000, 24_000, 30_000, 30_000, 30_000,
    ])
  })

  it('jitters by ±20 % and never waits longer than the cap', () => {
    expect(backoffDelay(3, 1500, 30_000, () => 0)).toBe(4800)
    expect(backoffDelay(3, 1500, 30_000, () => 0.999999)).toBe(7200)
    for (let f = 1; f < 20; f++)
      expect(backoffDelay(f, 1500, 30_000, () => 0.999999)).toBeLessThanOrEqual(30_000)
  })
})

/** A poller on a hand-driven clock and network: `answer` says what the next fetch returns. */
const harness = <T>(options: Partial<PollerOptions<T>> = {}) => {
  const timers: { fn: () => void; ms: number; id: number }[] = []
  let nextId = 1
  let clock = 0
  const answers: (() => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>)[] = []
  const data: T[] = []
  const failures: number[] = []
  const delays: number[] = []
  const signals: AbortSignal[] = []
  const poller = startPoller<T>({
    url: '/api/board',
    intervalMs: 1500,
    random: () => 0.5,
    onData: (d) => {
      data.push(d)
    },
    onFailure: (s) => {
      failures.push(s.failures)
    },
    fetch: (_url, init) => {
      signals.push(init.signal as AbortSignal)
      const next = answers.shift()
      return next ? next() : Promise.reject(new TypeError('Failed to fetch'))
    },
    setTimer: (fn, ms) => {
      const id = nextId++
      timers.push({ fn, ms, id })
      return id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
    now: () => clock,
    ...options,
  })
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
  return {
    poller,
    data,
    failures,
    delays,
    signals,
    answerOk: (body: unknown) =>
      answers.push(async () => ({ ok: true, status: 200, json: async () => body })),
    answerStatus: (status: number) =>
      answers.push(async () => ({ ok: false, status, json: async () => ({}) })),
    answerHang: () => answers.push(() => new Promise(() => {})),
    /** Runs the next scheduled poll (not the abort timers) and lets it finish. */
    async tick() {
      const i = timers.findIndex((t) => t.ms !== (options.timeoutMs ?? 5000))
      const timer = timers.splice(i, 1)[0]
      if (!timer) throw new Error('nothing scheduled')
      clock += timer.ms
      delays.push(timer.ms)
      timer.fn()
      await flush()
    },
    async fireTimeout() {
      const i = timers.findIndex((t) => t.ms === (options.timeoutMs ?? 5000))
      const timer = timers.splice(i, 1)[0]
      timer?.fn()
      await flush()
    },
    pending: () => timers.map((t) => t.ms),
  }
}

describe('startPoller', () => {
  it('polls at once, then every interval while answers come', async () => {
    const h = harness<{ n: number }>()
    h.answerOk({ n: 1 })
    h.answerOk({ n: 2 })
    await h.tick()
    await h.tick()
    expect(h.data).toEqual([{ n: 1 }, { n: 2 }])
    expect(h.delays).toEqual([0, 1500])
    expect(h.pending()).toEqual([1500])
  })

  it('backs off on network loss and 5xx, never stops, and recovers by itself', async () => {
    const h = harness<{ n: number }>()
    h.answerStatus(503)
    await h.tick() // first poll: 503
    for (let i = 0; i < 8; i++) await h.tick() // the network is gone
    expect(h.failures).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(h.delays).toEqual([0, 1500, 3000, 6000, 12_000, 24_000, 30_000, 30_000, 30_000])
    expect(h.poller.state()).toMatchObject({ failures: 9, stopped: false })
    expect(h.poller.state().sinceSuccessMs).toBe(136_500)
    h.answerOk({ n: 1 })
    await h.tick()
    expect(h.data).toEqual([{ n: 1 }])
    expect(h.poller.state()).toMatchObject({ failures: 0, sinceSuccessMs: 0 })
    expect(h.pending()).toEqual([1500])
  })

  it('aborts a poll that hangs and counts it as a failure', async () => {
    const h = harness<{ n: number }>({ timeoutMs: 5000 })
    h.answerHang()
    await h.tick()
    expect(h.signals[0]?.aborted).toBe(false)
    await h.fireTimeout()
    expect(h.signals[0]?.aborted).toBe(true)
  })

  it('counts an answer the page could not show as a failure', async () => {
    const h = harness<{ n: number }>({
      onData: () => {
        throw new Error('render failed')
      },
    })
    h.answerOk({ n: 1 })
    await h.tick()
    expect(h.poller.state().failures).toBe(1)
    expect(h.pending()).toEqual([1500])
  })

  it('stops when told an answer is final, and pollNow polls at once', async () => {
    const h = harness<{ status: string }>({ keepGoing: (t) => t.status !== 'completed' })
    h.answerOk({ status: 'waiting' })
    await h.tick()
    h.poller.pollNow()
    expect(h.pending()).toEqual([0])
    h.answerOk({ status: 'completed' })
    await h.tick()
    expect(h.poller.state().stopped).toBe(true)
    expect(h.pending()).toEqual([])
  })
})

describe('ticketTexts', () => {
  const id = messagesFor('id')
  const en = messagesFor('en')
  const base = { label: 'A-012', queue: { name: 'Kependudukan' }, service: { name: 'KTP-el' } }

  it('words a waiting ticket, with or without an estimate', () => {
    expect(
      ticketTexts(id, { ...base, status: 'waiting', peopleAhead: 3, estimatedWaitMinutes: 12 }),
    ).toMatchObject({
      status: 'Menunggu',
      waiting: true,
      peopleAhead: '3 orang',
      estimate: '± 12 menit',
      called: '',
    })
    expect(ticketTexts(en, { ...base, status: 'waiting', peopleAhead: 1 })).toMatchObject({
      peopleAhead: '1 person',
      estimate: 'cannot be estimated yet',
    })
  })

  it('says where to go once called, and a sentence for every other status', () => {
    expect(ticketTexts(id, { ...base, status: 'called', counterNumber: 3 })).toMatchObject({
      status: 'Dipanggil',
      called: 'Dipanggil — silakan ke loket 3',
      waiting: false,
    })
    expect(ticketTexts(en, { ...base, status: 'called', counterNumber: 3 }).called).toBe(
      'Called — please go to counter 3',
    )
    for (const status of ['serving', 'held', 'completed', 'no_show', 'expired'] as const) {
      const texts = ticketTexts(id, { ...base, status })
      expect(texts.sentence, status).toBeTruthy()
      expect(texts.called, status).toBe('')
      expect(texts.waiting, status).toBe(false)
    }
  })
})

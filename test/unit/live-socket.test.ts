import { describe, expect, it } from 'vitest'
import { type LiveOptions, type LiveSocketLike, startLive } from '../../web/client/lib/live-socket'

type Msg = { type: string; n?: number }

class FakeSocket implements LiveSocketLike {
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  sent: string[] = []
  closedWith: number | undefined
  /** Answers pings as the server does, unless a test makes it a dead line. */
  answersPings = true
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data)
    if (this.answersPings && data === '{"type":"ping"}') queueMicrotask(() => this.push({ type: 'pong' }))
  }
  close(code?: number) {
    this.closedWith ??= code ?? 1000
  }
  open() {
    this.onopen?.({})
  }
  push(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  drop(code = 1006) {
    this.onclose?.({ code })
  }
}

const flush = async () => {
  // Settles the promise chains a step started (they are all microtasks here).
  for (let i = 0; i < 20; i++) await null
}

/** A live client on a hand-driven clock, timers, network and sockets. */
const harness = (options: Partial<LiveOptions<Msg>> = {}) => {
  let clock = Date.parse('2026-11-23T03:00:00.000Z')
  let nextId = 1
  const timers: { fn: () => void; at: number; id: number }[] = []
  const sockets: FakeSocket[] = []
  const applied: Msg[] = []
  const states: string[] = []
  const tokenAsks: number[] = []
  const resyncs: number[] = []
  let resyncAnswer: () => Promise<void> = async () => {}
  let tokenAnswer = async () => ({
    token: `fresh-${tokenAsks.length}`,
    expiresAt: new Date(clock + 15 * 60_000).toISOString(),
    url: 'ws://h/live',
  })
  const client = startLive<Msg>({
    access: { token: 'page', expiresAt: new Date(clock + 15 * 60_000).toISOString(), url: 'ws://h/live' },
    tokenUrl: '/api/live/token',
    resync: () => {
      resyncs.push(clock)
      return resyncAnswer()
    },
    onMessage: (m) => {
      applied.push(m)
    },
    onState: (s) => {
      states.push(s)
    },
    createSocket: (url) => {
      const ws = new FakeSocket(url)
      sockets.push(ws)
      return ws
    },
    fetchAccess: () => {
      tokenAsks.push(clock)
      return tokenAnswer()
    },
    now: () => clock,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const id = nextId++
      timers.push({ fn, at: clock + ms, id })
      return id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
    ...options,
  })
  /** Moves the clock on, firing every timer due on the way, in order. */
  const advance = async (ms: number) => {
    const end = clock + ms
    for (;;) {
      await flush()
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      timers.splice(timers.indexOf(due), 1)
      clock = due.at
      due.fn()
    }
    clock = end
    await flush()
  }
  return {
    client,
    sockets,
    applied,
    states,
    tokenAsks,
    resyncs,
    advance,
    last: () => sockets.at(-1) as FakeSocket,
    now: () => clock,
    answerResync: (fn: () => Promise<void>) => {
      resyncAnswer = fn
    },
    answerToken: (fn: typeof tokenAnswer) => {
      tokenAnswer = fn
    },
  }
}

describe('startLive: open, resync, apply', () => {
  it("opens with the page's token, resyncs once per open and applies pushed messages in order", async () => {
    const h = harness()
    await h.advance(0)
    expect(h.sockets).toHaveLength(1)
    expect(h.last().url).toBe('ws://h/live?token=page')
    expect(h.tokenAsks).toEqual([])
    h.last().open()
    await h.advance(0)
    expect(h.resyncs).toHaveLength(1)
    expect(h.client.state()).toBe('open')
    h.last().push({ type: 'call', n: 1 })
    h.last().push({ type: 'pong' })
    h.last().push({ type: 'queue', n: 2 })
    expect(h.applied).toEqual([
      { type: 'call', n: 1 },
      { type: 'queue', n: 2 },
    ])
    // An hour on an open socket: no HTTP at all.
    await h.advance(60 * 60_000)
    expect(h.resyncs).toHaveLength(1)
  })

  it('holds messages pushed during the resync and applies them after it, so the cursor never skips a call', async () => {
    const h = harness()
    let finish: () => void = () => {}
    const order: string[] = []
    h.answerResync(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            order.push('resync')
            resolve()
          }
        }),
    )
    await h.advance(0)
    h.last().open()
    h.last().push({ type: 'call', n: 7 })
    expect(h.applied).toEqual([])
    finish()
    await h.advance(0)
    expect(h.applied).toEqual([{ type: 'call', n: 7 }])
    expect(order).toEqual(['resync'])
  })

  it('retries a failed resync with messages still held', async () => {
    const h = harness()
    let fail = true
    h.answerResync(async () => {
      if (fail) throw new Error('HTTP 503')
    })
    await h.advance(0)
    h.last().open()
    h.last().push({ type: 'call', n: 1 })
    await h.advance(0)
    expect(h.applied).toEqual([])
    // 1 s, 2 s, 4 s … between tries, as a reconnect backs off.
    await h.advance(1_000 + 2_000 + 4_000)
    expect(h.resyncs.map((at) => at - (h.resyncs[0] ?? 0))).toEqual([0, 1_000, 3_000, 7_000])
    expect(h.applied).toEqual([])
    fail = false
    await h.advance(8_000)
    expect(h.resyncs).toHaveLength(5)
    expect(h.applied).toEqual([{ type: 'call', n: 1 }])
  })
})

describe('startLive: reconnect with backoff, poll only while down', () => {
  it('reconnects after 1 s doubling to 30 s, and resets once a socket opens', async () => {
    const h = harness()
    await h.advance(0)
    h.last().open()
    await h.advance(0)
    const delays: number[] = []
    h.last().drop()
    for (let i = 0; i < 7; i++) {
      const before = h.sockets.length
      const from = h.now()
      while (h.sockets.length === before) await h.advance(100)
      delays.push(h.now() - from)
      if (i < 6) h.last().drop()
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
    h.last().open()
    await h.advance(0)
    h.last().drop()
    const from = h.now()
    const before = h.sockets.length
    while (h.sockets.length === before) await h.advance(100)
    expect(h.now() - from).toBe(1000)
  })

  it('jitters the reconnect delay by ±20 %', async () => {
    for (const [random, expected] of [
      [0, 800],
      [0.999999, 1200],
    ] as const) {
      const h = harness({ random: () => random })
      await h.advance(0)
      h.last().drop()
      const from = h.now()
      while (h.sockets.length === 1) await h.advance(50)
      expect(h.now() - from).toBe(expected)
    }
  })

  it('polls every 30 s while the socket is down, never faster, and stops once it is back', async () => {
    const h = harness()
    await h.advance(0)
    h.last().open()
    await h.advance(0)
    expect(h.resyncs).toHaveLength(1)
    const downAt = h.now()
    h.last().drop()
    // Two minutes of failing reconnects (each new socket fails at once).
    for (let t = 0; t < 120_000; t += 500) {
      await h.advance(500)
      const ws = h.last()
      if (ws.closedWith === undefined && ws.onclose) ws.drop()
    }
    const polls = h.resyncs.slice(1).map((at) => at - downAt)
    expect(polls).toEqual([30_000, 60_000, 90_000, 120_000])
    // Back: the next socket opens; its open's resync, then nothing more.
    const before = h.sockets.length
    while (h.sockets.length === before) await h.advance(100)
    h.last().open()
    await h.advance(0)
    const count = h.resyncs.length
    await h.advance(10 * 60_000)
    expect(h.resyncs).toHaveLength(count)
  })
})

describe('startLive: tokens', () => {
  it("asks for a token when the page's one has expired, and when it carries none", async () => {
    const h = harness({ access: { token: 'old', expiresAt: '2026-11-23T02:59:00.000Z', url: 'ws://h/live' } })
    await h.advance(0)
    expect(h.tokenAsks).toHaveLength(1)
    expect(h.last().url).toBe('ws://h/live?token=fresh-1')

    const none = harness({ access: {} })
    await none.advance(0)
    expect(none.tokenAsks).toHaveLength(1)
    expect(none.last().url).toBe('ws://h/live?token=fresh-1')
  })

  it('asks for a new token after the server refused one, and after an open failed while HTTP answered', async () => {
    const h = harness()
    await h.advance(0)
    h.last().drop(4401)
    await h.advance(1_000)
    expect(h.tokenAsks).toHaveLength(1)
    expect(h.last().url).toBe('ws://h/live?token=fresh-1')

    // A server that is down: failed opens and failed polls keep the token.
    const down = harness()
    down.answerResync(async () => {
      throw new TypeError('Failed to fetch')
    })
    await down.advance(0)
    for (let t = 0; t < 40_000; t += 500) {
      await down.advance(500)
      const ws = down.last()
      if (ws.closedWith === undefined && ws.onclose) ws.drop()
    }
    expect(down.tokenAsks).toEqual([])
    // HTTP answers again but the socket still fails: the token is the suspect.
    down.answerResync(async () => {})
    for (let t = 0; t < 35_000 && down.tokenAsks.length === 0; t += 500) {
      await down.advance(500)
      const ws = down.last()
      if (ws.closedWith === undefined && ws.onclose) ws.drop()
    }
    expect(down.tokenAsks).toHaveLength(1)
  })

  it('counts a failed token request as a failed attempt: backoff and polling go on', async () => {
    const asks: number[] = []
    const h = harness({
      access: {},
      fetchAccess: async () => {
        asks.push(1)
        throw new TypeError('Failed to fetch')
      },
    })
    await h.advance(0)
    expect(h.client.state()).toBe('down')
    await h.advance(31_000)
    expect(asks.length).toBeGreaterThanOrEqual(5)
    expect(h.sockets).toEqual([])
    expect(h.resyncs).toHaveLength(1)
  })
})

describe('startLive: keep-alive', () => {
  it('pings once a minute by default, and takes a socket whose ping goes unanswered for dead', async () => {
    const h = harness()
    await h.advance(0)
    const ws = h.last()
    ws.open()
    await h.advance(10 * 60_000)
    expect(ws.sent.filter((s) => s === '{"type":"ping"}')).toHaveLength(10)
    expect(h.client.state()).toBe('open')
    expect(h.sockets).toHaveLength(1)
    // Silence: closed as dead within a ping and its timeout, then a new socket.
    ws.answersPings = false
    await h.advance(60_000 + 10_000)
    expect(ws.closedWith).toBe(4000)
    expect(ws.sent).toHaveLength(11)
    expect(h.client.state()).toBe('down')
    await h.advance(1_000)
    expect(h.sockets).toHaveLength(2)
  })
})

describe('startLive: keep-alive on a busy line', () => {
  it('pings only after a minute without any message: a board that hears calls sends none', async () => {
    const h = harness()
    await h.advance(0)
    const ws = h.last()
    ws.open()
    for (let i = 0; i < 20; i++) {
      await h.advance(30_000)
      ws.push({ type: 'queue', day: '2026-11-24', id: 'a', waiting: i, next: [] })
    }
    expect(ws.sent.filter((s) => s === '{"type":"ping"}')).toHaveLength(0)
    await h.advance(60_000)
    expect(ws.sent.filter((s) => s === '{"type":"ping"}')).toHaveLength(1)
  })
})

describe('startLive: pause, resume, stop', () => {
  it('pause closes the socket with no reconnect and no polling; resume connects and resyncs', async () => {
    const h = harness()
    await h.advance(0)
    h.last().open()
    await h.advance(0)
    h.client.pause()
    expect(h.last().closedWith).toBe(1000)
    expect(h.client.state()).toBe('paused')
    await h.advance(10 * 60_000)
    expect(h.sockets).toHaveLength(1)
    expect(h.resyncs).toHaveLength(1)
    h.client.resume()
    await h.advance(0)
    expect(h.sockets).toHaveLength(2)
    h.last().open()
    await h.advance(0)
    expect(h.resyncs).toHaveLength(2)
  })

  it('a paused client that was down stops polling too', async () => {
    const h = harness()
    await h.advance(0)
    h.last().drop()
    h.client.pause()
    await h.advance(5 * 60_000)
    expect(h.resyncs).toEqual([])
    expect(h.sockets).toHaveLength(1)
  })

  it('stop is final: no reconnect, resume does nothing, late events are ignored', async () => {
    const h = harness()
    await h.advance(0)
    const ws = h.last()
    ws.open()
    await h.advance(0)
    h.client.stop()
    ws.push({ type: 'ticket' })
    ws.drop()
    h.client.resume()
    await h.advance(10 * 60_000)
    expect(h.client.state()).toBe('stopped')
    expect(h.sockets).toHaveLength(1)
    expect(h.applied).toEqual([])
    expect(h.states.at(-1)).toBe('stopped')
  })
})

import {
  type ConsoleMessage,
  createFanout,
  type LiveMessage,
  type LiveStreamRecord,
} from '@mpp/api/live/fanout'
import { connectLive, defaultLive, disconnectLive } from '@mpp/api/live/socket-routes'
import { mintSubscriptionToken, type Subscription } from '@mpp/api/live/subscription-token'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import { callIsNews } from '../../web/client/lib/console-call'
import { defaultPingMs, quietPingMs } from '../../web/client/lib/live-socket'
import { benchSecret } from './bench-app'
import { type ClientModel, type DayEvent, type DaySimulation, mppDay, simulatedDay } from './mpp-day'

const tenantId = '64.72' as TenantId
const { minute } = simulatedDay

/** What the pages cost whatever the clients do after: the same in both designs. */
const pages = (day: DaySimulation, sample: number) => {
  let turn = 0
  return {
    /** Each board and console is opened once in the morning. */
    async opened() {
      await day.request('http: board page', 'GET', '/layar', {}, mppDay.boards)
      for (const id of day.counterIds)
        await day.request('http: console page', 'GET', `/staf/loket/${id}`, {
          headers: { cookie: day.officer },
        })
    },
    /** The officer acts with the console's form: its answer is the console page again (303, then GET). */
    async changed(event: DayEvent) {
      if (!event.counterId || ++turn % sample !== 0) return
      await day.request(
        'http: console page (after an action)',
        'GET',
        `/staf/loket/${event.counterId}`,
        { headers: { cookie: day.officer } },
        sample,
      )
    },
  }
}

/**
 * A clock of ticks every `everyMs` of simulated time: `due(at)` yields the ticks before `at` that are run (one
 * in `sample`).
 */
const ticker = (everyMs: number, sample: number) => {
  let next = simulatedDay.opensAt + everyMs
  let index = 0
  return function* due(at: number) {
    for (; next < at; next += everyMs, index++) if (index % sample === 0) yield next
  }
}

/**
 * The clients before issue 9, as web/client/board.ts, ticket.ts and console.ts polled: the board every 1.5 s, a
 * followed ticket and a counter console every 5 s, the console reloading its page when what it polls changed.
 * One poll in `sample` is run and counted `sample` times.
 */
export const pollingClients =
  (sample: number) =>
  (day: DaySimulation): ClientModel => {
    const boards = ticker(1_500, sample)
    const fiveSeconds = ticker(5_000, sample)
    const followed = new Map<string, string>()
    const common = pages(day, sample)
    let turn = 0
    let reloadTurn = 0
    return {
      opened: common.opened,
      async until(at) {
        for (const t of boards(at)) {
          day.advance(t)
          await day.request('http: getBoard (poll)', 'GET', '/api/board', {}, mppDay.boards * sample)
        }
        for (const t of fiveSeconds(at)) {
          day.advance(t)
          const counterId = day.counterIds[turn++ % day.counterIds.length] as string
          await day.request(
            'http: getCounterConsole (poll)',
            'GET',
            `/api/counters/${counterId}/console`,
            { headers: { cookie: day.officer } },
            day.counterIds.length * sample,
          )
          const tickets = [...followed]
          const [key, secret] = tickets[turn % Math.max(1, tickets.length)] ?? []
          if (key)
            await day.request(
              'http: getTicket (poll)',
              'GET',
              `/api/tickets/${key}/${secret}`,
              {},
              tickets.length * sample,
            )
        }
      },
      async changed(event) {
        await common.changed(event)
        // A ticket taken or called changes the line every console of that queue polls: each reloads its page.
        // (The officer's own start and finish reload the console anyway, as the form's answer.)
        if (event.kind !== 'take' && event.kind !== 'call') return
        const consoles = day.counterIds.filter((_, i) => mppDay.counters[i] === event.queueId)
        if (++reloadTurn % sample !== 0) return
        await day.request(
          'http: console page (reload on change)',
          'GET',
          `/staf/loket/${consoles[0]}`,
          { headers: { cookie: day.officer } },
          consoles.length * sample,
        )
      },
      async ticketTaken(key, secret) {
        await day.request('http: ticket page', 'GET', `/tiket/${key}/${secret}`)
        followed.set(key, secret)
      },
      async ticketDone(key) {
        followed.delete(key)
      },
    }
  }

/** API Gateway ends every connection after two hours: boards and consoles reconnect. */
const connectionMinutes = 120

const listener = (subscription: Subscription) => {
  const topic = subscription.topics[0] ?? ''
  return topic === 'board' ? 'board' : topic.startsWith('ticket:') ? 'ticket page' : 'console'
}

/**
 * The clients of issue 9: each page connects with the token it was served, resynchronises once over HTTP,
 * then only hears what changed; the fan-out runs on the table's stream after each write. `drain` returns the
 * stream records written since it was last called.
 */
export const pushClients =
  (db: Db, drain: () => Promise<LiveStreamRecord[]>, sample: number) =>
  (day: DaySimulation): ClientModel => {
    const common = pages(day, sample)
    const deps = { db, config: { sessionSecret: benchSecret, rootDomain: 'localhost' }, now: day.now }
    const open = new Map<
      string,
      { subscription: Subscription; since: number; heardAt: number; silenceMs: number }
    >()
    const consoleMessages: ConsoleMessage[] = []
    const count = (kind: string, messages: number) => {
      day.webSocket.messages += messages
      day.webSocket.messagesBy[kind] = (day.webSocket.messagesBy[kind] ?? 0) + messages
    }
    const fanout = createFanout({
      db,
      now: day.now,
      sender: {
        async send(connectionId, message: LiveMessage) {
          const connection = open.get(connectionId)
          if (!connection) return 'gone'
          connection.heardAt = day.now().getTime()
          const bytes = Buffer.byteLength(JSON.stringify(message))
          day.webSocket.largestMessageBytes = Math.max(day.webSocket.largestMessageBytes, bytes)
          count(`${listener(connection.subscription)}: ${message.type}`, 1)
          if (message.type === 'console') consoleMessages.push(message)
          return 'sent'
        },
      },
    })
    let serial = 0
    const connect = async (topics: Subscription['topics']) => {
      const { token } = mintSubscriptionToken(benchSecret, { tenantId, topics }, day.now())
      const connectionId = `bench-${++serial}`
      const result = await day.invoke('ws: $connect', () => connectLive(deps, { connectionId, token }))
      if (result.status !== 200) throw new Error(`connect ${topics}: ${result.status}`)
      const at = day.now().getTime()
      // The board pings after a minute's silence, the ticket page and the console after five (web/client).
      const silenceMs = topics.includes('board') ? defaultPingMs : quietPingMs
      open.set(connectionId, { subscription: result.subscription, since: at, heardAt: at, silenceMs })
      return connectionId
    }
    const disconnect = async (connectionId: string) => {
      const connection = open.get(connectionId)
      if (!connection) return
      open.delete(connectionId)
      day.webSocket.connectionMinutes += (day.now().getTime() - connection.since) / minute
      await day.invoke('ws: $disconnect', () =>
        disconnectLive(deps, { connectionId, subscription: connection.subscription }),
      )
    }

    /** A board or console: how it gets a fresh token and resynchronises after (re)connecting. */
    interface LongClient {
      topics: Subscription['topics']
      tokenPath: string
      resync: () => Promise<unknown>
    }
    const officer = { headers: { cookie: day.officer } }
    const boardClient: LongClient = {
      topics: ['board'],
      tokenPath: '/api/live/token',
      resync: () => day.request('http: getBoard (resync)', 'GET', '/api/board'),
    }
    const consoleClient = (counterId: string): LongClient => ({
      topics: [`counter:${counterId}`],
      tokenPath: `/api/live/token?counter=${counterId}`,
      resync: () =>
        day.request('http: getCounterConsole (resync)', 'GET', `/api/counters/${counterId}/console`, officer),
    })
    const long = new Map<string, LongClient>()
    const openLong = async (client: LongClient) => {
      long.set(await connect(client.topics), client)
      await client.resync()
    }
    /**
     * What web/client/console.ts does on a message: a line's new count is put in place (no request); a call
     * past what the page shows is checked against the console API. Here every call is the officer's own action,
     * whose answer is the console page showing it: its echo is no news.
     */
    const shown = new Map<string, string>()
    /** Counters whose officer acted since their last message: the page the action rendered shows its echo. */
    const acted = new Set<string>()
    const reactToConsoles = async () => {
      for (const message of consoleMessages.splice(0)) {
        const { call, counterId } = message
        if (!call) continue
        if (acted.delete(counterId)) shown.set(counterId, `${call.callSeq}:${call.status}`)
        if (callIsNews(shown.get(counterId) ?? '', call))
          await day.request(
            'http: getCounterConsole (on its call message)',
            'GET',
            `/api/counters/${counterId}/console`,
            officer,
          )
      }
    }

    const tickets = new Map<string, string>()
    let reconnectAt = simulatedDay.opensAt + connectionMinutes * minute
    return {
      async opened() {
        await common.opened()
        for (let i = 0; i < mppDay.boards; i++) await openLong(boardClient)
        for (const counterId of day.counterIds) await openLong(consoleClient(counterId))
      },
      async changed(event) {
        await common.changed(event)
        if (event.counterId) acted.add(event.counterId)
      },
      async until(at) {
        for (const connection of open.values())
          for (; connection.heardAt + connection.silenceMs < at; connection.heardAt += connection.silenceMs) {
            // The client's ping and the answer: two messages, one invocation of `$default`.
            await day.invoke('ws: $default (ping)', async () => defaultLive('ping'))
            count('ping and pong', 2)
          }
        while (reconnectAt < at) {
          day.advance(reconnectAt)
          // The token in the page has long expired: one request for a new one, then the resync.
          for (const [id, client] of [...long]) {
            long.delete(id)
            await disconnect(id)
            await day.request('http: getLiveToken', 'GET', client.tokenPath, officer)
            await openLong(client)
          }
          reconnectAt += connectionMinutes * minute
        }
      },
      async after() {
        const records = await drain()
        if (records.length === 0) return
        await day.invoke('ws: fan-out', () => fanout.handle(records))
        await reactToConsoles()
      },
      async ticketTaken(key, secret) {
        await day.request('http: ticket page', 'GET', `/tiket/${key}/${secret}`)
        tickets.set(key, await connect([`ticket:${key}`]))
        await day.request('http: getTicket (resync)', 'GET', `/api/tickets/${key}/${secret}`)
      },
      async ticketDone(key) {
        const id = tickets.get(key)
        if (id) await disconnect(id)
      },
      async closed() {
        for (const id of [...open.keys()]) await disconnect(id)
      },
    }
  }

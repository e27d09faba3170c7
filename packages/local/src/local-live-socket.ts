import { randomUUID } from 'node:crypto'
import type { Logger } from '@aws-lambda-powertools/logger'
import { upgradeWebSocket } from '@hono/node-server'
import type { LiveSender } from '@mpp/api/live/fanout'
import { connectLive, defaultLive, disconnectLive, type LiveSocketDeps } from '@mpp/api/live/socket-routes'
import type { Subscription } from '@mpp/api/live/subscription-token'
import { Hono } from 'hono'
import type { WSContext } from 'hono/ws'
import { WebSocketServer } from 'ws'

interface Connection {
  subscription: Subscription
  /** Unset between the accepted upgrade and the socket's open; what is sent meanwhile waits in `early`. */
  socket?: WSContext
  early: string[]
  /** Set once its records are being removed, so they are removed once. */
  closed?: Promise<void>
}

/** WebSocket's OPEN ready state. */
const open = 1
/** A handshake accepted but never opened (the client went away) gives its place back after this long. */
const handshakeMs = 10_000

/**
 * The live socket on the node server: `GET /live?token=…` on the app's own port, the rules being `connectLive`,
 * `disconnectLive` and `defaultLive` (the same the `live-socket` Lambda calls). A refused token is refused on the
 * upgrade with `$connect`'s status (401, 403, 429), as API Gateway does. `sender` posts to the open sockets of
 * this process: an unknown connection (one of a previous run, whose record is still in `.data/`) or a closed one
 * is `gone`, so the fan-out prunes its record.
 */
export const createLocalLiveSockets = (deps: LiveSocketDeps & { logger?: Logger }) => {
  // noServer: node-server hands it the upgrades of its own HTTP server (serve's `websocket` option).
  const server = new WebSocketServer({ noServer: true })
  const connections = new Map<string, Connection>()

  const forget = (connectionId: string) => {
    const connection = connections.get(connectionId)
    if (!connection) return Promise.resolve()
    connection.closed ??= disconnectLive(deps, { connectionId, subscription: connection.subscription })
      .catch((error: unknown) => deps.logger?.warn('live disconnect failed', { error }))
      .finally(() => connections.delete(connectionId))
    return connection.closed
  }

  const routes = new Hono().get('/live', async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return c.body(null, 426)
    const connectionId = randomUUID()
    const result = await connectLive(deps, {
      connectionId,
      token: c.req.query('token'),
      host: c.req.header('host') ?? '',
    }).catch((error: unknown) => {
      // The table did not answer: the client backs off and tries again, as after any failed handshake.
      deps.logger?.error('live connect failed', { error })
      return { status: 503 } as const
    })
    if (result.status !== 200) return c.body(null, result.status)
    const connection: Connection = { subscription: result.subscription, early: [] }
    connections.set(connectionId, connection)
    setTimeout(() => connection.socket || void forget(connectionId), handshakeMs).unref()
    return upgradeWebSocket(c, {
      onOpen: (_event, ws) => {
        if (connection.closed) return ws.close(1001)
        connection.socket = ws
        for (const text of connection.early.splice(0)) ws.send(text)
      },
      onMessage: (event, ws) => {
        const reply = defaultLive(typeof event.data === 'string' ? event.data : undefined)
        if (reply) ws.send(reply)
      },
      onClose: () => void forget(connectionId),
    })
  })

  const sender: LiveSender = {
    send: async (connectionId, message) => {
      const connection = connections.get(connectionId)
      if (!connection || connection.closed) return 'gone'
      const text = JSON.stringify(message)
      if (!connection.socket) {
        connection.early.push(text)
        return 'sent'
      }
      if (connection.socket.readyState !== open) return 'gone'
      connection.socket.send(text)
      return 'sent'
    },
  }

  /** Closes every socket ("going away") and waits until their records are removed. */
  const stop = async () => {
    for (const connection of connections.values()) connection.socket?.close(1001, 'server stopping')
    await Promise.all([...connections.keys()].map(forget))
    for (const client of server.clients) client.terminate()
  }

  return { routes, sender, websocket: { server }, stop, openCount: () => connections.size }
}
export type LocalLiveSockets = ReturnType<typeof createLocalLiveSockets>

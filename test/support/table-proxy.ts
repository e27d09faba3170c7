import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP relay in front of DynamoDB Local that a test can make fail the two ways a table does: `pause()` keeps
 * connections open and answers nothing (a stalled table), `stop()` refuses every connection (an unreachable
 * one). `resume()` relays again.
 */
export interface TableProxy {
  endpoint: string
  pause(): void
  stop(): Promise<void>
  resume(): Promise<void>
  close(): Promise<void>
}

export const startTableProxy = async (upstream: string): Promise<TableProxy> => {
  const target = new URL(upstream)
  let paused = false
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const relay = (client: Socket) => {
    track(client)
    const server = connect(Number(target.port), target.hostname)
    track(server)
    // While paused, bytes are swallowed both ways: the client waits for an answer that never comes.
    client.on('data', (chunk) => paused || server.write(chunk))
    server.on('data', (chunk) => paused || client.write(chunk))
    client.on('close', () => server.destroy())
    server.on('close', () => client.destroy())
  }
  let server: Server | undefined
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(relay)
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address()
        if (address && typeof address === 'object') port = address.port
        resolve()
      })
    })
  const stop = async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = undefined
  }
  await listen()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pause: () => {
      paused = true
    },
    stop,
    resume: async () => {
      // A paused connection lost bytes mid-message: start over on fresh ones.
      if (paused) for (const socket of sockets) socket.destroy()
      paused = false
      if (!server) await listen()
    },
    close: stop,
  }
}

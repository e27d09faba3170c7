import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@mpp/local/free-port'

export const demoPassword = 'e2e-demo-password'

export interface LocalServer {
  port: number
  dataDir: string
  /** The file the server's output also goes to, where the browser flows read the mail it prints. */
  logFile: string
  process: ChildProcess
  /** Everything the server printed so far. */
  output: () => string
  stop: () => Promise<number | null>
}

/** Polls a condition until it holds or the deadline passes. */
export const until = async (what: string, check: () => Promise<boolean> | boolean, deadlineMs = 60_000) => {
  const deadline = Date.now() + deadlineMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Runs `npm start` exactly as a developer does, on a free port and a fresh data directory (or the ones given),
 * and waits until it answers its health check.
 */
export const startLocalServer = async (
  options: { dataDir?: string; port?: number; env?: NodeJS.ProcessEnv; waitForHealth?: boolean } = {},
): Promise<LocalServer> => {
  // The same port again restarts a server where its pages (and their sockets) expect it.
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'mpp-e2e-')))
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      MPP_DEMO_PASSWORD: demoPassword,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const logFile = join(dataDir, 'server.log')
  const log = createWriteStream(logFile, { flags: 'a' })
  child.stdout?.on('data', (c) => {
    output += c
    log.write(c)
  })
  child.stderr?.on('data', (c) => {
    output += c
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const server: LocalServer = {
    port,
    dataDir,
    logFile,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
  if (options.waitForHealth !== false) {
    await until(
      `npm start on port ${port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`)
        try {
          return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok
        } catch {
          return false
        }
      },
      120_000,
    )
  }
  return server
}

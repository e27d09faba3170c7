import type { TestProject } from 'vitest/node'
import { startLocalServer } from './local-server'

declare module 'vitest' {
  export interface ProvidedContext {
    port: number
    serverLog: string
  }
}

/**
 * One `npm start` for the browser flows, without the demo history: flows that count what they did need
 * numbers that hold still (demo-history.e2e.ts starts its own server with the history).
 */
export default async function setup(project: TestProject) {
  const server = await startLocalServer({ env: { MPP_DEMO_HISTORY: 'off' } })
  project.provide('port', server.port)
  project.provide('serverLog', server.logFile)
  return async () => {
    await server.stop()
  }
}

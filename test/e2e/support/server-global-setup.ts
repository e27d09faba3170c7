import type { TestProject } from 'vitest/node'
import { startLocalServer } from './local-server'

declare module 'vitest' {
  export interface ProvidedContext {
    port: number
    serverLog: string
  }
}

/** One `npm start` for the browser flows. */
export default async function setup(project: TestProject) {
  const server = await startLocalServer()
  project.provide('port', server.port)
  project.provide('serverLog', server.logFile)
  return async () => {
    await server.stop()
  }
}

import type { TestProject } from 'vitest/node'
import { startLocalServer } from './local-server'

declare module 'vitest' {
  export interface ProvidedContext {
    port: number
  }
}

/** One `npm start` for the browser flows. */
export default async function setup(project: TestProject) {
  const server = await startLocalServer()
  project.provide('port', server.port)
  return async () => {
    await server.stop()
  }
}

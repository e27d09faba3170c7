import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'

const run = promisify(execFile)

/**
 * In a fresh Node process: import the bundled handler (Lambda's init phase) and answer the requests in turn.
 * `performance.now()` counts from the process's start, so `total` includes Node's own boot.
 */
const child = `
const t0 = performance.now()
const { handler } = await import(process.env.BENCH_BUNDLE)
const t1 = performance.now()
const requests = []
for (const event of JSON.parse(process.env.BENCH_EVENTS)) {
  const start = performance.now()
  const res = await handler(event, JSON.parse(process.env.BENCH_CONTEXT))
  requests.push(performance.now() - start)
  if (!(res.statusCode >= 200 && res.statusCode < 300)) throw new Error('status ' + res.statusCode + ' ' + res.body)
}
console.log(JSON.stringify({ boot: t0, init: t1 - t0, firstRequest: requests[0], requests, total: t1 + requests[0] }))
`

export interface ColdStart {
  boot: number
  init: number
  firstRequest: number
  /** Each request's milliseconds, in the order asked. */
  requests: number[]
  /** From the process's start to the first answer. */
  total: number
}

/** One fresh instance: its import, then each event in turn (each must be answered 2xx). */
export const measureColdEvents = async (
  bundle: string,
  env: Record<string, string>,
  events: unknown[],
): Promise<ColdStart> => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], {
    env: {
      ...env,
      PATH: process.env.PATH ?? '',
      BENCH_BUNDLE: bundle,
      BENCH_EVENTS: JSON.stringify(events),
      BENCH_CONTEXT: JSON.stringify(lambdaContext()),
    },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')
}

/** One fresh instance: its import, then one GET for each `[host, path]` (by default the tenant's `/api/tenant`). */
export const measureColdStart = (
  bundle: string,
  env: Record<string, string>,
  host: string,
  requests: [host: string, path: string][] = [[host, '/api/tenant']],
): Promise<ColdStart> =>
  measureColdEvents(
    bundle,
    env,
    requests.map(([h, path]): APIGatewayProxyEventV2 => httpApiEvent({ method: 'GET', host: h, path })),
  )

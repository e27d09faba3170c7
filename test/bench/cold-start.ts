import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'

const run = promisify(execFile)

/**
 * In a fresh Node process: import the bundled handler (Lambda's init phase) and answer one request.
 * `performance.now()` counts from the process's start, so `total` includes Node's own boot.
 */
const child = `
const t0 = performance.now()
const { handler } = await import(process.env.BENCH_BUNDLE)
const t1 = performance.now()
const res = await handler(JSON.parse(process.env.BENCH_EVENT), JSON.parse(process.env.BENCH_CONTEXT))
const t2 = performance.now()
if (res.statusCode !== 200) throw new Error('status ' + res.statusCode + ' ' + res.body)
console.log(JSON.stringify({ boot: t0, init: t1 - t0, firstRequest: t2 - t1, total: t2 }))
`

export interface ColdStart {
  boot: number
  init: number
  firstRequest: number
  total: number
}

export const measureColdStart = async (
  bundle: string,
  env: Record<string, string>,
  host: string,
): Promise<ColdStart> => {
  const event = httpApiEvent({ method: 'GET', host, path: '/api/tenant' })
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], {
    env: {
      ...env,
      PATH: process.env.PATH ?? '',
      BENCH_BUNDLE: bundle,
      BENCH_EVENT: JSON.stringify(event),
      BENCH_CONTEXT: JSON.stringify(lambdaContext()),
    },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')
}

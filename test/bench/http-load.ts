import { Agent, request } from 'node:http'
import { inPool } from './pool'
import { percentile, round } from './stats'

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

export interface HttpCall {
  method: string
  host: string
  path: string
  headers?: Record<string, string>
  body?: string
}

/** One request to the local server; the Host header names the tenant (Node's resolver knows no *.localhost). */
export const send = (port: number, call: HttpCall) =>
  new Promise<{ status: number; body: string; ms: number; setCookie: string[] }>((done, fail) => {
    const started = performance.now()
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: call.method,
        path: call.path,
        agent,
        headers: {
          host: `${call.host}:${port}`,
          ...(call.body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) }
            : {}),
          ...call.headers,
        },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body,
            ms: performance.now() - started,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        )
      },
    )
    req.on('error', fail)
    if (call.body) req.write(call.body)
    req.end()
  })

/** Runs `total` calls with `concurrency` in flight; returns latency percentiles and the statuses seen. */
export const load = async (
  port: number,
  total: number,
  concurrency: number,
  next: (i: number) => HttpCall,
) => {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const seconds = await inPool(total, concurrency, async (i) => {
    const res = await send(port, next(i))
    latencies.push(res.ms)
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
  })
  return {
    requests: total,
    concurrency,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    perSecond: round(total / seconds, 1),
    statuses: Object.fromEntries(statuses),
  }
}

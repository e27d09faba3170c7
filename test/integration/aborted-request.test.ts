import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Logger } from '@aws-lambda-powertools/logger'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

let t: TestApp
let server: ReturnType<typeof serve>
let port = 0
const lines: string[] = []

beforeAll(async () => {
  const base = await createTestApp()
  t = await createTestApp({ db: base.db, logger: new Logger({ serviceName: 'mpp-test', logLevel: 'INFO' }) })
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('a request the client aborts', () => {
  it('is no error: nothing is logged at ERROR', async () => {
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk))
        return true
      })
    const arrived = new Promise((resolve) => server.once('request', resolve))
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: {
        host: tenants.lubuklinggau.host,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
    })
    req.on('error', () => {})
    req.write('{"email": "admin@lubuklinggau.test", ')
    await arrived
    req.destroy()
    const deadline = Date.now() + 5000
    while (!lines.some((l) => /aborted|unhandled error/.test(l)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50))
    vi.restoreAllMocks()
    expect(lines.filter((l) => l.includes('"level":"ERROR"'))).toEqual([])
    expect(lines.some((l) => l.includes('request aborted by the client'))).toBe(true)
  })
})

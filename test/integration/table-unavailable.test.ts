import { createDb } from '@mpp/db/client'
import { seedDemo } from '@mpp/local/seed/seed-demo'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { json } from '../support/queue-helpers'
import { startTableProxy, type TableProxy } from '../support/table-proxy'
import {
  createTestApp,
  loginCookie,
  platformHost,
  type TestApp,
  tenants,
  testPassword,
} from '../support/test-app'
import { createTestDb } from '../support/test-db'

const llg = tenants.lubuklinggau.host
// Short so the test is quick; production's are 1 s, 2 s and 3 attempts (packages/db/src/client.ts).
const timeouts = { connectionMs: 300, requestMs: 400, attempts: 2 }
// Every attempt's timeout plus the SDK's backoff between them (at most about 100 ms here), with room to spare.
const answerWithinMs = timeouts.attempts * (timeouts.connectionMs + timeouts.requestMs) + 1500

let proxy: TableProxy
let t: TestApp
let officer: string
let ministry: string

beforeAll(async () => {
  const direct = await createTestDb()
  await seedDemo(direct, testPassword)
  proxy = await startTableProxy(inject('dynamoEndpoint'))
  t = await createTestApp({
    db: createDb({ tableName: direct.tableName, endpoint: proxy.endpoint, region: 'local', timeouts }),
  })
  officer = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
  ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
  // The tenant is known to this instance (its host cache), as on a warm Lambda: the routes themselves meet the
  // failure, not only the lookup of the host.
  expect((await t.request(llg, '/api/tenant')).status).toBe(200)
})

afterAll(() => proxy?.close())

/** One request of each kind: citizen and staff, JSON and page, reads and writes, tenant and platform hosts. */
const requests = (): [string, () => Promise<Response>][] => [
  ['a citizen reads the services', () => t.request(llg, '/api/services')],
  ['the display board reads the queue', () => t.request(llg, '/api/board')],
  [
    'a citizen takes a ticket',
    () =>
      t.request(
        llg,
        '/api/tickets',
        json({ serviceId: 'disdukcapil-ktp-el' }, { 'idempotency-key': 'retry-after-outage-1' }),
      ),
  ],
  ["a citizen opens the MPP's home page", () => t.request(llg, '/')],
  ['an officer opens the console', () => t.request(llg, '/staf/loket', { headers: { cookie: officer } })],
  [
    'someone logs in',
    () =>
      t.request(llg, '/api/auth/login', json({ email: 'admin@lubuklinggau.test', password: testPassword })),
  ],
  [
    'the ministry reads the statistics',
    () =>
      t.request(platformHost, '/api/stats/national?from=2026-09&to=2026-11', {
        headers: { cookie: ministry },
      }),
  ],
  ['a visitor opens the platform', () => t.request(platformHost, '/')],
  ['a host this instance has not seen yet', () => t.request('palembang.localhost', '/api/tenant')],
]

const expectUnavailable = async (res: Response) => {
  expect(res.status).toBe(503)
  expect(res.headers.get('retry-after')).toBe('5')
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('application/json')) {
    const body = await res.json()
    expect(body.error.code).toBe('unavailable')
    expect(body.error.message).toMatch(/sementara tidak tersedia/)
  } else {
    expect(type).toMatch(/text\/html/)
    expect(await res.text()).toContain('Layanan sedang sibuk')
  }
}

describe.each([
  ['stalled (connections open, nothing answers)', () => proxy.pause()],
  ['unreachable (connections refused)', () => proxy.stop()],
])('with the table %s', (_, fail) => {
  beforeAll(async () => {
    await fail()
  })
  afterAll(() => proxy.resume())

  it.each(requests())('%s: 503 with Retry-After within the timeouts', async (_, send) => {
    const started = performance.now()
    const res = await send()
    expect(performance.now() - started).toBeLessThan(answerWithinMs)
    await expectUnavailable(res)
  })
})

describe('once the table answers again', () => {
  it('serves as before, and the ticket that was refused can be taken', async () => {
    expect((await t.request(llg, '/api/services')).status).toBe(200)
    const res = await t.request(
      llg,
      '/api/tickets',
      json({ serviceId: 'disdukcapil-ktp-el' }, { 'idempotency-key': 'retry-after-outage-1' }),
    )
    expect(res.status).toBe(201)
  })
})

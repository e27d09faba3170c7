import { Logger } from '@aws-lambda-powertools/logger'
import { createDb } from '@mpp/db/client'
import { en } from '@mpp/web/i18n/en'
import { id } from '@mpp/web/i18n/id'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, loginCookie, type TestApp, tenants, testPassword } from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterEach(() => {
  vi.restoreAllMocks()
})

const llg = tenants.lubuklinggau.host
const post = (body: BodyInit, contentType = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body,
})

/** Every refusal has exactly the documented shape, and never a stack trace. */
const expectErrorShape = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  const text = await res.text()
  expect(text).not.toMatch(/at .*\.(ts|js):\d+/)
  const body = JSON.parse(text)
  expect(Object.keys(body)).toEqual(['error'])
  expect(body.error.code).toBe(code)
  expect(typeof body.error.message).toBe('string')
  expect(body.error.message.length).toBeGreaterThan(5)
  return body.error as { code: string; message: string; details?: { path: string; message: string }[] }
}

describe('bad input gets a clear 4xx, never a 500', () => {
  it('malformed JSON', async () => {
    await expectErrorShape(await t.request(llg, '/api/auth/login', post('{"email": ')), 400, 'malformed_json')
  })

  it('wrong types, with the failing fields named', async () => {
    const error = await expectErrorShape(
      await t.request(llg, '/api/auth/login', post(JSON.stringify({ email: 42, password: ['x'] }))),
      400,
      'invalid_request',
    )
    expect(error.details?.map((d) => d.path).sort()).toEqual(['email', 'password'])
  })

  it('unknown fields', async () => {
    const error = await expectErrorShape(
      await t.request(
        llg,
        '/api/auth/login',
        post(JSON.stringify({ email: 'admin@lubuklinggau.test', password: testPassword, role: 'ministry' })),
      ),
      400,
      'invalid_request',
    )
    expect(error.details).toEqual([{ path: 'role', message: 'Isian ini tidak dikenal' }])
  })

  it('a body that is not JSON at all', async () => {
    const init = post('email=x', 'text/plain')
    const res = await t.request(llg, '/api/auth/login', {
      ...init,
      headers: { ...init.headers, origin: `http://${llg}` },
    })
    await expectErrorShape(res, 400, 'invalid_request')
  })

  it('oversized bodies (over 1 MB)', async () => {
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024) })
    await expectErrorShape(await t.request(llg, '/api/auth/login', post(big)), 413, 'payload_too_large')
  })

  it('an invalid query parameter', async () => {
    await expectErrorShape(
      await t.request(llg, '/api/services?agencyId=NOT%20AN%20ID'),
      400,
      'invalid_request',
    )
  })

  it.each([
    ['/api/appointments/slots?serviceId=disdukcapil-ktp&date=2026-02-30', 'date', '2026-02-30'],
    ['/api/appointments/slots?serviceId=disdukcapil-ktp&date=2026-13-01', 'date', '2026-13-01'],
    ['/api/stats?from=2026-13', 'from', '2026-13'],
    ['/api/satisfaction?from=2026-02-30', 'from', '2026-02-30'],
  ])('a date that does not exist (%s) names its field and does not repeat it', async (path, field, value) => {
    const cookie = await loginCookie(t, llg, 'admin@lubuklinggau.test')
    const error = await expectErrorShape(
      await t.request(llg, path, { headers: { cookie } }),
      400,
      'invalid_request',
    )
    expect(error.details?.map((d) => d.path)).toContain(field)
    expect(JSON.stringify(error.details)).not.toContain(value)
  })

  it.each([
    ['date', '2026-02-30'],
    ['date', '2026-13-01'],
    ['time', '99:99'],
    ['time', '24:00'],
  ])('a booking for a %s that does not exist (%s) is a 400, not a 500', async (field, value) => {
    const booking = {
      serviceId: 'disdukcapil-ktp',
      date: '2026-11-26',
      time: '09:00',
      phone: '081234567890',
      phoneCode: '123456',
      [field]: value,
    }
    const init = post(JSON.stringify(booking))
    const res = await t.request(llg, '/api/appointments', {
      ...init,
      headers: { ...init.headers, origin: `http://${llg}` },
    })
    const error = await expectErrorShape(res, 400, 'invalid_request')
    expect(error.details?.map((d) => d.path)).toEqual([field])
  })

  it('an empty ticket key in a counter action is a 400, not a 500', async () => {
    const cookie = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const res = await t.request(llg, '/api/counters/loket-1/recall', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://${llg}`, cookie },
      body: JSON.stringify({ ticketKey: '' }),
    })
    const error = await expectErrorShape(res, 400, 'invalid_request')
    expect(error.details?.map((d) => d.path)).toEqual(['ticketKey'])
  })

  it('words every refused field for a person, in the language asked, never with the input', async () => {
    const cookie = await loginCookie(t, llg, 'admin@lubuklinggau.test')
    const get = async (path: string) =>
      expectErrorShape(await t.request(llg, path, { headers: { cookie } }), 400, 'invalid_request')
    expect((await get('/api/stats?from=2026-13')).details).toEqual([
      { path: 'from', message: id.issues.month },
    ])
    expect((await get('/api/stats?from=2026-11&to=2026-09&lang=en')).details).toEqual([
      { path: 'to', message: en.issues.notBeforeStart },
    ])
    expect((await get('/api/satisfaction?from=2026-02-30')).details).toEqual([
      { path: 'from', message: id.issues.realDate },
    ])
    expect((await get('/api/satisfaction?from=2025-01-01&to=2026-12-31')).details).toEqual([
      { path: 'from', message: id.issues.maxDays(366) },
    ])
    expect((await get('/api/stats?wait=17&rank=<b>x</b>')).details).toEqual([
      { path: 'wait', message: id.issues.chooseOption },
      { path: 'rank', message: id.issues.chooseOption },
    ])
  })

  it('words a refused JSON body field by field, and unknown ids without repeating them', async () => {
    const cookie = await loginCookie(t, llg, 'admin@lubuklinggau.test')
    const put = (body: unknown) =>
      t.request(llg, '/api/admin/queues/antrean-uji', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: `http://${llg}`, cookie },
        body: JSON.stringify(body),
      })
    const queue = {
      prefix: 'Q',
      name: 'Antrean uji',
      serviceIds: [],
      dailyCapacity: 10,
      onlineSharePercent: 50,
    }
    const bad = await expectErrorShape(
      await put({ ...queue, prefix: 'q1', name: '', dailyCapacity: 1.5 }),
      400,
      'invalid_request',
    )
    expect(Object.fromEntries((bad.details ?? []).map((d) => [d.path, d.message]))).toMatchObject({
      prefix: id.issues.queuePrefix,
      name: id.issues.required,
      dailyCapacity: id.issues.wholeNumber,
    })
    const unknown = await expectErrorShape(
      await put({ ...queue, serviceIds: ['layanan-tidak-ada'] }),
      400,
      'invalid_request',
    )
    expect(unknown.details).toEqual([{ path: 'serviceIds', message: id.issues.noLongerExists }])
  })

  it('unknown API paths', async () => {
    await expectErrorShape(await t.request(llg, '/api/nothing-here'), 404, 'not_found')
  })

  it('answers in English when asked', async () => {
    const res = await t.request(llg, '/api/auth/login?lang=en', post('{'))
    expect((await res.json()).error.message).toBe('The request body is not valid JSON.')
  })
})

describe('health', () => {
  it('answers 200 when the table is reachable', async () => {
    const res = await t.request('anything.example', '/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers 503 in the error shape when the table is not', async () => {
    const broken = await createTestApp({
      db: createDb({ tableName: 'missing-table', endpoint: 'http://127.0.0.1:9', region: 'local' }),
    })
    const res = await broken.request('localhost', '/api/health')
    await expectErrorShape(res, 503, 'unavailable')
  })
})

describe('responses', () => {
  it('carry a request id header and security headers', async () => {
    const res = await t.request(llg, '/')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })

  it('ignore a request id the client sends', async () => {
    const res = await t.request(llg, '/api/tenant', { headers: { 'x-request-id': 'forged' } })
    expect(res.headers.get('x-request-id')).not.toBe('forged')
  })

  it('write the request id and the tenant on every log line', async () => {
    const lines: string[] = []
    const logged = await createTestApp({
      db: t.db,
      logger: new Logger({ serviceName: 'mpp-test', logLevel: 'INFO' }),
    })
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    const res = await logged.request(
      llg,
      '/api/auth/login',
      post(JSON.stringify({ email: 'admin@lubuklinggau.test', password: testPassword })),
    )
    vi.restoreAllMocks()
    expect(res.status).toBe(200)
    const records = lines.map((l) => JSON.parse(l))
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      expect(record.requestId).toBe(res.headers.get('x-request-id'))
      expect(record.tenant).toBe('16.73')
    }
  })
})

describe('OpenAPI', () => {
  it('documents the 503 of every operation with its Retry-After header', async () => {
    const doc = await (await t.request(llg, '/api/openapi.json')).json()
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>,
    ).flatMap((methods) => Object.values(methods))
    expect(operations.length).toBeGreaterThan(50)
    for (const op of operations) expect(op.responses['503']?.headers).toHaveProperty('Retry-After')
  })

  it('documents every API route with an operationId', async () => {
    const doc = await (await t.request(llg, '/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, id: op.operationId })),
    )
    for (const op of operations) expect(op.id, `${op.method} ${op.path}`).toMatch(/^[a-z][A-Za-z]+$/)
    expect(operations.map((o) => o.id).sort()).toEqual(
      expect.arrayContaining([
        'getHealth',
        'getSession',
        'getTenant',
        'listAgencies',
        'listServices',
        'login',
        'logout',
      ]),
    )
    // Every /api route the app serves is in the document.
    const documented = new Set(
      operations.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`)
    for (const route of served) expect(documented, route).toContain(route)
    expect(doc.components.schemas).toHaveProperty('Error')
  })
})

describe('catalog API', () => {
  it("returns the host's tenant, agencies and services", async () => {
    const tenant = await (await t.request(tenants.samarinda.host, '/api/tenant')).json()
    expect(tenant).toMatchObject({ id: '64.72', slug: 'samarinda', timeZone: 'Asia/Makassar' })
    const { agencies } = await (await t.request(tenants.samarinda.host, '/api/agencies')).json()
    expect(agencies.map((a: { id: string }) => a.id)[0]).toBe('disdukcapil')
    const { services } = await (
      await t.request(tenants.samarinda.host, '/api/services?agencyId=samsat')
    ).json()
    expect(services).toHaveLength(1)
    expect(services[0]).toMatchObject({ id: 'samsat-pkb', agencyId: 'samsat' })
  })

  it('has no tenant routes on the platform host', async () => {
    await expectErrorShape(await t.request('localhost', '/api/agencies'), 404, 'not_found')
  })
})

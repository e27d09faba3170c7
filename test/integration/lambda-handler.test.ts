import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'
import { lambdaRoot, stubLambdaEnvironment } from '../support/lambda-env'
import { testPassword } from '../support/test-app'

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>
let handler: Handler

const root = lambdaRoot
const llg = `lubuklinggau.${root}`
const plg = `palembang.${root}`

beforeAll(async () => {
  await stubLambdaEnvironment({ POWERTOOLS_LOG_LEVEL: 'INFO' })
  handler = (await import('../../functions/http')).handler as unknown as Handler
})

const invoke = (input: Parameters<typeof httpApiEvent>[0]) => handler(httpApiEvent(input), lambdaContext())

const sessionCookie = (result: APIGatewayProxyStructuredResultV2) =>
  (result.cookies ?? []).find((c) => c.startsWith('__Host-mpp_session='))

const login = (host: string, email: string) =>
  invoke({
    method: 'POST',
    host,
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json', origin: `https://${host}` },
    body: JSON.stringify({ email, password: testPassword }),
  })

describe('the Lambda handler with API Gateway HTTP API events', () => {
  it("serves a tenant's home page on its custom domain", async () => {
    const result = await invoke({ method: 'GET', host: llg, path: '/' })
    expect(result.statusCode).toBe(200)
    expect(result.headers?.['content-type']).toMatch(/text\/html/)
    expect(result.body).toContain('Mal Pelayanan Publik Kota Lubuklinggau')
  })

  it("uses API Gateway's request id", async () => {
    const event = httpApiEvent({ method: 'GET', host: llg, path: '/api/tenant' })
    const result = await handler(event, lambdaContext())
    expect(result.headers?.['x-request-id']).toBe(event.requestContext.requestId)
  })

  it('logs in and returns the session as a Secure host-only cookie in `cookies`', async () => {
    const result = await login(llg, 'admin@lubuklinggau.test')
    expect(result.statusCode).toBe(200)
    const cookie = sessionCookie(result) ?? ''
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).not.toMatch(/Domain=/i)

    const session = await invoke({
      method: 'GET',
      host: llg,
      path: '/api/auth/session',
      cookies: [cookie.split(';')[0] as string],
    })
    expect(session.statusCode).toBe(200)
    expect(JSON.parse(session.body ?? '{}')).toMatchObject({
      email: 'admin@lubuklinggau.test',
      tenantId: '16.73',
    })
  })

  it("refuses a Palembang session on Lubuklinggau's domain", async () => {
    const cookie = sessionCookie(await login(plg, 'admin@palembang.test'))?.split(';')[0] as string
    const result = await invoke({ method: 'GET', host: llg, path: '/api/auth/session', cookies: [cookie] })
    expect(result.statusCode).toBe(401)
    expect(JSON.parse(result.body ?? '{}').error.code).toBe('unauthorized')
  })

  it('takes a base64-encoded form body, as API Gateway sends some bodies', async () => {
    const form = new URLSearchParams({
      email: 'petugas@lubuklinggau.test',
      password: testPassword,
    }).toString()
    const result = await invoke({
      method: 'POST',
      host: llg,
      path: '/masuk',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${llg}` },
      body: Buffer.from(form).toString('base64'),
      base64: true,
    })
    expect(result.statusCode).toBe(303)
    expect(result.headers?.location).toBe('/staf')
    expect(sessionCookie(result)).toBeDefined()
  })

  it('answers malformed JSON with 400 in the error shape', async () => {
    const result = await invoke({
      method: 'POST',
      host: llg,
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    })
    expect(result.statusCode).toBe(400)
    expect(JSON.parse(result.body ?? '{}').error.code).toBe('malformed_json')
  })

  it('writes JSON log lines with the request id, the tenant and the Lambda context', async () => {
    const lines: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    const event = httpApiEvent({
      method: 'POST',
      host: llg,
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@lubuklinggau.test', password: testPassword }),
    })
    const context = lambdaContext()
    await handler(event, context)
    spy.mockRestore()
    const records = lines.map((l) => JSON.parse(l))
    expect(records.length).toBeGreaterThan(0)
    for (const r of records) {
      expect(r.requestId).toBe(event.requestContext.requestId)
      expect(r.tenant).toBe('16.73')
      expect(r.function_request_id).toBe(context.awsRequestId)
    }
  })

  it('serves the platform on the apex domain', async () => {
    const result = await invoke({ method: 'GET', host: root, path: '/' })
    expect(result.statusCode).toBe(200)
    expect(result.body).toContain('4 dari 514 kabupaten/kota')
  })

  it('lets forms post only to the app and to the uploads bucket', async () => {
    const result = await invoke({ method: 'GET', host: root, path: '/daftar' })
    const csp = String(result.headers?.['content-security-policy'] ?? '')
    expect(csp).toContain(
      "form-action 'self' https://mpp-files-test.s3.ap-southeast-3.amazonaws.com https://mpp-files-test.s3.amazonaws.com;",
    )
  })
})

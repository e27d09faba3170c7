import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { beforeAll, describe, expect, it } from 'vitest'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'
import { lambdaRoot, stubLambdaEnvironment } from '../support/lambda-env'
import { testPassword } from '../support/test-app'

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>
const handlers: Record<'http' | 'citizen' | 'staff' | 'platform', Handler> = {} as never

const llg = `lubuklinggau.${lambdaRoot}`
const plg = `palembang.${lambdaRoot}`

beforeAll(async () => {
  await stubLambdaEnvironment({})
  const load = async (path: string) => (await import(path)).handler as unknown as Handler
  handlers.http = await load('../../functions/http')
  handlers.citizen = await load('../../functions/by-audience/citizen')
  handlers.staff = await load('../../functions/by-audience/staff')
  handlers.platform = await load('../../functions/by-audience/platform')
})

const invoke = (fn: keyof typeof handlers, input: Parameters<typeof httpApiEvent>[0]) =>
  handlers[fn](httpApiEvent(input), lambdaContext())

/** A session from the whole app's login (API Gateway sends /api/auth/* to http). */
const login = async (host: string, email: string) => {
  const result = await invoke('http', {
    method: 'POST',
    host,
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json', origin: `https://${host}` },
    body: JSON.stringify({ email, password: testPassword }),
  })
  expect(result.statusCode).toBe(200)
  return ((result.cookies ?? [])[0] ?? '').split(';')[0] as string
}

describe('the functions by audience (Lambda handlers, API Gateway events)', () => {
  it("citizen: serves a tenant's home page and the platform's, and answers nothing of the staff's", async () => {
    const home = await invoke('citizen', { method: 'GET', host: llg, path: '/' })
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Mal Pelayanan Publik Kota Lubuklinggau')
    expect((await invoke('citizen', { method: 'GET', host: lambdaRoot, path: '/' })).statusCode).toBe(200)
    const staff = await invoke('citizen', { method: 'GET', host: llg, path: '/api/counters' })
    expect(staff.statusCode).toBe(404)
  })

  it("staff: the officer's counters with a session of the MPP, and no session of another MPP", async () => {
    const cookie = await login(llg, 'petugas@lubuklinggau.test')
    const counters = await invoke('staff', {
      method: 'GET',
      host: llg,
      path: '/api/counters',
      cookies: [cookie],
    })
    expect(counters.statusCode).toBe(200)
    const elsewhere = await invoke('staff', {
      method: 'GET',
      host: plg,
      path: '/api/counters',
      cookies: [cookie],
    })
    expect(elsewhere.statusCode).toBe(401)
  })

  it("platform: the ministry's statistics with a ministry session, not with a tenant's", async () => {
    const ministry = await login(lambdaRoot, 'kementerian@panrb.test')
    const stats = await invoke('platform', {
      method: 'GET',
      host: lambdaRoot,
      path: '/api/stats/national',
      cookies: [ministry],
    })
    expect(stats.statusCode).toBe(200)
    const officer = await login(llg, 'petugas@lubuklinggau.test')
    const refused = await invoke('platform', {
      method: 'GET',
      host: llg,
      path: '/api/stats/national',
      cookies: [officer],
    })
    expect([401, 403, 404]).toContain(refused.statusCode)
  })
})

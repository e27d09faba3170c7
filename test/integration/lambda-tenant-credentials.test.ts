import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'
import { lambdaRoot, stubLambdaEnvironment } from '../support/lambda-env'
import { startStsStandIn } from '../support/sts-stand-in'

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>

const root = lambdaRoot
const roleArn = 'arn:aws:iam::111111111111:role/MppCloud-TenantRole'
let sts: Awaited<ReturnType<typeof startStsStandIn>>
let handler: Handler

beforeAll(async () => {
  sts = await startStsStandIn()
  await stubLambdaEnvironment({
    AWS_ACCESS_KEY_ID: 'the-http-function',
    AWS_SECRET_ACCESS_KEY: 'the-http-function',
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    TENANT_ROLE_ARN: roleArn,
  })
  handler = (await import('../../functions/http')).handler as unknown as Handler
})
afterAll(() => sts?.close())

const get = async (host: string, path: string) => {
  const result = await handler(httpApiEvent({ method: 'GET', host, path }), lambdaContext())
  expect(result.statusCode, result.body).toBe(200)
}

describe("a tenant host's table requests, in AWS", () => {
  it('are signed with the tenant role assumed for that tenant, tagged with its code', async () => {
    await get(`lubuklinggau.${root}`, '/api/services')
    expect(sts.calls).toEqual([{ roleArn, sessionName: 'tenant-16.73', tags: { tenant: '16.73' } }])
  })

  it('assume the role once per tenant per instance, however many requests follow', async () => {
    await get(`lubuklinggau.${root}`, '/api/services')
    await get(`lubuklinggau.${root}`, '/')
    await get(`lubuklinggau.${root}`, '/layanan-bergerak')
    expect(sts.calls).toHaveLength(1)
    await get(`palembang.${root}`, '/api/services')
    await get(`palembang.${root}`, '/')
    expect(sts.calls.map((call) => call.tags)).toEqual([{ tenant: '16.73' }, { tenant: '16.71' }])
  })

  it("the platform host's use the function's own role, assuming none", async () => {
    await get(root, '/')
    await get(root, '/api/health')
    expect(sts.calls).toHaveLength(2)
  })
})

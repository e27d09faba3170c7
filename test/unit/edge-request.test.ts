import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { Hono } from 'hono'
import { getConnInfo, handle } from 'hono/aws-lambda'
import { describe, expect, it } from 'vitest'
import { edgeHeaders, onlyFromEdge } from '../../functions/edge-request'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>

const secret = 'Zq8WJ3k1vH7pN2mX5cR9tB4yL6dF0sA8eG3hK7uP1wQ5zV2x'
const apiHost = 'a1b2c3d4e5.execute-api.ap-southeast-3.amazonaws.com'
const viewerHost = 'lubuklinggau.mpp.example.go.id'
// API Gateway's sourceIp behind CloudFront is the edge's own address.
const edgeAddress = '198.51.100.23'

/** An event as API Gateway hands it over when CloudFront forwarded the request (or someone posing as it). */
const eventFromEdge = (headers: Record<string, string>, method = 'POST', host = apiHost) =>
  httpApiEvent({
    method,
    host,
    path: '/api/tickets',
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : '{"serviceId":"svc-1"}',
  })

const fromCloudFront = (viewerAddress: string) => ({
  [edgeHeaders.originSecret]: secret,
  [edgeHeaders.host]: viewerHost,
  [edgeHeaders.viewerAddress]: viewerAddress,
})

/** `onlyFromEdge` around a handler that records what it was given. */
const guarded = () => {
  const seen: APIGatewayProxyEventV2[] = []
  const handler = onlyFromEdge(
    secret,
    async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
      seen.push(event)
      return { statusCode: 200, body: 'app' }
    },
  )
  return { seen, handler }
}

describe('requests that did not come through CloudFront', () => {
  it.each([
    ['no secret', {}],
    ['a wrong secret', { [edgeHeaders.originSecret]: `${secret.slice(0, -1)}y` }],
    ['a prefix of the secret', { [edgeHeaders.originSecret]: secret.slice(0, 10) }],
    ['an empty secret', { [edgeHeaders.originSecret]: '' }],
  ])('with %s are refused 403 in the app error shape and never reach the app', async (_, headers) => {
    const { seen, handler } = guarded()
    const result = await handler(
      eventFromEdge({
        ...headers,
        [edgeHeaders.host]: viewerHost,
        [edgeHeaders.viewerAddress]: '203.0.113.9',
      }),
      lambdaContext(),
    )
    expect(seen).toEqual([])
    expect(result.statusCode).toBe(403)
    expect(result.headers?.['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(result.body ?? '')
    expect(Object.keys(body)).toEqual(['error'])
    expect(body.error.code).toBe('forbidden')
    expect(body.error.message).toMatch(/\S/)
  })
})

describe('requests through CloudFront', () => {
  it("reach the app with the viewer's host and IPv4 address, and without the secret", async () => {
    const { seen, handler } = guarded()
    const sent = eventFromEdge(fromCloudFront('203.0.113.9'))
    const result = await handler(sent, lambdaContext())
    expect(result).toEqual({ statusCode: 200, body: 'app' })
    expect(seen).toHaveLength(1)
    const event = seen[0] as APIGatewayProxyEventV2
    expect(event.headers.host).toBe(viewerHost)
    expect(event.requestContext.domainName).toBe(viewerHost)
    expect(event.requestContext.domainPrefix).toBe('lubuklinggau')
    expect(event.requestContext.http.sourceIp).toBe('203.0.113.9')
    expect(event.headers[edgeHeaders.originSecret]).toBeUndefined()
    expect(JSON.stringify(event)).not.toContain(secret)
    // The rest of the request is as it came, and the original event is left alone.
    expect(event.body).toBe(sent.body)
    expect(event.rawPath).toBe('/api/tickets')
    expect(event.requestContext.http.method).toBe('POST')
    expect(event.headers['content-type']).toBe('application/json')
    expect(sent.requestContext.domainName).toBe(apiHost)
    expect(sent.headers[edgeHeaders.originSecret]).toBe(secret)
  })

  it("reach the app with the viewer's IPv6 address", async () => {
    const { seen, handler } = guarded()
    await handler(eventFromEdge(fromCloudFront('2001:db8:3c4d:15::1a2f:1a2b')), lambdaContext())
    expect(seen[0]?.requestContext.http.sourceIp).toBe('2001:db8:3c4d:15::1a2f:1a2b')
  })

  it('keep API Gateway’s address when the viewer address is not an IP address', async () => {
    const { seen, handler } = guarded()
    await handler(eventFromEdge(fromCloudFront('203.0.113.9, 10.0.0.1')), lambdaContext())
    expect(seen[0]?.requestContext.http.sourceIp).toBe(edgeAddress)
  })

  it("reach the app with the viewer's host when API Gateway answered at its custom domain origin.{rootDomain}", async () => {
    const { seen, handler } = guarded()
    const originHost = 'origin.mpp.example.go.id'
    const sent = eventFromEdge(fromCloudFront('203.0.113.9'), 'GET', originHost)
    expect(sent.requestContext.domainName).toBe(originHost)
    await handler(sent, lambdaContext())
    expect(seen[0]?.headers.host).toBe(viewerHost)
    expect(seen[0]?.requestContext.domainName).toBe(viewerHost)
    expect(seen[0]?.requestContext.domainPrefix).toBe('lubuklinggau')
  })

  it("make hono/aws-lambda give the app the viewer's URL and address", async () => {
    const app = new Hono().all('*', (c) =>
      c.json({ url: c.req.url, host: c.req.header('host'), address: getConnInfo(c).remote.address }),
    )
    // As in test/integration/lambda-handler.test.ts: hono's own event type differs from aws-lambda's in details.
    const serve = handle(app) as unknown as Handler
    const handler = onlyFromEdge(secret, serve)
    const result = await handler(eventFromEdge(fromCloudFront('2001:db8::7'), 'GET'), lambdaContext())
    expect(result.statusCode).toBe(200)
    expect(JSON.parse(result.body ?? '')).toEqual({
      url: `https://${viewerHost}/api/tickets`,
      host: viewerHost,
      address: '2001:db8::7',
    })
  })
})

import { mintSubscriptionToken } from '@mpp/api/live/subscription-token'
import { systemClock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import { putLiveConnections, queryLiveConnections } from '@mpp/db/live-connection-repository'
import { inTenantScope } from '@mpp/db/tenant-scope'
import type { APIGatewayAuthorizerResult } from 'aws-lambda'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LiveSocketResult } from '../../functions/live-socket'
import { lambdaContext } from '../support/api-gateway-event'
import { stubLambdaEnvironment } from '../support/lambda-env'
import {
  authorizerEvent,
  connectEvent,
  disconnectEvent,
  messageEvent,
  newConnectionId,
} from '../support/websocket-event'

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayAuthorizerResult | LiveSocketResult>
let handler: Handler
let db: Db
const secret = 'lambda-test-secret-long-enough-for-hmac'
const llg = '16.73'
const plg = '16.71'

beforeAll(async () => {
  db = await stubLambdaEnvironment({ SESSION_SECRET: secret })
  handler = (await import('../../functions/live-socket')).handler as unknown as Handler
})

const token = (tenantId: string, topics: ('board' | `ticket:${string}`)[], at = systemClock()) =>
  mintSubscriptionToken(secret, { tenantId, topics }, at).token

const authorize = (connectionId: string, t?: string) =>
  handler(authorizerEvent(connectionId, t), lambdaContext()) as Promise<APIGatewayAuthorizerResult>

const route = (event: unknown) => handler(event, lambdaContext()) as Promise<LiveSocketResult>

const boardConnections = (tenantId: string) =>
  inTenantScope(tenantId, () => queryLiveConnections(db, tenantId, 'board', systemClock()))

const statementOf = (result: APIGatewayAuthorizerResult) =>
  result.policyDocument.Statement[0] as {
    Effect: string
    Resource: string
  }

describe('the live-socket Lambda with API Gateway WebSocket events', () => {
  it('connects a board token through the authorizer, answers a ping and removes the record at $disconnect', async () => {
    const connectionId = newConnectionId()
    const t = token(llg, ['board'])
    const event = authorizerEvent(connectionId, t)
    const allowed = (await handler(event, lambdaContext())) as APIGatewayAuthorizerResult
    expect(statementOf(allowed)).toMatchObject({ Effect: 'Allow', Resource: event.methodArn })
    expect(allowed.context).toEqual({ tenantId: llg, topics: JSON.stringify(['board']) })
    expect((await boardConnections(llg)).map((c) => c.connectionId)).toContain(connectionId)

    expect(await route(connectEvent(connectionId, allowed, t))).toEqual({ statusCode: 200 })
    expect(await route(messageEvent(connectionId, allowed, 'ping'))).toEqual({
      statusCode: 200,
      body: JSON.stringify({ type: 'pong' }),
    })
    expect(await route(messageEvent(connectionId, allowed, '{"type":"subscribe"}'))).toEqual({
      statusCode: 200,
    })

    expect(await route(disconnectEvent(connectionId, allowed))).toEqual({ statusCode: 200 })
    expect((await boardConnections(llg)).map((c) => c.connectionId)).not.toContain(connectionId)
  })

  it('refuses a forged, an expired and a missing token with Unauthorized (API Gateway answers 401), writing nothing', async () => {
    const valid = token(llg, ['board'])
    const [payload] = valid.split('.')
    const forged = `${payload}.${Buffer.from('not the signature').toString('base64url')}`
    const expired = token(llg, ['board'], new Date(systemClock().getTime() - 3600_000))
    const palembangAsLubuklinggau = `${token(plg, ['board']).split('.')[0]}.${valid.split('.')[1]}`
    for (const t of [forged, expired, palembangAsLubuklinggau, undefined]) {
      const connectionId = newConnectionId()
      await expect(authorize(connectionId, t)).rejects.toThrow(/^Unauthorized$/)
      for (const tenant of [llg, plg])
        expect((await boardConnections(tenant)).map((c) => c.connectionId)).not.toContain(connectionId)
    }
  })

  it('denies a token of a tenant that does not exist (API Gateway answers 403)', async () => {
    const denied = await authorize(newConnectionId(), token('99.99', ['board']))
    expect(statementOf(denied).Effect).toBe('Deny')
    expect(denied.context).toBeUndefined()
  })

  it("keeps a Palembang connection's records in Palembang's partition only", async () => {
    const connectionId = newConnectionId()
    await authorize(connectionId, token(plg, ['board']))
    expect((await boardConnections(plg)).map((c) => c.connectionId)).toContain(connectionId)
    expect((await boardConnections(llg)).map((c) => c.connectionId)).not.toContain(connectionId)
  })

  it("answers 429 at $connect once the tenant's connections reach the cap, and $disconnect of it removes nothing", async () => {
    const tenant = '64.72'
    const now = systemClock()
    const open = Array.from({ length: 1000 }, (_, i) => ({
      connectionId: `open-${i}=`,
      topic: 'board' as const,
      connectedAt: now.toISOString(),
    }))
    await inTenantScope(tenant, () => putLiveConnections(db, tenant, open, now))
    const connectionId = newConnectionId()
    const t = token(tenant, ['board'])
    const refused = await authorize(connectionId, t)
    expect(statementOf(refused).Effect).toBe('Allow')
    expect(await route(connectEvent(connectionId, refused, t))).toEqual({ statusCode: 429 })
    expect(await boardConnections(tenant)).toHaveLength(1000)
    await route(disconnectEvent(connectionId, refused))
    expect(await boardConnections(tenant)).toHaveLength(1000)
  })

  it('answers a base64 message as API Gateway sends a binary frame', async () => {
    const event = messageEvent(
      newConnectionId(),
      { principalId: 'x' },
      Buffer.from('ping').toString('base64'),
    )
    event.isBase64Encoded = true
    expect(await route(event)).toEqual({ statusCode: 200, body: JSON.stringify({ type: 'pong' }) })
  })
})

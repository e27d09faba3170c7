import { randomUUID } from 'node:crypto'
import { systemClock } from '@mpp/core/clock'
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda'
import type { LiveSocketEvent } from '../../functions/live-socket'

/** The WebSocket API of these events, as API Gateway names it in them. */
export const socketApi = { apiId: 'w1s2k3t4u5', stage: 'live', region: 'ap-southeast-3' }
const domainName = `${socketApi.apiId}.execute-api.${socketApi.region}.amazonaws.com`

const handshakeHeaders = {
  Host: domainName,
  'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
  'User-Agent': 'Mozilla/5.0 (Linux; Android 10; K) Chrome/120.0 Mobile Safari/537.36',
  'X-Forwarded-For': '198.51.100.23',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
}

const baseContext = (
  connectionId: string,
  routeKey: string,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
) => {
  // API Gateway stamps the event when it arrives; the handler under test runs on the real clock too.
  const now = systemClock()
  return {
    routeKey,
    eventType,
    extendedRequestId: `${randomUUID().slice(0, 12)}=`,
    requestTime: now.toUTCString(),
    messageDirection: 'IN' as const,
    stage: socketApi.stage,
    connectedAt: now.getTime(),
    requestTimeEpoch: now.getTime(),
    identity: { userAgent: handshakeHeaders['User-Agent'], sourceIp: '198.51.100.23' },
    requestId: `${randomUUID().slice(0, 12)}=`,
    domainName,
    connectionId,
    apiId: socketApi.apiId,
  }
}

/** A connection id as API Gateway makes them (base64, ending in `=`). */
export const newConnectionId = () => `${Buffer.from(randomUUID()).toString('base64').slice(0, 15)}=`

/**
 * The `$connect` REQUEST authorizer's event for a WebSocket API, as AWS documents it: no HTTP method, path or
 * resource (so not all of `APIGatewayRequestAuthorizerEvent`, which describes REST APIs too), the query string
 * of the handshake, the connection's id in `requestContext`.
 */
export const authorizerEvent = (connectionId: string, token?: string): APIGatewayRequestAuthorizerEvent => {
  const query = token === undefined ? null : { token }
  return {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:${socketApi.region}:111122223333:${socketApi.apiId}/${socketApi.stage}/$connect`,
    headers: { ...handshakeHeaders, Connection: 'upgrade', 'content-length': '0', Upgrade: 'websocket' },
    multiValueHeaders: Object.fromEntries(Object.entries(handshakeHeaders).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query && { token: [query.token] },
    stageVariables: {},
    requestContext: baseContext(connectionId, '$connect', 'CONNECT'),
  } as unknown as APIGatewayRequestAuthorizerEvent
}

/** What the authorizer answered for the connection, as far as the routes see it. */
type Authorized = Pick<APIGatewayAuthorizerResult, 'context' | 'principalId'>

/** What API Gateway adds to the authorizer's context when it passes it to a route. */
const passed = ({ context, principalId }: Authorized) =>
  context && { authorizer: { ...context, principalId, integrationLatency: 48 } }

// `@types/aws-lambda` has every route's context carry a `messageId`; only a message's does.

/** The `$connect` route's event once the authorizer allowed the connection, with its context. */
export const connectEvent = (connectionId: string, authorized: Authorized, token: string): LiveSocketEvent =>
  ({
    headers: handshakeHeaders,
    multiValueHeaders: Object.fromEntries(Object.entries(handshakeHeaders).map(([k, v]) => [k, [v]])),
    queryStringParameters: { token },
    multiValueQueryStringParameters: { token: [token] },
    requestContext: {
      ...baseContext(connectionId, '$connect', 'CONNECT'),
      ...passed(authorized),
    },
    isBase64Encoded: false,
  }) as unknown as LiveSocketEvent

/** A message the client sent on the connection (`$default`), with the context the authorizer gave it. */
export const messageEvent = (
  connectionId: string,
  authorized: Authorized,
  body: string,
): LiveSocketEvent => ({
  requestContext: {
    ...baseContext(connectionId, '$default', 'MESSAGE'),
    messageId: `${randomUUID().slice(0, 12)}=`,
    ...passed(authorized),
  },
  body,
  isBase64Encoded: false,
})

/** `$disconnect`: the client closed (1001, going away), with the context the authorizer gave the connection. */
export const disconnectEvent = (connectionId: string, authorized: Authorized): LiveSocketEvent =>
  ({
    headers: { Host: domainName, 'x-api-key': '', 'x-restapi': '' },
    multiValueHeaders: { Host: [domainName] },
    requestContext: {
      ...baseContext(connectionId, '$disconnect', 'DISCONNECT'),
      disconnectStatusCode: 1001,
      disconnectReason: 'Going away',
      ...passed(authorized),
    },
    isBase64Encoded: false,
  }) as unknown as LiveSocketEvent

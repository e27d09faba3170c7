// First: stack traces read the source maps only when one is formatted.
import './lazy-source-maps'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { connectLive, defaultLive, disconnectLive, type LiveSocketDeps } from '@mpp/api/live/socket-routes'
import type { LiveTopic, Subscription } from '@mpp/api/live/subscription-token'
import { systemClock } from '@mpp/core/clock'
import { tenantId } from '@mpp/core/tenant'
import { createDb } from '@mpp/db/client'
import type {
  APIGatewayAuthorizerResult,
  APIGatewayEventWebsocketRequestContextV2,
  APIGatewayProxyWebsocketEventV2WithRequestContext,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda'
import { z } from 'zod'
import { required } from './env'
import { loadSessionSecrets } from './session-secret'

const logger = new Logger({ serviceName: 'mpp-cloud-live' })
const db = createDb({ tableName: required('TABLE_NAME'), endpoint: process.env.DYNAMODB_ENDPOINT })

/** The query string parameter the client puts the subscription token in: `wss://.../live?token=...`. */
export const tokenParameter = 'token'

/**
 * What the `$connect` authorizer hands API Gateway to pass on to every later route of the connection (it takes
 * strings, numbers and booleans only, so the topics travel as JSON). `refused` is a 429: an authorizer can
 * only answer 401 or 403 itself, so it lets the `$connect` route give the 429.
 */
export type LiveAuthorizerContext = { tenantId: string; topics: string } | { refused: 429; reason: string }

/** A route's event: `requestContext.authorizer` is the authorizer's context, with API Gateway's own fields. */
export type LiveSocketEvent = APIGatewayProxyWebsocketEventV2WithRequestContext<
  APIGatewayEventWebsocketRequestContextV2 & {
    authorizer?: Partial<Record<string, string | number | boolean>>
  }
>

export interface LiveSocketResult {
  statusCode: number
  body?: string
}

/** The rules' dependencies, once the session secrets are read: on the first event, never at import. */
const build = async (): Promise<LiveSocketDeps> => {
  const secrets = await loadSessionSecrets()
  return {
    db,
    now: systemClock,
    // No host is ever checked here (the socket's domain is not a tenant's), so no root domain is needed.
    config: { sessionSecret: secrets.current, previousSessionSecret: secrets.previous, rootDomain: '' },
  }
}
let built: Promise<LiveSocketDeps> | undefined
/** Built once per instance; a failed read of the secrets is tried again by the next event. */
const deps = () => {
  built ??= build().catch((error) => {
    built = undefined
    throw error
  })
  return built
}

const policy = (effect: 'Allow' | 'Deny', event: APIGatewayRequestAuthorizerEvent, principalId: string) => ({
  principalId,
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: event.methodArn }],
  },
})

/**
 * The `$connect` REQUEST authorizer: `connectLive` with the token from the query string (no host: the socket's
 * domain is not a tenant's). Allowed, its subscription becomes the connection's context, so `$disconnect`
 * can delete the records it wrote. 401 is API Gateway's own answer to `Unauthorized`, 403 to a Deny.
 */
const authorize = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const connectionId = event.requestContext.connectionId
  if (!connectionId) throw new Error('Unauthorized')
  const result = await connectLive(await deps(), {
    connectionId,
    token: event.queryStringParameters?.[tokenParameter] ?? undefined,
  })
  if (result.status === 200) {
    const { tenantId, topics } = result.subscription
    const context: LiveAuthorizerContext = { tenantId, topics: JSON.stringify(topics) }
    return { ...policy('Allow', event, tenantId), context }
  }
  logger.info('live connection refused', { connectionId, status: result.status, reason: result.reason })
  if (result.status === 401) throw new Error('Unauthorized')
  if (result.status === 403) return policy('Deny', event, 'refused')
  const context: LiveAuthorizerContext = { refused: 429, reason: result.reason }
  return { ...policy('Allow', event, 'refused'), context }
}

const passedSubscription = z.object({ tenantId, topics: z.string() })

/** The subscription the authorizer passed on, or undefined when there is none to read. */
const subscriptionOf = (event: LiveSocketEvent): Pick<Subscription, 'tenantId' | 'topics'> | undefined => {
  const passed = passedSubscription.safeParse(event.requestContext.authorizer)
  if (!passed.success) return undefined
  try {
    const topics = z.array(z.string()).parse(JSON.parse(passed.data.topics)) as LiveTopic[]
    return { tenantId: passed.data.tenantId, topics }
  } catch {
    return undefined
  }
}

/** `$connect` (after the authorizer), `$disconnect` and `$default`, by the route API Gateway matched. */
const route = async (event: LiveSocketEvent): Promise<LiveSocketResult> => {
  const { eventType, connectionId } = event.requestContext
  if (eventType === 'CONNECT') {
    // The authorizer already wrote the records; a 429 it could not give itself is given here.
    return { statusCode: event.requestContext.authorizer?.refused === 429 ? 429 : 200 }
  }
  if (eventType === 'DISCONNECT') {
    await disconnectLive({ db }, { connectionId, subscription: subscriptionOf(event) })
    return { statusCode: 200 }
  }
  const body =
    event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
  // The route response sends the body back on the same connection; no body, nothing is sent.
  const reply = defaultLive(body)
  return reply ? { statusCode: 200, body: reply } : { statusCode: 200 }
}

const isAuthorizerEvent = (event: unknown): event is APIGatewayRequestAuthorizerEvent =>
  (event as { type?: unknown }).type === 'REQUEST'

/**
 * The live socket's one Lambda (infra/constructs/live-socket-api.ts): the `$connect` authorizer and the three
 * routes of the WebSocket API, each a thin call of the rules in `@mpp/api/live/socket-routes`.
 */
export const handler = middy(
  async (
    event: APIGatewayRequestAuthorizerEvent | LiveSocketEvent,
    _context: Context,
  ): Promise<APIGatewayAuthorizerResult | LiveSocketResult> =>
    isAuthorizerEvent(event) ? authorize(event) : route(event),
).use(injectLambdaContext(logger, { resetKeys: true }))

import { randomUUID } from 'node:crypto'
import { systemClock } from '@mpp/core/clock'
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda'

interface EventInput {
  method: string
  host: string
  path: string
  query?: string
  headers?: Record<string, string>
  cookies?: string[]
  body?: string
  base64?: boolean
}

/**
 * An API Gateway HTTP API (payload format 2.0) event as AWS sends it: lower-case headers, cookies moved out of
 * the headers into `cookies`, the custom domain in `requestContext.domainName`.
 */
export const httpApiEvent = (input: EventInput): APIGatewayProxyEventV2 => {
  // API Gateway stamps the event when it arrives; the handler under test runs on the real clock too.
  const now = systemClock()
  const query = input.query ?? ''
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: input.path,
    rawQueryString: query,
    ...(input.cookies?.length ? { cookies: input.cookies } : {}),
    headers: {
      accept: '*/*',
      'content-length': String(input.body ? Buffer.byteLength(input.body) : 0),
      host: input.host,
      'user-agent': 'Mozilla/5.0 (Linux; Android 10; K) Chrome/120.0 Mobile Safari/537.36',
      'x-amzn-trace-id': `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      'x-forwarded-for': '198.51.100.23',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...input.headers,
    },
    ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
    requestContext: {
      accountId: '111122223333',
      apiId: 'a1b2c3d4e5',
      domainName: input.host,
      domainPrefix: input.host.split('.')[0] as string,
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.23',
        userAgent: 'Mozilla/5.0 (Linux; Android 10; K) Chrome/120.0 Mobile Safari/537.36',
      },
      requestId: `${randomUUID().slice(0, 8)}=`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: input.body,
    isBase64Encoded: input.base64 ?? false,
  }
}

/** The Lambda context object the runtime passes alongside the event. */
export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'mpp-cloud-http',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:111122223333:function:mpp-cloud-http',
  memoryLimitInMB: '1024',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/mpp-cloud-http',
  logStreamName: '2026/11/23/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
})

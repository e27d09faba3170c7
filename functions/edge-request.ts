import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'

/**
 * The headers the API's CloudFront distribution adds (infra/constructs/api-distribution.ts): the secret as
 * an origin custom header, the viewer's host and address from its viewer-request function. CloudFront
 * replaces whatever a viewer sends under these names.
 */
export const edgeHeaders = {
  originSecret: 'x-mpp-origin-secret',
  host: 'x-mpp-host',
  viewerAddress: 'x-mpp-viewer-address',
} as const

/**
 * What this module reads and writes of an API Gateway HTTP API (payload 2.0) event; both `aws-lambda`'s
 * `APIGatewayProxyEventV2` and `hono/aws-lambda`'s have it.
 */
export interface EdgeEvent {
  headers?: Record<string, string | undefined>
  requestContext: { domainName: string; domainPrefix: string; http: { sourceIp: string } }
}

type Handler<E, C, R> = (event: E, context: C) => Promise<R>

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Compares in time independent of where the strings differ (hashing first evens out their lengths). */
const sameSecret = (given: string | undefined, expected: string): boolean =>
  given !== undefined && timingSafeEqual(digest(given), digest(expected))

/** The app's error shape; the message in both languages, as nothing here knows the request's language. */
const refusal = (): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 403,
  headers: { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store' },
  body: JSON.stringify({
    error: {
      code: 'forbidden',
      message:
        'Permintaan harus melalui alamat MPP, bukan langsung ke server. / Requests must go through the MPP address, not straight to the server.',
    },
  }),
  isBase64Encoded: false,
})

/**
 * The request as the viewer made it: CloudFront has to send API Gateway's own host, so the viewer's host
 * (from `x-mpp-host`) becomes the event's `host` header and `requestContext.domainName`, which is what
 * `hono/aws-lambda` builds the request URL from; the viewer's address becomes `requestContext.http.sourceIp`,
 * which its `getConnInfo` reads (API Gateway put CloudFront's own address there). The secret header is dropped.
 */
export const asViewerSent = <E extends EdgeEvent>(event: E): E => {
  const { [edgeHeaders.originSecret]: _secret, ...headers } = event.headers ?? {}
  const host = headers[edgeHeaders.host]
  const address = headers[edgeHeaders.viewerAddress]
  const requestContext = { ...event.requestContext, http: { ...event.requestContext.http } }
  if (host) {
    headers.host = host
    requestContext.domainName = host
    requestContext.domainPrefix = host.split('.')[0] as string
  }
  if (address && isIP(address)) requestContext.http.sourceIp = address
  return { ...event, headers, requestContext }
}

/**
 * Lets through only requests that came through the API's CloudFront distribution, and so through its web ACL:
 * any other (the open execute-api endpoint) is answered 403 without reaching `next`. With the right secret,
 * `next` sees the request as the viewer sent it (`asViewerSent`).
 */
export const onlyFromEdge =
  <E extends EdgeEvent, C, R>(
    originSecret: string,
    next: Handler<E, C, R>,
  ): Handler<E, C, R | APIGatewayProxyStructuredResultV2> =>
  async (event, context) => {
    if (!sameSecret(event.headers?.[edgeHeaders.originSecret], originSecret)) return refusal()
    return next(asViewerSent(event), context)
  }

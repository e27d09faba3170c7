import type { DayUsage } from './mpp-day'
import type { Prices } from './prices-ap-southeast-3'
import { round } from './stats'

/** An MPP opens Monday to Friday: a month is 22 of its days. */
export const workingDaysPerMonth = 22
export const regencies = 514
/** The functions' memory (infra/constructs/app-function.ts): a billed millisecond is 1/1000 of a GB-second. */
const functionGb = 1

/** CloudWatch bills each log event's bytes plus 26 bytes of overhead. */
const logEventOverhead = 26

export interface MonthCost {
  /** What was counted over the simulated day, by meter. */
  perDay: Record<string, number>
  /** US dollars per MPP-month, by line, and their sum. */
  lines: Record<string, number>
  total: number
}

/**
 * Prices one simulated MPP-day as an MPP-month. `accessLogBytes` is the size of one access log line of the
 * HTTP API stage and of the WebSocket stage, as the stack formats them.
 */
export const priceMonth = (
  usage: DayUsage,
  prices: Prices,
  accessLogBytes: { http: number; webSocket: number },
): MonthCost => {
  const sum = (pick: (row: DayUsage['rows'][number]) => number, via?: 'http' | 'lambda') =>
    usage.rows.filter((r) => !via || r.via === via).reduce((total, r) => total + pick(r), 0)
  const httpRequests = sum((r) => r.count, 'http')
  // Every route of the WebSocket API writes an access log line; the fan-out is a stream invocation and does not.
  const socketRoutes = sum((r) => (r.kind.startsWith('ws: $') ? r.count : 0), 'lambda')
  const perDay = {
    'HTTP requests': httpRequests,
    'Lambda invocations': sum((r) => r.count),
    'Lambda GB-seconds': (sum((r) => r.lambdaMs) / 1000) * functionGb,
    'DynamoDB read units': sum((r) => r.read),
    'DynamoDB write units': sum((r) => r.write),
    'WebSocket messages': usage.webSocket.messages,
    'WebSocket connection minutes': usage.webSocket.connectionMinutes,
    'log bytes':
      httpRequests * (accessLogBytes.http + logEventOverhead) +
      socketRoutes * (accessLogBytes.webSocket + logEventOverhead),
  }
  const month = (n: number) => n * workingDaysPerMonth
  const million = (n: number, price: number) => (month(n) / 1e6) * price
  const p = prices.perMillion
  const lines = {
    'CloudFront requests': million(httpRequests, p.cloudFrontHttpsRequest),
    'WAF requests': million(httpRequests, p.wafRequest),
    'HTTP API requests': million(httpRequests, p.httpApiRequest),
    'WebSocket messages': million(perDay['WebSocket messages'], p.webSocketMessage),
    'WebSocket connection minutes': million(
      perDay['WebSocket connection minutes'],
      p.webSocketConnectionMinute,
    ),
    'Lambda requests': million(perDay['Lambda invocations'], p.lambdaRequest),
    'Lambda duration': month(perDay['Lambda GB-seconds']) * prices.lambdaArmGbSecond,
    'DynamoDB reads': million(perDay['DynamoDB read units'], p.dynamoReadUnit),
    'DynamoDB writes': million(perDay['DynamoDB write units'], p.dynamoWriteUnit),
    'CloudWatch Logs': (month(perDay['log bytes']) / 1024 ** 3) * prices.logsIngestedGb,
  }
  const total = Object.values(lines).reduce((a, b) => a + b, 0)
  return {
    perDay: Object.fromEntries(Object.entries(perDay).map(([k, v]) => [k, round(v, 1)])),
    lines: Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, round(v, 4)])),
    total: round(total, 2),
  }
}

/**
 * One access log line as the stage writes it: the stack's format with every `$context` variable given a value
 * of its usual length (a 16-character request id, an IPv4 address, a path of 30 characters, ...).
 */
export const accessLogLineBytes = (format: string) =>
  Buffer.byteLength(
    format.replace(/\$context\.([A-Za-z.]+)/g, (_, name: string) => sampleValues[name] ?? 'x'.repeat(12)),
  )

const sampleValues: Record<string, string> = {
  requestId: 'Ab1CdEfGhIjKlMn=',
  'identity.sourceIp': '36.81.123.145',
  requestTime: '25/Nov/2026:01:23:45 +0000',
  domainName: 'origin.mpp.example.id',
  httpMethod: 'GET',
  path: '/api/tickets/2026-11-25.pajak.A-1',
  protocol: 'HTTP/1.1',
  status: '200',
  responseLength: '1432',
  responseLatency: '23',
  integrationErrorMessage: '-',
  routeKey: '$default',
  eventType: 'MESSAGE',
  connectionId: 'L0SM9cOFvHcCIhw=',
  integrationLatency: '21',
  'authorizer.tenantId': '64.72',
  'error.message': '-',
  'authorizer.error': '-',
}

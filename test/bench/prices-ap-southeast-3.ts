/**
 * On-demand list prices, Asia Pacific (Jakarta) ap-southeast-3, in US dollars, for what an MPP's traffic
 * uses. Source: the AWS pricing pages of each service (aws.amazon.com/<service>/pricing), first tier, as read
 * for this table on 2026-12-02 from this workplace's stored copies, where a Jakarta figure was not at hand the
 * Singapore one (ap-southeast-1) is used and marked so; Jakarta is never cheaper. Check against the Price List
 * API (`aws pricing get-products --region us-east-1 --service-code AWSLambda ...`) before a budget rests on it.
 */
export const pricesApSoutheast3 = {
  date: '2026-12-02',
  region: 'ap-southeast-3',
  perMillion: {
    /** HTTP API requests, first 300 million a month (Singapore's rate). */
    httpApiRequest: 1.2,
    /** WebSocket messages in 32 KB units, sent or received, first billion (Singapore's rate). */
    webSocketMessage: 1.15,
    /** WebSocket connection minutes (Singapore's rate). */
    webSocketConnectionMinute: 0.288,
    /** Lambda requests (every region). */
    lambdaRequest: 0.2,
    /** DynamoDB on-demand write request units (Singapore's rate after the November 2024 halving). */
    dynamoWriteUnit: 0.7125,
    /** DynamoDB on-demand read request units (idem). */
    dynamoReadUnit: 0.1425,
    /** CloudFront HTTPS requests, Asia Pacific price class ($0.012 per 10,000). */
    cloudFrontHttpsRequest: 1.2,
    /** WAF requests inspected by a web ACL. */
    wafRequest: 0.6,
  },
  /** Lambda on Arm (Graviton), per GB-second of billed duration (1 ms granularity). */
  lambdaArmGbSecond: 0.0000133334,
  /** CloudWatch Logs ingestion per GB (Singapore's rate). */
  logsIngestedGb: 0.7,
  /** What does not grow with use, listed apart from the usage-driven cost. */
  fixedPerMonth: {
    'Route 53 hosted zone': 0.5,
    'Secrets Manager secrets (session key, origin key)': 2 * 0.4,
    'WAF web ACL and its 6 rules': 5 + 6,
  },
} as const

export type Prices = typeof pricesApSoutheast3

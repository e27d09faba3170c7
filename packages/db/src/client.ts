import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { TenantId } from '@mpp/core/tenant'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { assertWithinTenant } from './tenant-guard'
import { scopedTenant } from './tenant-scope'
import { asTableUnavailable } from './unavailable'

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider }

export interface DbTimeouts {
  /** Milliseconds to open a connection. */
  connectionMs: number
  /** Milliseconds for one attempt's answer once connected. */
  requestMs: number
  /** Attempts in all, the first included. */
  attempts: number
}

/**
 * Worst case about 3 x 2 s plus the SDK's backoff (well under a second for these errors): a stalled table is
 * answered with a 503 within the http function's 10 s, never a hang.
 */
export const defaultDbTimeouts: DbTimeouts = { connectionMs: 1000, requestMs: 2000, attempts: 3 }

/**
 * DynamoDB Local on a busy laptop or CI machine can pause for seconds (Java's collector, a cold table), and
 * accepts hundreds of connections opened at once (a load test in one process) slowly.
 */
const localDbTimeouts: DbTimeouts = { connectionMs: 10_000, requestMs: 30_000, attempts: 3 }

export interface DbConfig {
  tableName: string
  /** DynamoDB Local or another endpoint; unset in AWS. */
  endpoint?: string
  region?: string
  timeouts?: DbTimeouts
  /**
   * In AWS: the credentials of a tenant's own role, which can only touch that tenant's keys. Requests made in
   * a tenant's scope (`tenant-scope.ts`) are signed with them; without it, every request uses the process's.
   */
  tenantCredentials?: (tenantId: TenantId) => AwsCredentialIdentityProvider
}

/** What the repositories use: `doc.send` of lib-dynamodb's commands. */
export interface Db {
  client: DynamoDBClient
  doc: Pick<DynamoDBDocumentClient, 'send'>
  tableName: string
}

const documentClient = (client: DynamoDBClient) =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })

export const createDb = (config: DbConfig): Db => {
  const local = config.endpoint !== undefined
  const timeouts = config.timeouts ?? (local ? localDbTimeouts : defaultDbTimeouts)
  const clientWith = (credentials?: AwsCredentialIdentityProvider) =>
    new DynamoDBClient({
      region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
      ...(local && {
        endpoint: config.endpoint,
        // DynamoDB Local accepts any credentials; fixed ones keep the SDK from searching for real ones.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      ...(credentials && { credentials }),
      maxAttempts: timeouts.attempts,
      requestHandler: {
        connectionTimeout: timeouts.connectionMs,
        requestTimeout: timeouts.requestMs,
        // Without it the SDK only logs a warning when requestTimeout passes, and keeps waiting.
        throwOnRequestTimeout: true,
      },
    })
  const client = clientWith()
  const shared = documentClient(client)
  // One client per tenant per process, made on the tenant's first request; the SDK refreshes its credentials.
  const perTenant = new Map<TenantId, DynamoDBDocumentClient>()
  const clientFor = (tenantId: TenantId | undefined) => {
    if (!tenantId || !config.tenantCredentials) return shared
    let doc = perTenant.get(tenantId)
    if (!doc) {
      doc = documentClient(clientWith(config.tenantCredentials(tenantId)))
      perTenant.set(tenantId, doc)
    }
    return doc
  }
  const send = (async (command: { input: object }, options?: object) => {
    const tenantId = scopedTenant()
    if (tenantId) assertWithinTenant(tenantId, command.input as Record<string, unknown>)
    try {
      // biome-ignore lint/suspicious/noExplicitAny: forwards whichever lib-dynamodb command it was given
      return await clientFor(tenantId).send(command as any, options as any)
    } catch (error) {
      throw asTableUnavailable(error)
    }
  }) as DynamoDBDocumentClient['send']
  return { client, doc: { send }, tableName: config.tableName }
}

import type { Clock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import {
  type ConnectionTopic,
  countLiveConnections,
  deleteLiveConnection,
  type LiveConnection,
  putLiveConnections,
} from '@mpp/db/live-connection-repository'
import { getQueueConfig, type QueueConfig } from '@mpp/db/queue-config-repository'
import { findTenantBySlug, getTenant } from '@mpp/db/tenant-repository'
import { inTenantScope } from '@mpp/db/tenant-scope'
import type { AppConfig } from '../app-env'
import { matchHost } from '../host-match'
import {
  type LiveBoardFilter,
  type LiveTopic,
  readSubscriptionToken,
  type Subscription,
} from './subscription-token'

/**
 * The rules of the live socket's three routes, for every runtime: the `live-socket` Lambda (API Gateway's
 * `$connect`, `$disconnect`, `$default`) and the node server's `/live` both call these and nothing else.
 */
export interface LiveSocketDeps {
  db: Db
  config: Pick<AppConfig, 'sessionSecret' | 'previousSessionSecret' | 'rootDomain'>
  now: Clock
  /** Open connection records one tenant may hold; past it `$connect` answers 429. */
  connectionCap?: number
}

/**
 * A bound per MPP so one MPP (or a bot on one) cannot take the others' share of the API's connections: far
 * above a busy MPP's need (10 boards, 12 consoles, a few hundred phones following a ticket at its peak hour).
 */
export const defaultConnectionCap = 1000

export type ConnectResult =
  | { status: 200; subscription: Subscription }
  | { status: 401 | 403 | 429; reason: 'invalid_token' | 'wrong_tenant' | 'tenant_unavailable' | 'too_many' }

/** `ticket:<key>` in a token is `ticket#<key>` in a record key (the record's separator). */
export const storedTopic = (topic: LiveTopic): ConnectionTopic => topic.replace(':', '#') as ConnectionTopic

const boardScope = (config: QueueConfig, filter: LiveBoardFilter) => {
  const inScope = (item: { floor?: string }, queueIds: string[]) =>
    (!filter.floor || item.floor === filter.floor) &&
    (!filter.queueIds?.length || queueIds.some((id) => filter.queueIds?.includes(id)))
  return {
    counterIds: config.counters.filter((c) => c.active && inScope(c, c.queueIds)).map((c) => c.id),
    queueIds: config.queues.filter((q) => inScope(q, [q.id])).map((q) => q.id),
  }
}

/** The records of one connection: what each topic's fan-out needs to decide whether it concerns it. */
const recordsOf = async (
  deps: LiveSocketDeps,
  subscription: Subscription,
  connectionId: string,
  connectedAt: string,
): Promise<LiveConnection[]> => {
  const needsConfig =
    subscription.topics.some((t) => t.startsWith('counter:')) ||
    (subscription.topics.includes('board') &&
      (subscription.board?.floor || subscription.board?.queueIds?.length))
  const config = needsConfig ? await getQueueConfig(deps.db, subscription.tenantId) : undefined
  return subscription.topics.map((topic) => {
    const base = { connectionId, topic: storedTopic(topic), connectedAt }
    if (topic === 'board' && config && subscription.board)
      return { ...base, ...boardScope(config, subscription.board) }
    if (topic.startsWith('counter:') && config) {
      const counter = config.counters.find((c) => c.id === topic.slice('counter:'.length))
      return { ...base, queueIds: counter?.queueIds ?? [] }
    }
    return base
  })
}

/**
 * `$connect`: the tenant is the token's and nothing else. 401 for a forged, expired or malformed token; 403
 * when the socket was opened on another tenant's host (locally the host is known; behind API Gateway the
 * socket's own domain is not a tenant's, so `host` is left out) or the tenant is gone or suspended; 429 past
 * the tenant's cap. Then one record per topic.
 */
export const connectLive = async (
  deps: LiveSocketDeps,
  input: { connectionId: string; token: string | undefined; host?: string },
): Promise<ConnectResult> => {
  const now = deps.now()
  const subscription = input.token ? readSubscriptionToken(input.token, deps.config, now) : undefined
  if (!subscription) return { status: 401, reason: 'invalid_token' }
  if (input.host !== undefined) {
    const site = matchHost(input.host.replace(/:\d+$/, ''), deps.config.rootDomain)
    if (site.kind !== 'tenant') return { status: 403, reason: 'wrong_tenant' }
    const tenant = await findTenantBySlug(deps.db, site.slug)
    if (tenant?.id !== subscription.tenantId) return { status: 403, reason: 'wrong_tenant' }
  }
  return inTenantScope(subscription.tenantId, async () => {
    const tenant = await getTenant(deps.db, subscription.tenantId)
    if (!tenant || tenant.stage === 'suspended' || tenant.stage === 'closed')
      return { status: 403, reason: 'tenant_unavailable' } as const
    const open = await countLiveConnections(deps.db, subscription.tenantId, now)
    if (open + subscription.topics.length > (deps.connectionCap ?? defaultConnectionCap))
      return { status: 429, reason: 'too_many' } as const
    const records = await recordsOf(deps, subscription, input.connectionId, now.toISOString())
    await putLiveConnections(deps.db, subscription.tenantId, records, now)
    return { status: 200, subscription } as const
  })
}

/**
 * `$disconnect`: removes the connection's records. The subscription is what `$connect` answered (the local
 * adapter keeps it with the socket; in AWS an authorizer's context carries it). Without it there is nothing
 * to find the records by; they expire by TTL and the first send to the gone connection prunes them.
 */
export const disconnectLive = async (
  deps: Pick<LiveSocketDeps, 'db'>,
  input: { connectionId: string; subscription?: Pick<Subscription, 'tenantId' | 'topics'> },
): Promise<void> => {
  const { subscription } = input
  if (!subscription) return
  await inTenantScope(subscription.tenantId, () =>
    Promise.all(
      subscription.topics.map((topic) =>
        deleteLiveConnection(deps.db, subscription.tenantId, storedTopic(topic), input.connectionId),
      ),
    ),
  )
}

/**
 * `$default`: the client sends nothing the server acts on but a keep-alive. `ping` (or `{"type":"ping"}`) is
 * answered `{"type":"pong"}`, so a client can tell a silent socket from a dead one; everything else is ignored.
 */
export const defaultLive = (body: string | undefined): string | undefined => {
  if (!body || body.length > 200) return undefined
  if (body === 'ping') return JSON.stringify({ type: 'pong' })
  try {
    const message = JSON.parse(body) as { type?: unknown }
    return message?.type === 'ping' ? JSON.stringify({ type: 'pong' }) : undefined
  } catch {
    return undefined
  }
}

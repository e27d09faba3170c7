import type { Tenant } from '@mpp/core/tenant'
import { ticketKey } from '@mpp/core/ticket'
import { getTicket } from '@mpp/db/ticket-repository'
import type { LiveAccess } from '@mpp/web/components/live-data'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { findCounter, type QueueContext } from '../queue/queue-context'
import { sameSecret } from '../queue/secret-link'
import { type LiveBoardFilter, type LiveTopic, mintSubscriptionToken } from './subscription-token'

export type { LiveAccess }

/**
 * The socket's address: the configured one (AWS: the WebSocket API's own domain), else the node server's `/live`
 * on the host the page came from, `wss:` when the page is `https:`.
 */
export const liveSocketUrlFor = (c: Context, configured: string | undefined) => {
  if (configured) return configured
  const url = new URL(c.req.url)
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}/live`
}

/**
 * A fresh token for this tenant's host. The caller has checked the right to follow each topic (docs/live-updates.md,
 * Token); `notAfter` (seconds since the epoch) keeps a console's token from outliving its session.
 */
export const liveAccess = (
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'config' | 'now'>,
  tenant: Tenant,
  input: { topics: LiveTopic[]; board?: LiveBoardFilter },
  notAfter?: number,
): LiveAccess => {
  const { token, expiresAt } = mintSubscriptionToken(
    deps.config.sessionSecret,
    { tenantId: tenant.id, topics: input.topics, ...(input.board && { board: input.board }) },
    deps.now(),
    notAfter,
  )
  return {
    token,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    url: liveSocketUrlFor(c, deps.config.liveSocketUrl),
  }
}

/** The board's filter as a token carries it: none when the board shows everything. */
export const boardFilterOf = (filter: {
  floor?: string
  queueIds?: string[]
}): LiveBoardFilter | undefined =>
  filter.floor || filter.queueIds?.length
    ? {
        ...(filter.floor && { floor: filter.floor }),
        ...(filter.queueIds?.length && { queueIds: filter.queueIds }),
      }
    : undefined

/**
 * `ticket:<key>` only with the ticket's secret, checked as `GET /api/tickets/{key}/{secret}` checks it: a wrong
 * secret looks exactly like a missing ticket (404).
 */
export const ticketTopic = async (
  queue: QueueContext,
  tenant: Tenant,
  key: string,
  secret: string,
): Promise<LiveTopic> => {
  if (!ticketKey.safeParse(key).success) throw new ApiError(404, 'ticket_not_found')
  const ticket = await getTicket(queue.deps.db, tenant.id, key)
  if (!ticket || !sameSecret(ticket.secret, secret)) throw new ApiError(404, 'ticket_not_found')
  return `ticket:${ticket.key}`
}

/**
 * `counter:<id>` only for a signed-in officer or admin of this tenant (the session middleware already refused a
 * session of another host), at an active counter, as the console itself requires; the token ends with the session.
 */
export const counterTopic = async (
  queue: QueueContext,
  c: Context<AppEnv>,
  tenant: Tenant,
  counterId: string,
) => {
  const session = c.var.session
  if (!session) throw new ApiError(401, 'unauthorized')
  if (session.tenantId !== tenant.id || (session.role !== 'officer' && session.role !== 'admin'))
    throw new ApiError(403, 'forbidden')
  const counter = findCounter(await queue.config.get(tenant.id), counterId)
  return { topic: `counter:${counter.id}` as LiveTopic, notAfter: session.expiresAt }
}

import type { Counter, Queue } from '@mpp/core/queue'
import type { Tenant } from '@mpp/core/tenant'
import { listServices } from '@mpp/db/catalog-repository'
import { deleteCounter, deleteQueue, putCounter, putQueue } from '@mpp/db/queue-config-repository'
import { ApiError } from '../errors'
import type { RuleIssue } from '../issue-messages'
import type { QueueContext } from '../queue/queue-context'

/**
 * Saves a queue after checking it against the rest of the set-up: its services exist, none of them is
 * already in another queue (a service has exactly one line), and its letter is its own.
 */
export const saveQueue = async (ctx: QueueContext, tenant: Tenant, queue: Queue) => {
  const { db } = ctx.deps
  const [config, services] = await Promise.all([ctx.config.get(tenant.id), listServices(db, tenant.id)])
  const unknown = queue.serviceIds.filter((id) => !services.some((s) => s.id === id))
  if (unknown.length)
    throw new ApiError(400, 'invalid_request', [
      { path: 'serviceIds', word: 'noLongerExists' } satisfies RuleIssue,
    ])
  const others = config.queues.filter((q) => q.id !== queue.id)
  const taken = others.find((q) => q.prefix === queue.prefix)
  if (taken) throw new ApiError(409, 'config_conflict', { field: 'prefix', queueId: taken.id })
  const shared = queue.serviceIds.filter((id) => others.some((q) => q.serviceIds.includes(id)))
  if (shared.length) throw new ApiError(409, 'config_conflict', { field: 'serviceIds', serviceIds: shared })
  await putQueue(db, tenant.id, queue)
  ctx.config.forget(tenant.id)
}

export const removeQueue = async (ctx: QueueContext, tenant: Tenant, queueId: string) => {
  const config = await ctx.config.get(tenant.id)
  if (!config.queues.some((q) => q.id === queueId)) throw new ApiError(404, 'not_found')
  const users = config.counters.filter((c) => c.queueIds.includes(queueId)).map((c) => c.id)
  if (users.length) throw new ApiError(409, 'config_conflict', { field: 'counters', counterIds: users })
  await deleteQueue(ctx.deps.db, tenant.id, queueId)
  ctx.config.forget(tenant.id)
}

/** Saves a counter: the queues it serves exist and its number is its own. */
export const saveCounter = async (ctx: QueueContext, tenant: Tenant, counter: Counter) => {
  const config = await ctx.config.get(tenant.id)
  const unknown = counter.queueIds.filter((id) => !config.queues.some((q) => q.id === id))
  if (unknown.length)
    throw new ApiError(400, 'invalid_request', [
      { path: 'queueIds', word: 'noLongerExists' } satisfies RuleIssue,
    ])
  const taken = config.counters.find((c) => c.id !== counter.id && c.number === counter.number)
  if (taken) throw new ApiError(409, 'config_conflict', { field: 'number', counterId: taken.id })
  await putCounter(ctx.deps.db, tenant.id, counter)
  ctx.config.forget(tenant.id)
}

export const removeCounter = async (ctx: QueueContext, tenant: Tenant, counterId: string) => {
  const config = await ctx.config.get(tenant.id)
  if (!config.counters.some((c) => c.id === counterId)) throw new ApiError(404, 'not_found')
  await deleteCounter(ctx.deps.db, tenant.id, counterId)
  ctx.config.forget(tenant.id)
}

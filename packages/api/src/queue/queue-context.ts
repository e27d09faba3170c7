import { businessDay } from '@mpp/core/business-day'
import type { Schedule } from '@mpp/core/schedule'
import type { Tenant } from '@mpp/core/tenant'
import { getCatalog } from '@mpp/db/catalog-repository'
import { type LiveDay, readLiveDay } from '@mpp/db/live-repository'
import { getQueueConfig, type QueueConfig } from '@mpp/db/queue-config-repository'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { createTtlCache, type TtlCache } from '../ttl-cache'
import { createTicketIssuer, type TicketIssuer } from './ticket-issuer'

/** What the queue operations share within one process: caches and the ticket issuer. */
export interface QueueContext {
  deps: AppDeps
  config: TtlCache<QueueConfig>
  /**
   * The services and agencies by name, for the console: an officer's every action renders it again, and a name
   * changed by the admin may show up to 30 s late there.
   */
  catalog: TtlCache<Awaited<ReturnType<typeof getCatalog>>>
  /**
   * A tenant-day's live state as the board and the ticket pages read it: dozens of screens and phones poll it,
   * so one read per second serves them all. Decisions (calling, the console) read it fresh instead.
   */
  liveView: {
    get: (tenantId: string, day: string) => Promise<LiveDay>
    changed: (tenantId: string, day: string) => void
  }
  issuer: TicketIssuer
}

/** Screens tolerate a second of lag. */
const liveViewMs = 1_000

export const createQueueContext = (deps: AppDeps): QueueContext => {
  const live = createTtlCache(
    (key) => {
      const [tenantId, day] = key.split('|') as [string, string]
      return readLiveDay(deps.db, tenantId, day, false)
    },
    deps.now,
    liveViewMs,
  )
  return {
    deps,
    config: createTtlCache((tenantId) => getQueueConfig(deps.db, tenantId), deps.now),
    catalog: createTtlCache((tenantId) => getCatalog(deps.db, tenantId), deps.now),
    liveView: {
      get: (tenantId, day) => live.get(`${tenantId}|${day}`),
      changed: (tenantId, day) => live.forget(`${tenantId}|${day}`),
    },
    issuer: createTicketIssuer(deps.db),
  }
}

export const scheduleOf = (tenant: Tenant): Schedule => ({
  openingHours: tenant.openingHours,
  holidays: tenant.holidays,
  timeZone: tenant.timeZone,
})

/** The tenant's business day now: the date in its own time zone, never UTC's. */
export const todayOf = (tenant: Tenant, now: Date) => businessDay(now, tenant.timeZone)

export const findCounter = (config: QueueConfig, counterId: string) => {
  const counter = config.counters.find((c) => c.id === counterId && c.active)
  if (!counter) throw new ApiError(404, 'counter_not_found')
  return counter
}

export const findQueue = (config: QueueConfig, queueId: string) => {
  const queue = config.queues.find((q) => q.id === queueId)
  if (!queue) throw new ApiError(404, 'not_found', { queueId })
  return queue
}

/** How long a missed appointment is remembered: long enough for both the counting window and the block. */
export const keepNoShowDays = (tenant: Tenant) =>
  Math.max(tenant.queueSettings.appointment.noShowWindowDays, tenant.queueSettings.appointment.blockDays)

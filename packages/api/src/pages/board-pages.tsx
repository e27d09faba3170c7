import { addDays, businessDay, zonedInstant } from '@mpp/core/business-day'
import { intervalsOn, type Schedule } from '@mpp/core/schedule'
import { BoardPage } from '@mpp/web/views/board-view'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { boardFilterOf, liveAccess } from '../live/live-access'
import { requireSite, tenantOf } from '../middleware/require-site'
import { boardView } from '../queue/board-view'
import { type QueueContext, scheduleOf } from '../queue/queue-context'
import { boardQuery } from '../routes/board-api'
import { pageContext } from './page-context'

/** How many days of opening hours the board carries: it reloads every day, a week covers a long holiday. */
const windowDays = 8

/**
 * The open windows from today for `windowDays` days, as instants: the board sleeps outside them (and wakes at
 * the next one) without a calendar of its own.
 */
export const openWindows = (now: Date, schedule: Schedule): [string, string][] => {
  const today = businessDay(now, schedule.timeZone)
  return Array.from({ length: windowDays }, (_, i) => addDays(today, i)).flatMap((day) =>
    intervalsOn(day, schedule).map((iv): [string, string] => [
      zonedInstant(day, iv.open, schedule.timeZone).toISOString(),
      zonedInstant(day, iv.close, schedule.timeZone).toISOString(),
    ]),
  )
}

/**
 * The display board, `GET /layar` on a tenant's host, public. `?lantai=2` shows one floor and `?antrean=a,b`
 * some queues; both are passed on to the board API the script polls. The first state is rendered here, so
 * the board shows before (and without) its script.
 */
export const boardPages = (queue: QueueContext) => {
  const pages = new Hono<AppEnv>()

  pages.get('/layar', requireSite('tenant'), async (c) => {
    const tenant = tenantOf(c.var.site)
    const filter = boardQuery.safeParse({
      floor: c.req.query('lantai') || undefined,
      queues: c.req.query('antrean') || undefined,
    })
    if (!filter.success) throw new ApiError(400, 'invalid_request')
    const { floor, queues } = filter.data
    const board = await boardView(queue, tenant, { floor, queueIds: queues })
    const query = new URLSearchParams()
    if (floor) query.set('floor', floor)
    if (queues?.length) query.set('queues', queues.join(','))
    const apiUrl = query.size ? `/api/board?${query}` : '/api/board'
    // The board is public: anyone on the tenant's host may follow it, with the same filter.
    const filtered = boardFilterOf({ floor, queueIds: queues })
    const live = liveAccess(c, queue.deps, tenant, {
      topics: ['board'],
      ...(filtered && { board: filtered }),
    })
    c.header('Cache-Control', 'no-store')
    return c.html(
      <BoardPage
        ctx={pageContext(c, queue.deps.config)}
        name={tenant.name}
        board={board}
        apiUrl={apiUrl}
        live={live}
        openWindows={openWindows(queue.deps.now(), scheduleOf(tenant))}
      />,
    )
  })

  return pages
}

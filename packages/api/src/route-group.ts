import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env'
import type { QueueContext } from './queue/queue-context'
import type { TenantCache } from './tenant-cache'

/** What every group's routes are built from, made once per app. */
export interface RouteContext {
  deps: AppDeps
  queue: QueueContext
  tenants: TenantCache
}

/**
 * Routes mounted together, defined once and listed by each audience that serves them (audiences/). `order` is
 * the group's place in the one app: one group's middleware may guard paths another answers (`/staf/*`), so
 * every function mounts its groups in the same relative order as the whole app.
 */
export interface RouteGroup {
  order: number
  name: string
  routes: (context: RouteContext) => Hono<AppEnv>
}

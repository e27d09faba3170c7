import type { AppDeps } from './app-env'
import { createAppOf } from './app-of-groups'
import { citizenGroups } from './audiences/citizen'
import { platformGroups } from './audiences/platform'
import { sharedGroups } from './audiences/shared'
import { staffGroups } from './audiences/staff'

export { type App, createAppOf, maxBodyBytes } from './app-of-groups'

/** Every route group, each once (complaints are listed by citizens and staff alike). */
export const allGroups = [...new Set([...citizenGroups, ...staffGroups, ...platformGroups, ...sharedGroups])]

/**
 * The one Hono app with every route of the platform and of every tenant: the local server, the tests and the
 * `http` Lambda, which answers whatever no audience's function does (infra/constructs/http-api.ts).
 */
export const createApp = (deps: AppDeps) => createAppOf(deps, allGroups)

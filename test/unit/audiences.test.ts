import { Logger } from '@aws-lambda-powertools/logger'
import { type App, createApp, createAppOf } from '@mpp/api/app'
import type { AppDeps } from '@mpp/api/app-env'
import { citizenGroups } from '@mpp/api/audiences/citizen'
import { type Audience, audienceFunctions, functionForPath } from '@mpp/api/audiences/gateway-routes'
import { platformGroups } from '@mpp/api/audiences/platform'
import { staffGroups } from '@mpp/api/audiences/staff'
import { describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'

// Routes only: nothing here answers a request, so nothing reaches the table, the mailer or the file store.
const deps = {
  db: {},
  config: { rootDomain: 'localhost', sessionSecret: 'x'.repeat(40), assetBaseUrl: '', assetVersion: 'test' },
  logger: new Logger({ logLevel: 'SILENT' }),
  now: createClock(),
  clientIp: () => '127.0.0.1',
  mailer: {},
  files: {},
} as unknown as AppDeps

const whole = createApp(deps)
const apps: Record<Audience, App> = {
  citizen: createAppOf(deps, citizenGroups),
  staff: createAppOf(deps, staffGroups),
  platform: createAppOf(deps, platformGroups),
}
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`
const routesOf = (app: App) => new Set(app.routes.map(key))
/** A path a route pattern matches: each parameter or wildcard stands for one segment. */
const samplePath = (pattern: string) => pattern.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x')
/** Hono's pattern as a regular expression, enough for the app's patterns (`:param`, a trailing `*`). */
const matches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.]/g, '\\.')
      .replace(/:[^/]+/g, '[^/]+')
      .replace(/\/\*$/, '(/.*)?')
      .replace(/\*/g, '.*')}$`,
  ).test(path)

describe('functions by audience', () => {
  it('answers every route of the whole app in the function API Gateway sends its path to, or in http', () => {
    const missing: string[] = []
    for (const route of whole.routes) {
      const fn = functionForPath(samplePath(route.path))
      if (fn !== 'http' && !routesOf(apps[fn]).has(key(route))) missing.push(`${key(route)} -> ${fn}`)
    }
    expect(missing).toEqual([])
  })

  it("runs every middleware of the whole app that guards an audience's paths in that audience's function too", () => {
    const missing: string[] = []
    for (const [audience, paths] of Object.entries(audienceFunctions) as [Audience, readonly string[]][]) {
      const own = routesOf(apps[audience])
      for (const path of paths.map((p) => p.replace('{proxy+}', 'x')))
        for (const route of whole.routes)
          if (matches(route.path, path) && !own.has(key(route)))
            missing.push(`${key(route)} for ${path} -> ${audience}`)
    }
    expect(missing).toEqual([])
  })

  it('keeps the order of the whole app in each function', () => {
    for (const app of Object.values(apps)) {
      // Each function's routes, in order, are a subsequence of the whole app's.
      let next = 0
      for (const route of app.routes) {
        while (next < whole.routes.length && key(whole.routes[next] ?? route) !== key(route)) next++
        expect(next, key(route)).toBeLessThan(whole.routes.length)
        next++
      }
    }
  })

  it('sends a path to the exact route first, then the longest {proxy+} prefix, then http', () => {
    expect(functionForPath('/')).toBe('citizen')
    expect(functionForPath('/kios/survei')).toBe('staff')
    expect(functionForPath('/kios/tiket/A001/s')).toBe('staff')
    expect(functionForPath('/staf/loket/c1')).toBe('staff')
    expect(functionForPath('/kementerian/statistik')).toBe('platform')
    expect(functionForPath('/masuk')).toBe('http')
    expect(functionForPath('/api/live/token')).toBe('http')
  })
})

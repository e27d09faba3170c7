/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest'
import type { RouteCase } from '../support/cross-tenant'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

/** Every route case the cross-tenant test knows, reused here with the officer's own tenant as the target. */
const routeCases = Object.values(
  import.meta.glob<Record<string, RouteCase[]>>('./cross-tenant-cases/*.ts', { eager: true }),
).flatMap((module) => Object.values(module).flat())
const adminRoutes = routeCases.filter((c) => c.route.startsWith('/api/admin') || c.route.startsWith('/admin'))

let t: TestApp
let officer: string
const host = tenants.lubuklinggau.host

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

describe("an officer on their own tenant's admin routes", () => {
  it('finds admin routes to check', () => {
    expect(adminRoutes.length).toBeGreaterThan(20)
  })

  it.each(adminRoutes)('is refused: $method $route', async (c) => {
    const before = await tenantSnapshot(t.db, tenants.lubuklinggau.id)
    const payload = c.body?.({ host, email: 'petugas@lubuklinggau.test', cookie: officer, identity: [] })
    const headers: Record<string, string> = { cookie: officer, origin: `http://${host}` }
    let body: string | undefined
    if (payload && 'json' in payload) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(payload.json)
    } else if (payload) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(payload.form).toString()
    }
    const res = await t.request(host, c.path ?? c.route, { method: c.method, headers, body })
    expect(res.status, await res.text()).toBe(403)
    expect(await tenantSnapshot(t.db, tenants.lubuklinggau.id)).toEqual(before)
  })
})

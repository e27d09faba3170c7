import { expect } from 'vitest'
import type { TestApp } from './test-app'
import { tenantSnapshot } from './test-db'

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The route as the app registers it, e.g. `/layanan/:serviceId`. */
  route: string
  /** A concrete path to call on the victim's host; defaults to `route`. */
  path?: string
  /** The request body; a function of the attacker when it carries the attacker's own credentials. */
  body?: (attacker: Party) => { json: unknown } | { form: Record<string, string> }
  /**
   * `refused`: a foreign session must get 401/403/404 (or be sent to the login page).
   * `anonymous`: a public route; a foreign session must be treated exactly like no session.
   */
  expect: 'refused' | 'anonymous'
}

export interface Party {
  host: string
  email: string
  cookie: string
  /** Text that would show if the app honoured the session, e.g. the "logged in as" line. */
  identity: string[]
}

const send = (t: TestApp, host: string, c: RouteCase, attacker: Party, withSession: boolean) => {
  const headers: Record<string, string> = { origin: `http://${host}` }
  if (withSession) headers.cookie = attacker.cookie
  const payload = c.body?.(attacker)
  let body: string | undefined
  if (payload && 'json' in payload) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(payload.json)
  } else if (payload) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(payload.form).toString()
  }
  return t.request(host, c.path ?? c.route, { method: c.method, headers, body })
}

/**
 * Proves that the attacker's session, sent to the victim's host, is refused (or worth nothing on a public
 * route) and that the victim's data is unchanged afterwards.
 */
export const expectCrossTenantRefused = async (
  t: TestApp,
  c: RouteCase,
  attacker: Party,
  victim: { host: string; tenantId?: string },
) => {
  const label = `${c.method} ${c.path ?? c.route} on ${victim.host}`
  const before = victim.tenantId ? await tenantSnapshot(t.db, victim.tenantId) : []
  const res = await send(t, victim.host, c, attacker, true)
  const text = await res.text()

  for (const marker of attacker.identity) expect(text, label).not.toContain(marker)
  expect(res.status, label).toBeLessThan(500)
  if (c.expect === 'refused') {
    const toLogin = res.status === 303 && (res.headers.get('location') ?? '').startsWith('/masuk')
    expect(
      toLogin || [401, 403, 404].includes(res.status),
      `${label}: ${res.status} ${text.slice(0, 200)}`,
    ).toBe(true)
  } else {
    const anonymous = await send(t, victim.host, c, attacker, false)
    expect(res.status, label).toBe(anonymous.status)
  }

  if (victim.tenantId) expect(await tenantSnapshot(t.db, victim.tenantId), label).toEqual(before)
}

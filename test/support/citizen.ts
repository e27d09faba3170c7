import { expect } from 'vitest'
import { json } from './queue-helpers'
import type { TestApp } from './test-app'

/**
 * Signs a citizen in by email on `host` as a person does (a code by mail, then the code) and returns the
 * citizen cookie (`mpp_citizen=...`).
 */
export const citizenCookie = async (t: TestApp, host: string, email: string) => {
  expect((await t.request(host, '/api/citizen/sign-in-codes', json({ address: email }))).status).toBe(202)
  await t.mail.idle()
  const mail = t.mail.transport.sent.filter((m) => m.to === email).at(-1)
  const code = /^\s*(\d{6})\s*$/m.exec(mail?.text ?? '')?.[1] ?? ''
  const res = await t.request(host, '/api/citizen/session', json({ address: email, code }))
  expect(res.status).toBe(200)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_citizen='))
  if (!cookie) throw new Error('no citizen cookie')
  return cookie.split(';')[0] as string
}

/**
 * A JSON call on `host` with a cookie (a citizen's or staff's) as a browser on that site sends it: the
 * status and the parsed body.
 */
export const jsonCall =
  (t: TestApp, defaultHost: string) =>
  async (method: string, path: string, cookie: string, body?: unknown, host: string = defaultHost) => {
    const res = await t.request(host, path, {
      method,
      headers: {
        cookie,
        origin: `http://${host}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, json: text ? JSON.parse(text) : undefined }
  }

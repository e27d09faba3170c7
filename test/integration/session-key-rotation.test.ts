import { createApp } from '@mpp/api/app'
import { listOutbox } from '@mpp/db/outbox-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createTestApp,
  loginCookie,
  type TestApp,
  tenants,
  testPassword,
  testSecret,
} from '../support/test-app'

const llg = tenants.lubuklinggau.host
const rotated = 'the-session-key-after-rotation-long-enough'

let before: TestApp
let cookie: string
beforeAll(async () => {
  before = await createTestApp()
  cookie = await loginCookie(before, llg, 'admin@lubuklinggau.test')
})

/** The same table and clock, another session key configuration: an instance started after a rotation. */
const instance = (sessionSecret: string, previousSessionSecret?: string) =>
  createApp({ ...before.deps, config: { ...before.deps.config, sessionSecret, previousSessionSecret } })

const staffList = (app: ReturnType<typeof createApp>, withCookie: string) =>
  app.request(`http://${llg}/api/admin/staff`, { headers: { cookie: withCookie } })

describe('rotating the session key', () => {
  it('keeps a session signed with the key before the rotation', async () => {
    expect((await staffList(instance(rotated, testSecret), cookie)).status).toBe(200)
  })

  it('signs new sessions with the new key only', async () => {
    const after = instance(rotated, testSecret)
    const res = await after.request(`http://${llg}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-client': '10.9.9.9' },
      body: JSON.stringify({ email: 'admin@lubuklinggau.test', password: testPassword }),
    })
    expect(res.status).toBe(200)
    const fresh = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string
    expect((await staffList(after, fresh)).status).toBe(200)
    // An instance that still has only the old key does not know it.
    expect((await staffList(instance(testSecret), fresh)).status).toBe(401)
  })

  it('ends the old sessions once the old key is no longer kept as the previous one', async () => {
    expect((await staffList(instance(rotated), cookie)).status).toBe(401)
    expect(
      (await staffList(instance('yet-another-key-long-enough-for-hmac-use', rotated), cookie)).status,
    ).toBe(401)
  })
})

describe("rotating the session key, for a citizen's session", () => {
  it('keeps a citizen signed in across the rotation, and no longer once the old key goes', async () => {
    const send = (path: string, body: unknown) =>
      before.request(llg, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    await send('/api/citizen/sign-in-codes', { address: '081299990001' })
    const message = (await listOutbox(before.db, tenants.lubuklinggau.id)).find(
      (m) => m.to === '+6281299990001',
    )
    const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1]
    const res = await send('/api/citizen/session', { address: '081299990001', code })
    expect(res.status).toBe(200)
    const citizen = (res.headers.getSetCookie().find((c) => c.startsWith('mpp_citizen=')) ?? '').split(
      ';',
    )[0] as string
    const who = (app: ReturnType<typeof createApp>) =>
      app.request(`http://${llg}/api/citizen/session`, { headers: { cookie: citizen } })
    expect((await who(instance(rotated, testSecret))).status).toBe(200)
    expect((await who(instance(rotated))).status).toBe(401)
  })
})

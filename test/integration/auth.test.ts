import { issueSessionToken } from '@mpp/api/auth/session-token'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import {
  createTestApp,
  loginCookie,
  platformHost,
  type TestApp,
  tenants,
  testPassword,
  testSecret,
} from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const form = (fields: Record<string, string>, origin: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
  body: new URLSearchParams(fields).toString(),
})

const llg = tenants.lubuklinggau.host

describe('login API', () => {
  it('logs a tenant admin in on their host with a host-only HttpOnly cookie', async () => {
    const res = await t.request(
      llg,
      '/api/auth/login',
      json({ email: 'Admin@Lubuklinggau.test ', password: testPassword }),
    )
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ email: 'admin@lubuklinggau.test', role: 'admin', tenantId: '16.73' })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_session=')) ?? ''
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Domain=/i)
    expect(cookie).not.toMatch(/; Secure/) // plain http on localhost

    const session = await t.request(llg, '/api/auth/session', {
      headers: { cookie: cookie.split(';')[0] as string },
    })
    expect(session.status).toBe(200)
    expect(await session.json()).toMatchObject({ email: 'admin@lubuklinggau.test', role: 'admin' })
  })

  it('sets a Secure __Host- cookie over HTTPS', async () => {
    const res = await t.app.request(
      `https://${llg}/api/auth/login`,
      json({ email: 'petugas@lubuklinggau.test', password: testPassword }),
    )
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-mpp_session=')) ?? ''
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; Path=\//)
  })

  it('refuses a wrong password and an unknown account alike', async () => {
    for (const email of ['admin@lubuklinggau.test', 'nobody@lubuklinggau.test']) {
      const res = await t.request(llg, '/api/auth/login', json({ email, password: 'wrong-password' }))
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'Email atau kata sandi salah.' },
      })
    }
  })

  it("refuses a tenant account on another tenant's host and on the platform", async () => {
    const onOther = await t.request(
      tenants.palembang.host,
      '/api/auth/login',
      json({ email: 'admin@lubuklinggau.test', password: testPassword }),
    )
    expect(onOther.status).toBe(401)
    const onPlatform = await t.request(
      platformHost,
      '/api/auth/login',
      json({ email: 'admin@lubuklinggau.test', password: testPassword }),
    )
    expect(onPlatform.status).toBe(401)
  })

  it('logs the ministry in on the platform host only', async () => {
    const ok = await t.request(
      platformHost,
      '/api/auth/login',
      json({ email: 'kementerian@panrb.test', password: testPassword }),
    )
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ role: 'ministry', tenantId: null })
    const onTenant = await t.request(
      llg,
      '/api/auth/login',
      json({ email: 'kementerian@panrb.test', password: testPassword }),
    )
    expect(onTenant.status).toBe(401)
  })

  it('slows guessing with a growing delay after five failures, never a lockout', async () => {
    const clock = createClock()
    const app = await createTestApp({ db: t.db, now: clock.now })
    const host = tenants.samarinda.host
    const attempt = (password: string, email = 'admin@samarinda.test') =>
      app.request(host, '/api/auth/login', json({ email, password }, { 'x-test-client': '198.51.100.5' }))
    for (let i = 0; i < 5; i++) expect((await attempt('guess')).status).toBe(401)
    const slowed = await attempt('guess')
    expect(slowed.status).toBe(429)
    expect(slowed.headers.get('retry-after')).toBe('1')
    expect((await slowed.json()).error.code).toBe('too_many_requests')
    // Even the right password waits; refused attempts during the wait count for nothing.
    expect((await attempt(testPassword)).status).toBe(429)
    clock.advanceMinutes(1 / 60)
    expect((await attempt('guess')).status).toBe(401)
    const longer = await attempt('guess')
    expect(longer.headers.get('retry-after')).toBe('2')
    clock.advanceMinutes(2 / 60)
    expect((await attempt(testPassword)).status).toBe(200)
    // A success clears the count: the next mistake is an ordinary 401.
    expect((await attempt('guess')).status).toBe(401)
  })

  it("cannot be used to keep an account's owner out: failures from one client slow only that client", async () => {
    const clock = createClock()
    const app = await createTestApp({ db: t.db, now: clock.now })
    const host = tenants.pekanbaru.host
    const variants = ['Admin@Pekanbaru.test', ' admin@pekanbaru.test ', 'ADMIN@PEKANBARU.TEST']
    for (let i = 0; i < 12; i++) {
      const res = await app.request(
        host,
        '/api/auth/login',
        json({ email: variants[i % 3], password: 'guess' }, { 'x-test-client': '198.51.100.66' }),
      )
      expect([401, 429]).toContain(res.status)
      clock.advanceMinutes(0.5)
    }
    const attacker = await app.request(
      host,
      '/api/auth/login',
      json({ email: 'admin@pekanbaru.test', password: testPassword }, { 'x-test-client': '198.51.100.66' }),
    )
    expect(attacker.status).toBe(429)
    const owner = await app.request(
      host,
      '/api/auth/login',
      json({ email: 'admin@pekanbaru.test', password: testPassword }, { 'x-test-client': '192.0.2.10' }),
    )
    expect(owner.status).toBe(200)
  })

  it('ends the session on logout', async () => {
    const cookie = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const res = await t.request(llg, '/api/auth/logout', { method: 'POST', headers: { cookie } })
    expect(res.status).toBe(204)
    expect(res.headers.getSetCookie().join()).toMatch(/mpp_session=;.*Max-Age=0/)
  })
})

describe('sessions', () => {
  const sessionFor = (cookie: string) => t.request(llg, '/api/auth/session', { headers: { cookie } })

  it('answers 401 without a session', async () => {
    const res = await sessionFor('')
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('unauthorized')
  })

  it('refuses a forged token', async () => {
    const forged = await issueSessionToken(
      {
        id: 'forged-session-id-0001',
        email: 'admin@lubuklinggau.test',
        name: 'X',
        role: 'admin',
        tenantId: '16.73',
        host: llg,
        expiresAt: 9e9,
      },
      'not-the-secret-at-all-but-long-enough',
    )
    expect((await sessionFor(`mpp_session=${forged}`)).status).toBe(401)
    expect((await sessionFor('mpp_session=garbage.token.value')).status).toBe(401)
  })

  it('refuses an expired token', async () => {
    const expired = await issueSessionToken(
      {
        id: 'forged-session-id-0001',
        email: 'admin@lubuklinggau.test',
        name: 'X',
        role: 'admin',
        tenantId: '16.73',
        host: llg,
        expiresAt: 1_000_000,
      },
      testSecret,
    )
    expect((await sessionFor(`mpp_session=${expired}`)).status).toBe(401)
  })

  // Years before and long after any machine's date: only the app's clock may decide.
  it.each(['2001-03-05T01:00:00Z', '2099-07-01T01:00:00Z'])(
    'lasts 12 hours of the app clock from %s, not of the wall clock',
    async (start) => {
      const clock = createClock(start)
      const app = await createTestApp({ db: t.db, now: clock.now })
      const cookie = await loginCookie(app, llg, 'petugas@lubuklinggau.test')
      const session = () => app.request(llg, '/api/auth/session', { headers: { cookie } })
      expect((await session()).status).toBe(200)
      clock.advanceMinutes(12 * 60 - 1)
      expect((await session()).status).toBe(200)
      clock.advanceMinutes(1)
      expect((await session()).status).toBe(401)
    },
  )

  it('refuses a token issued for another host even when correctly signed', async () => {
    const cookie = await loginCookie(t, tenants.palembang.host, 'admin@palembang.test')
    expect((await sessionFor(cookie)).status).toBe(401)
  })
})

describe('login form', () => {
  it('logs in and redirects staff to their workspace', async () => {
    const res = await t.request(
      llg,
      '/masuk',
      form({ email: 'petugas@lubuklinggau.test', password: testPassword }, `http://${llg}`),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/staf')
    const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('mpp_session=')) ?? '').split(
      ';',
    )[0] as string
    const page = await t.request(llg, '/staf', { headers: { cookie } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Selamat datang, Petugas Loket')
    expect(html).toContain('Petugas loket')
    expect(html).toContain('7 instansi, 18 layanan')
  })

  it('keeps what the user typed and says why when the password is wrong', async () => {
    const res = await t.request(
      llg,
      '/masuk',
      form({ email: 'admin@lubuklinggau.test', password: 'nope' }, `http://${llg}`),
    )
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('value="admin@lubuklinggau.test"')
    expect(html).toContain('role="alert"')
    expect(html).toContain('Email atau kata sandi salah.')
  })

  it('keeps the typed email when it is malformed', async () => {
    const res = await t.request(llg, '/masuk', form({ email: 'bukan-email', password: 'x' }, `http://${llg}`))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('value="bukan-email"')
  })

  it('sends a visitor without a session from a staff page to the login page', async () => {
    const res = await t.request(llg, '/staf')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/masuk?next=%2Fstaf')
  })

  it('only redirects to paths on the same site after login', async () => {
    const res = await t.request(
      llg,
      '/masuk',
      form(
        { email: 'admin@lubuklinggau.test', password: testPassword, next: '//evil.example/x' },
        `http://${llg}`,
      ),
    )
    expect(res.headers.get('location')).toBe('/staf')
  })

  it('refuses a cross-site form post (CSRF)', async () => {
    const res = await t.request(
      llg,
      '/masuk',
      form({ email: 'admin@lubuklinggau.test', password: testPassword }, 'http://evil.example'),
    )
    expect(res.status).toBe(403)
    const noOrigin = await t.request(llg, '/masuk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=x',
    })
    expect(noOrigin.status).toBe(403)
  })

  it('refuses a JSON request from another origin', async () => {
    const res = await t.request(
      llg,
      '/api/auth/login',
      json(
        { email: 'admin@lubuklinggau.test', password: testPassword },
        { origin: `http://${tenants.palembang.host}` },
      ),
    )
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('origin_mismatch')
  })

  it('lets the ministry into its console and keeps tenant staff out', async () => {
    const ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
    const console_ = await t.request(platformHost, '/kementerian', { headers: { cookie: ministry } })
    expect(console_.status).toBe(200)
    expect(await console_.text()).toContain('Mal Pelayanan Publik Kota Samarinda')
    // A tenant cookie sent to the platform host is no session there.
    const staff = await loginCookie(t, llg, 'admin@lubuklinggau.test')
    const refused = await t.request(platformHost, '/kementerian', { headers: { cookie: staff } })
    expect(refused.status).toBe(303)
  })
})

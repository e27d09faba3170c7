import { hashPassword } from '@mpp/api/auth/password'
import { putAccount } from '@mpp/db/account-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { json } from '../support/queue-helpers'
import {
  createTestApp,
  loginCookie,
  platformHost,
  type TestApp,
  tenants,
  testPassword,
} from '../support/test-app'

const llg = tenants.lubuklinggau.host
let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await putAccount(
    t.db,
    { kind: 'platform' },
    {
      email: 'analis@panrb.test',
      name: 'Analis Kedua',
      role: 'ministry',
      passwordHash: await hashPassword(testPassword),
      active: true,
    },
  )
})

const sessionOn = (host: string, cookie: string) =>
  t.request(host, '/api/auth/session', { headers: { cookie } })

describe('logging out', () => {
  it('ends that session on the server, so a kept copy of the cookie is worth nothing', async () => {
    const cookie = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    const other = await loginCookie(t, llg, 'petugas@lubuklinggau.test')
    expect((await sessionOn(llg, cookie)).status).toBe(200)
    const out = await t.request(llg, '/api/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: `http://${llg}` },
    })
    expect(out.status).toBe(204)
    expect((await sessionOn(llg, cookie)).status).toBe(401)
    // The same person's other session (the kiosk, say) goes on.
    expect((await sessionOn(llg, other)).status).toBe(200)
  })

  it('through the form too, for a ministry session', async () => {
    const cookie = await loginCookie(t, platformHost, 'kementerian@panrb.test')
    const out = await t.request(platformHost, '/keluar', {
      method: 'POST',
      headers: {
        cookie,
        origin: `http://${platformHost}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    })
    expect(out.status).toBe(303)
    expect((await sessionOn(platformHost, cookie)).status).toBe(401)
    expect((await t.request(platformHost, '/kementerian', { headers: { cookie } })).status).toBe(303)
  })
})

describe('ministry accounts', () => {
  it('can be deactivated by another ministry account; the session stops at once and login is refused', async () => {
    const chief = await loginCookie(t, platformHost, 'kementerian@panrb.test')
    const analyst = await loginCookie(t, platformHost, 'analis@panrb.test')
    expect((await sessionOn(platformHost, analyst)).status).toBe(200)
    const list = await (
      await t.request(platformHost, '/api/ministry/accounts', { headers: { cookie: chief } })
    ).json()
    expect(list.accounts.map((a: { email: string }) => a.email)).toEqual([
      'analis@panrb.test',
      'kementerian@panrb.test',
    ])

    const put = (email: string, active: boolean, cookie = chief) =>
      t.request(platformHost, `/api/ministry/accounts/${email}/active`, {
        ...json({ active }, { cookie, origin: `http://${platformHost}` }),
        method: 'PUT',
      })
    const off = await put('analis@panrb.test', false)
    expect(off.status).toBe(200)
    expect(await off.json()).toEqual({ email: 'analis@panrb.test', name: 'Analis Kedua', active: false })
    expect((await sessionOn(platformHost, analyst)).status).toBe(401)
    const again = await t.request(
      platformHost,
      '/api/auth/login',
      json({ email: 'analis@panrb.test', password: testPassword }, { origin: `http://${platformHost}` }),
    )
    expect(again.status).toBe(401)

    const self = await put('kementerian@panrb.test', false)
    expect(self.status).toBe(409)
    expect((await self.json()).error.code).toBe('own_account')
    expect((await put('nobody@panrb.test', false)).status).toBe(404)
    // A tenant account is not a ministry account, even by its email.
    expect((await put('admin@lubuklinggau.test', false)).status).toBe(404)
    expect((await put('analis@panrb.test', true)).status).toBe(200)
  })

  it('has a page to deactivate and reactivate from', async () => {
    const chief = await loginCookie(t, platformHost, 'kementerian@panrb.test')
    const page = await (
      await t.request(platformHost, '/kementerian/akun', { headers: { cookie: chief } })
    ).text()
    expect(page).toContain('Nonaktifkan Analis Kedua')
    expect(page).not.toContain('Nonaktifkan Analis Kementerian PANRB')
    const post = (email: string, active: string) =>
      t.request(platformHost, '/kementerian/akun/status', {
        method: 'POST',
        headers: {
          cookie: chief,
          origin: `http://${platformHost}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ email, active }).toString(),
      })
    const done = await post('analis@panrb.test', 'no')
    expect(done.headers.get('location')).toBe('/kementerian/akun?tersimpan')
    const own = await post('kementerian@panrb.test', 'no')
    expect(own.status).toBe(409)
    expect(await own.text()).toContain('Anda tidak dapat menonaktifkan akun Anda sendiri.')
    expect((await post('analis@panrb.test', 'yes')).status).toBe(303)
  })
})

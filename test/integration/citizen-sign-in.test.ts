import { listOutbox } from '@mpp/db/outbox-repository'
import { id } from '@mpp/web/i18n/id'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

const llg = tenants.lubuklinggau
const plg = tenants.palembang
const clock = createClock()
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
})

const requestCode = (address: string, host: string = llg.host, client?: string) =>
  t.request(host, '/api/citizen/sign-in-codes', json({ address }, client ? { 'x-test-client': client } : {}))

const signIn = (address: string, code: string, host: string = llg.host, client?: string) =>
  t.request(host, '/api/citizen/session', json({ address, code }, client ? { 'x-test-client': client } : {}))

/** The code last sent to an address: from the mail server for an email, the notification outbox for a phone. */
const lastCode = async (address: string, tenantId: string = llg.id) => {
  if (address.includes('@')) {
    await t.mail.idle()
    const mail = t.mail.transport.sent.filter((m) => m.to === address).at(-1)
    return /^\s*(\d{6})\s*$/m.exec(mail?.text ?? '')?.[1] ?? ''
  }
  const message = (await listOutbox(t.db, tenantId)).find(
    (m) => m.kind === 'sign_in_code' && m.to === address,
  )
  return /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? ''
}

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

const citizenCookie = (res: Response) => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_citizen='))
  if (!cookie) throw new Error('no citizen cookie')
  return cookie.split(';')[0] as string
}

/** Signs a citizen in through the API and returns their cookie. */
const signedInCitizen = async (address: string, host: string = llg.host, tenantId: string = llg.id) => {
  expect((await requestCode(address, host)).status).toBe(202)
  const res = await signIn(address, await lastCode(address, tenantId), host)
  expect(res.status).toBe(200)
  return citizenCookie(res)
}

const whoAmI = (cookie: string, host: string = llg.host) =>
  t.request(host, '/api/citizen/session', { headers: { cookie } })

describe('citizens sign in with a one-time code', () => {
  it('by email: the code comes by mail, signs in once and opens a session on this host', async () => {
    const sent = await requestCode('  Budi.Santoso@Contoh.id ')
    expect(sent.status).toBe(202)
    expect(await sent.json()).toEqual({ sentTo: 'bu••••@contoh.id', expiresAt: '2026-11-24T03:10:00.000Z' })
    const code = await lastCode('budi.santoso@contoh.id')
    expect(code).toMatch(/^\d{6}$/)
    const mail = t.mail.transport.sent.at(-1)
    expect(mail?.subject).toBe(id.citizenSignIn.mailSubject('Mal Pelayanan Publik Kota Lubuklinggau'))

    const res = await signIn('budi.santoso@contoh.id', code)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      address: 'budi.santoso@contoh.id',
      tenantId: llg.id,
      expiresAt: '2026-11-24T15:00:00.000Z',
    })
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_citizen=')) ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).not.toMatch(/Domain=/i)
    const cookie = citizenCookie(res)
    expect(await (await whoAmI(cookie)).json()).toMatchObject({ address: 'budi.santoso@contoh.id' })

    // Single use: the same code again is refused.
    const again = await signIn('budi.santoso@contoh.id', code)
    expect(again.status).toBe(401)
    expect((await again.json()).error.code).toBe('sign_in_code_expired')
  })

  it('by mobile number: the code goes to the notification outbox, however the number is typed', async () => {
    const sent = await requestCode('0812-3456-7001')
    expect(await sent.json()).toMatchObject({ sentTo: '0812••••7001' })
    const code = await lastCode('+6281234567001')
    const res = await signIn('+62 812 3456 7001', code)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ address: '+6281234567001' })

    // The MPP's admin reads the outbox without the code: staff cannot sign in as a citizen.
    const admin = await loginCookie(t, llg.host, 'admin@lubuklinggau.test')
    const outbox = await (
      await t.request(llg.host, '/api/admin/outbox', { headers: { cookie: admin } })
    ).json()
    const shown = outbox.messages.find((m: { to: string }) => m.to === '+6281234567001')
    expect(shown.kind).toBe('sign_in_code')
    expect(shown.text).not.toContain(code)
    expect(shown.text).toContain(id.ministryConsole.secretLinkHidden)
    const page = await (await t.request(llg.host, '/admin/antrean', { headers: { cookie: admin } })).text()
    expect(page).not.toContain(`kode masuk Anda ${code}`)
  })

  it('answers the same whether or not the address ever signed in', async () => {
    await signedInCitizen('lama@contoh.id')
    const known = await requestCode('lama@contoh.id')
    const unknown = await requestCode('baru@contoh.id')
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual({ sentTo: 'la••••@contoh.id', expiresAt: '2026-11-24T03:10:00.000Z' })
    expect(await unknown.json()).toEqual({
      sentTo: 'ba••••@contoh.id',
      expiresAt: '2026-11-24T03:10:00.000Z',
    })
  })

  it('refuses a wrong code with the tries left, an expired one, and any code after 5 wrong tries', async () => {
    const address = 'salah@contoh.id'
    await requestCode(address)
    const code = await lastCode(address)
    const wrong = await signIn(address, otherThan(code))
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error).toMatchObject({
      code: 'sign_in_code_invalid',
      details: { attemptsLeft: 4 },
    })
    // Ten minutes on, the right code is too late.
    clock.advanceMinutes(10)
    const late = await signIn(address, code)
    expect((await late.json()).error).toMatchObject({
      code: 'sign_in_code_expired',
      details: [{ path: 'code', message: id.issues.codeExpired }],
    })

    await requestCode(address)
    const fresh = await lastCode(address)
    for (let i = 0; i < 5; i++) expect((await signIn(address, otherThan(fresh))).status).toBe(401)
    const guessed = await signIn(address, fresh)
    expect((await guessed.json()).error.code).toBe('sign_in_code_expired')
    // A new code works again.
    await requestCode(address)
    expect((await signIn(address, await lastCode(address))).status).toBe(200)
  })

  it('tries spent in parallel count each: of 10 guesses at once, at most 5 are compared', async () => {
    const address = 'paralel@contoh.id'
    await requestCode(address)
    const code = await lastCode(address)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => signIn(address, otherThan(code)).then((r) => r.json())),
    )
    expect(answers.filter((a) => a.error.code === 'sign_in_code_invalid')).toHaveLength(5)
    expect((await (await signIn(address, code)).json()).error.code).toBe('sign_in_code_expired')
  })

  it('limits codes per address (3 an hour) and per client, and tries per client, with Retry-After', async () => {
    clock.set('2026-11-24T04:00:00Z')
    for (let i = 0; i < 3; i++) expect((await requestCode('sering@contoh.id')).status).toBe(202)
    const fourth = await requestCode('sering@contoh.id')
    expect(fourth.status).toBe(429)
    expect(fourth.headers.get('retry-after')).toBe('3600')
    expect((await fourth.json()).error.code).toBe('too_many_requests')

    for (let i = 0; i < 5; i++)
      expect((await requestCode(`warga${i}@contoh.id`, llg.host, '10.9.9.9')).status).toBe(202)
    expect((await requestCode('warga9@contoh.id', llg.host, '10.9.9.9')).status).toBe(429)

    // A staff session on its own MPP passes the public limits elsewhere, not here: sign-in is no staff channel.
    const staff = await loginCookie(t, llg.host, 'petugas@lubuklinggau.test')
    const asStaff = (address: string) =>
      t.request(
        llg.host,
        '/api/citizen/sign-in-codes',
        json({ address }, { 'x-test-client': '10.9.9.7', cookie: staff }),
      )
    for (let i = 0; i < 5; i++) expect((await asStaff(`staf${i}@contoh.id`)).status).toBe(202)
    expect((await asStaff('staf9@contoh.id')).status).toBe(429)

    for (let i = 0; i < 20; i++)
      expect((await signIn(`tebak${i}@contoh.id`, '123456', llg.host, '10.9.9.8')).status).toBe(401)
    const past = await signIn('tebak@contoh.id', '123456', llg.host, '10.9.9.8')
    expect(past.status).toBe(429)
    expect(Number(past.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('signs out for good: a kept copy of the cookie stops working', async () => {
    const cookie = await signedInCitizen('keluar@contoh.id')
    const out = await t.request(llg.host, '/api/citizen/sign-out', { method: 'POST', headers: { cookie } })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join()).toMatch(/mpp_citizen=;/)
    expect((await whoAmI(cookie)).status).toBe(401)
  })
})

describe('a citizen is not staff, and staff are not citizens', () => {
  it('a citizen session passes no staff middleware, and a staff session is no citizen session', async () => {
    const citizen = await signedInCitizen('warga@contoh.id')
    expect((await t.request(llg.host, '/api/auth/session', { headers: { cookie: citizen } })).status).toBe(
      401,
    )
    expect((await t.request(llg.host, '/api/admin/staff', { headers: { cookie: citizen } })).status).toBe(401)
    // The citizen token under the staff cookie's name is no staff session either (another key, other claims).
    const asStaffCookie = citizen.replace('mpp_citizen=', 'mpp_session=')
    expect(
      (await t.request(llg.host, '/api/auth/session', { headers: { cookie: asStaffCookie } })).status,
    ).toBe(401)

    const staff = await loginCookie(t, llg.host, 'admin@lubuklinggau.test')
    expect((await whoAmI(staff)).status).toBe(401)
    expect((await whoAmI(staff.replace('mpp_session=', 'mpp_citizen='))).status).toBe(401)
  })
})

describe('a Palembang code or session is worth nothing on Lubuklinggau', () => {
  it("refuses Palembang's code on Lubuklinggau's host and its session there, changing nothing", async () => {
    const address = 'warga.plg@contoh.id'
    await requestCode(address, plg.host)
    const code = await lastCode(address, plg.id)
    const before = await tenantSnapshot(t.db, llg.id)
    const foreignCode = await signIn(address, code, llg.host)
    expect(foreignCode.status).toBe(401)
    expect((await foreignCode.json()).error.code).toBe('sign_in_code_expired')
    expect(await tenantSnapshot(t.db, llg.id)).toEqual(before)

    // The code still works at home, once; its session counts only there.
    const home = await signIn(address, code, plg.host)
    expect(home.status).toBe(200)
    const cookie = citizenCookie(home)
    expect((await whoAmI(cookie, plg.host)).status).toBe(200)
    expect((await whoAmI(cookie, llg.host)).status).toBe(401)
    const beforeOut = await tenantSnapshot(t.db, llg.id)
    const out = await t.request(llg.host, '/api/citizen/sign-out', { method: 'POST', headers: { cookie } })
    expect(out.status).toBe(204)
    expect(await tenantSnapshot(t.db, llg.id)).toEqual(beforeOut)
    expect((await whoAmI(cookie, plg.host)).status).toBe(200)
    // Nor on the platform host.
    expect((await t.request('localhost', '/api/citizen/session', { headers: { cookie } })).status).toBe(404)
  })
})

describe('bad input', () => {
  it('is a 400 with the error shape and a reason per field', async () => {
    const bad = await requestCode('bukan alamat')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'address', message: id.issues.emailOrPhone }],
    })
    const badCode = await signIn('budi@contoh.id', '12ab')
    expect((await badCode.json()).error.details).toEqual([{ path: 'code', message: id.issues.sixDigits }])
    const extra = await t.request(
      llg.host,
      '/api/citizen/sign-in-codes',
      json({ address: 'a@b.id', role: 'admin' }),
    )
    expect((await extra.json()).error.details).toEqual([{ path: 'role', message: id.issues.unknownField }])
    const empty = await t.request(llg.host, '/api/citizen/session', json({}))
    expect(empty.status).toBe(400)
    const onPlatform = await t.request('localhost', '/api/citizen/sign-in-codes', json({ address: 'a@b.id' }))
    expect(onPlatform.status).toBe(404)
  })
})

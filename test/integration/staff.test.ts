import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

const { host, id: tenantId } = tenants.lubuklinggau
const clock = createClock()
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
})

const api = async (method: string, path: string, body?: unknown, cookie = admin, app = t) => {
  const res = await app.request(host, path, {
    method,
    headers: {
      cookie,
      origin: `http://${host}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined }
}

const form = async (path: string, fields: Record<string, string>, cookie = admin) => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location'), html: await res.text() }
}

/** The newest invite link mailed to `to`, as the mail server got it. */
const inviteLinkFor = async (to: string) => {
  await t.mail.idle()
  const mail = t.mail.transport.sent.findLast((m) => m.to === to)
  const match = mail && /https?:\/\/\S*\/undangan\/\S+/.exec(mail.text)
  if (!match) throw new Error(`no invite mailed to ${to}`)
  return { url: new URL(match[0]), mail }
}

const accept = (path: string, name: string, password: string) =>
  t.request(host, path, {
    method: 'POST',
    headers: { origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password, confirm: password }).toString(),
  })

const setActive = (email: string, active: boolean, cookie = admin) =>
  api('PUT', `/api/admin/staff/${encodeURIComponent(email)}/active`, { active }, cookie)
const setRole = (email: string, role: string, cookie = admin) =>
  api('PUT', `/api/admin/staff/${encodeURIComponent(email)}/role`, { role }, cookie)
const sessionOf = (cookie: string, app = t) => api('GET', '/api/auth/session', undefined, cookie, app)

const budi = 'budi@lubuklinggau.test'
const password = 'loket-pagi-yang-cerah'

describe('inviting staff', () => {
  it('lists the accounts without password hashes', async () => {
    const res = await api('GET', '/api/admin/staff')
    expect(res.status).toBe(200)
    expect(res.json.staff).toEqual(
      expect.arrayContaining([
        { email: 'admin@lubuklinggau.test', name: 'Admin MPP', role: 'admin', active: true, agencyIds: [] },
        {
          email: 'petugas@lubuklinggau.test',
          name: 'Petugas Loket',
          role: 'officer',
          active: true,
          agencyIds: [],
        },
      ]),
    )
    expect(res.text).not.toMatch(/passwordHash|scrypt/)
    expect(res.json.invites).toEqual([])
  })

  it('mails an invite link; the invitee sets a password there and can log in as an officer', async () => {
    const res = await api('POST', '/api/admin/staff/invites', {
      email: 'Budi@Lubuklinggau.test',
      name: 'Budi Santoso',
      role: 'officer',
    })
    expect(res.status, res.text).toBe(201)
    expect(res.json).toMatchObject({ email: budi, role: 'officer', invitedBy: 'admin@lubuklinggau.test' })

    const { url, mail } = await inviteLinkFor(budi)
    expect(url.origin).toBe(`http://${host}`)
    expect(mail.subject).toContain('Kota Lubuklinggau')
    expect(mail.text).toContain('Budi Santoso')
    expect((await api('GET', '/api/admin/staff')).json.invites).toEqual([
      expect.objectContaining({ email: budi, name: 'Budi Santoso', role: 'officer' }),
    ])

    const page = await t.request(host, url.pathname)
    expect(await page.text()).toContain(`value="${budi}"`)
    const accepted = await accept(url.pathname, 'Budi Santoso', password)
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/staf')
    // Once.
    expect((await accept(url.pathname, 'Budi Santoso', password)).status).toBe(404)

    const cookie = await loginCookie(t, host, budi, password)
    expect((await sessionOf(cookie)).json).toMatchObject({ email: budi, role: 'officer' })
    const listed = await api('GET', '/api/admin/staff')
    expect(listed.json.staff).toContainEqual({
      email: budi,
      name: 'Budi Santoso',
      role: 'officer',
      active: true,
      agencyIds: [],
    })
    expect(listed.json.invites).toEqual([])
  })

  it('refuses to invite an email that has an active account (409), and writes nothing', async () => {
    const before = await tenantSnapshot(t.db, tenantId)
    const res = await api('POST', '/api/admin/staff/invites', {
      email: budi,
      name: 'Budi Lagi',
      role: 'admin',
    })
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('staff_exists')
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)
  })

  it('replaces a pending invite when the same person is invited again', async () => {
    const email = 'sari@lubuklinggau.test'
    await api('POST', '/api/admin/staff/invites', { email, name: 'Sari', role: 'officer' })
    const first = await inviteLinkFor(email)
    clock.advanceMinutes(1)
    await api('POST', '/api/admin/staff/invites', { email, name: 'Sari Dewi', role: 'admin' })
    const second = await inviteLinkFor(email)
    expect(second.url.pathname).not.toBe(first.url.pathname)
    expect((await t.request(host, first.url.pathname)).status).toBe(404)
    expect((await t.request(host, second.url.pathname)).status).toBe(200)
    const invites = (await api('GET', '/api/admin/staff')).json.invites
    expect(invites).toEqual([expect.objectContaining({ email, name: 'Sari Dewi', role: 'admin' })])
  })

  it('refuses invalid invites', async () => {
    expect(
      (await api('POST', '/api/admin/staff/invites', { email: 'x', name: 'X', role: 'officer' })).status,
    ).toBe(400)
    expect(
      (await api('POST', '/api/admin/staff/invites', { email: 'a@b.co', name: 'Ani', role: 'ministry' }))
        .status,
    ).toBe(400)
  })
})

describe('deactivating staff', () => {
  let budiCookie: string

  it("refuses a deactivated officer's login and ends the session they had open", async () => {
    budiCookie = await loginCookie(t, host, budi, password)
    expect((await t.request(host, '/staf/loket', { headers: { cookie: budiCookie } })).status).toBe(200)

    const res = await setActive(budi, false)
    expect(res.status, res.text).toBe(200)
    expect(res.json).toEqual({
      email: budi,
      name: 'Budi Santoso',
      role: 'officer',
      active: false,
      agencyIds: [],
    })

    // The open session is refused on staff routes, pages and API alike, and its cookie cleared.
    const console = await t.request(host, '/staf/loket', { headers: { cookie: budiCookie } })
    expect(console.status).toBe(303)
    expect(console.headers.get('location')).toMatch(/^\/masuk/)
    expect(console.headers.getSetCookie().join()).toMatch(/mpp_session=;/)
    expect((await sessionOf(budiCookie)).status).toBe(401)
    const call = await api('POST', '/api/counters/loket-1/call-next', {}, budiCookie)
    expect(call.status).toBe(401)
    await expect(loginCookie(t, host, budi, password)).rejects.toThrow(/401/)
  })

  it('ends the session on every other server within 30 seconds', async () => {
    const other = await createTestApp({ db: t.db, now: clock.now })
    const petugas = await loginCookie(other, host, 'petugas@lubuklinggau.test')
    clock.advanceMinutes(1)
    expect((await sessionOf(petugas, other)).status).toBe(200)
    expect((await setActive('petugas@lubuklinggau.test', false)).status).toBe(200)
    // This server remembered "not revoked" a moment ago; it learns within its 30-second cache.
    expect((await sessionOf(petugas, other)).status).toBe(200)
    clock.set(new Date(clock.now().getTime() + 31_000).toISOString())
    expect((await sessionOf(petugas, other)).status).toBe(401)
    clock.advanceMinutes(1)
    expect((await setActive('petugas@lubuklinggau.test', true)).status).toBe(200)
  })

  it('reactivates: the person logs in again, the old session stays ended', async () => {
    clock.advanceMinutes(1)
    const res = await setActive(budi, true)
    expect(res.json.active).toBe(true)
    const fresh = await loginCookie(t, host, budi, password)
    expect((await sessionOf(fresh)).status).toBe(200)
    expect((await sessionOf(budiCookie)).status).toBe(401)
  })

  it('keeps an admin from deactivating themself and the last admin from leaving', async () => {
    const own = await setActive('admin@lubuklinggau.test', false)
    expect(own.status).toBe(409)
    expect(own.json.error.code).toBe('own_account')
    const demote = await setRole('admin@lubuklinggau.test', 'officer')
    expect(demote.status).toBe(409)
    expect(demote.json.error.code).toBe('last_admin')
    expect((await sessionOf(admin)).json.role).toBe('admin')
    expect((await setActive('nobody@lubuklinggau.test', false)).status).toBe(404)
  })

  it('changes roles; a new role takes effect at the next login, and another admin may step down', async () => {
    clock.advanceMinutes(1)
    const budiOfficer = await loginCookie(t, host, budi, password)
    const promoted = await setRole(budi, 'admin')
    expect(promoted.json).toMatchObject({ email: budi, role: 'admin' })
    // The session carried the old role: it ends.
    expect((await sessionOf(budiOfficer)).status).toBe(401)
    clock.advanceMinutes(1)
    const budiAdmin = await loginCookie(t, host, budi, password)
    expect((await api('GET', '/api/admin/staff', undefined, budiAdmin)).status).toBe(200)

    // With two admins, one may become an officer; then the other is the last.
    const stepDown = await setRole(budi, 'officer', budiAdmin)
    expect(stepDown.status, stepDown.text).toBe(200)
    expect((await sessionOf(budiAdmin)).status).toBe(401)
    expect((await setRole('admin@lubuklinggau.test', 'officer')).json.error.code).toBe('last_admin')
  })
})

describe('the staff page', () => {
  it('lists staff and invites, with forms that work without script', async () => {
    const res = await t.request(host, '/admin/staf', { headers: { cookie: admin } })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Budi Santoso')
    expect(html).toContain('sari@lubuklinggau.test')
    expect(html).toContain('action="/admin/staf/undang"')
    expect(html).toContain('Nonaktifkan Budi Santoso')
    expect(html).not.toContain('Nonaktifkan Admin MPP')
    expect(html).not.toMatch(/\sstyle="/)
  })

  it('invites from the form; a refusal keeps what was typed', async () => {
    const sent = await form('/admin/staf/undang', {
      name: 'Rina',
      email: 'rina@lubuklinggau.test',
      role: 'officer',
    })
    expect(sent.status).toBe(303)
    expect(sent.location).toBe('/admin/staf?diundang=rina%40lubuklinggau.test')
    await inviteLinkFor('rina@lubuklinggau.test')

    const refused = await form('/admin/staf/undang', { name: 'Budi Kedua', email: budi, role: 'admin' })
    expect(refused.status).toBe(409)
    expect(refused.html).toContain('Sudah ada akun aktif dengan email ini.')
    expect(refused.html).toContain('value="Budi Kedua"')
    expect(refused.html).toContain(`value="${budi}"`)
    expect(refused.html).toMatch(/<option value="admin" selected/)
  })

  it('deactivates and reactivates from the page; refuses the admin themself', async () => {
    const off = await form('/admin/staf/status', { email: budi, active: 'no' })
    expect(off.status).toBe(303)
    expect((await api('GET', '/api/admin/staff')).json.staff).toContainEqual(
      expect.objectContaining({ email: budi, active: false }),
    )
    const on = await form('/admin/staf/status', { email: budi, active: 'yes' })
    expect(on.status).toBe(303)
    const own = await form('/admin/staf/status', { email: 'admin@lubuklinggau.test', active: 'no' })
    expect(own.status).toBe(409)
    expect(own.html).toContain('Anda tidak dapat menonaktifkan akun Anda sendiri.')
    const role = await form('/admin/staf/peran', { email: budi, role: 'admin' })
    expect(role.status).toBe(303)
  })
})

describe('the agencies staff work for', () => {
  const petugas = 'petugas@lubuklinggau.test'
  const setAgencies = (agencyIds: unknown, email = petugas) =>
    api('PUT', `/api/admin/staff/${encodeURIComponent(email)}/agencies`, { agencyIds })

  it('are stored on the account and listed; the account keeps its session', async () => {
    const session = await loginCookie(t, host, petugas)
    const res = await setAgencies(['disdukcapil', 'dpmptsp', 'disdukcapil'])
    expect(res.status, res.text).toBe(200)
    expect(res.json.agencyIds).toEqual(['disdukcapil', 'dpmptsp'])
    expect((await api('GET', '/api/admin/staff')).json.staff).toContainEqual(
      expect.objectContaining({ email: petugas, agencyIds: ['disdukcapil', 'dpmptsp'] }),
    )
    expect((await sessionOf(session)).status).toBe(200)
  })

  it('refuses an agency the MPP does not have, an unknown account and bad input, changing nothing', async () => {
    const before = await tenantSnapshot(t.db, tenantId)
    const unknown = await setAgencies(['disdukcapil', 'kantor-imigrasi'])
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.details).toEqual([
      { path: 'agencyIds.1', message: 'Instansi ini tidak ada di MPP ini' },
    ])
    expect((await setAgencies(['Bukan Kode'])).status).toBe(400)
    expect((await setAgencies([], 'nobody@lubuklinggau.test')).status).toBe(404)
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)
  })

  it('are shown and set on the staff page; a refusal keeps what was ticked', async () => {
    const html = await (await t.request(host, '/admin/staf', { headers: { cookie: admin } })).text()
    expect(html).toContain('action="/admin/staf/instansi"')
    expect(html).toMatch(/name="agencyIds" value="dpmptsp" checked/)
    const refused = await form('/admin/staf/instansi', { email: petugas, agencyIds: 'tidak-ada' })
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Instansi ini tidak ada di MPP ini')
    const saved = await form('/admin/staf/instansi', { email: petugas })
    expect(saved.status).toBe(303)
    expect((await api('GET', '/api/admin/staff')).json.staff).toContainEqual(
      expect.objectContaining({ email: petugas, agencyIds: [] }),
    )
  })
})

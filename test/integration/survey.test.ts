import { tenantDayRollups } from '@mpp/db/rollup-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { counterPost, type Issued, json, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

let t: TestApp
let officer: string
let admin: string
const host = tenants.lubuklinggau.host
const tenantId = tenants.lubuklinggau.id
const clock = createClock('2026-11-23T02:00:00Z') // Monday 09:00 WIB
const day = '2026-11-23'

const all = (answer: number) =>
  Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((e) => [e, answer]))
const secretOf = (issued: Issued) => issued.link.split('/').pop() as string
const surveyApi = (issued: Issued, body: unknown, secret = secretOf(issued)) =>
  t.request(host, `/api/tickets/${issued.key}/${secret}/survey`, json(body))
const form = (path: string, fields: Record<string, string>, cookie = '') =>
  t.request(host, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })

/** A ticket taken, called, started and completed at counter 1. */
const served = async (serviceId = 'disdukcapil-ktp-el') => {
  const issued = await take(t, host, serviceId)
  const called = await (await counterPost(t, host, officer, 'loket-1', 'call-next')).json()
  expect(called.called.ticketKey).toBe(issued.key)
  await counterPost(t, host, officer, 'loket-1', 'start', { ticketKey: issued.key })
  clock.advanceMinutes(5)
  expect((await counterPost(t, host, officer, 'loket-1', 'complete', { ticketKey: issued.key })).status).toBe(
    200,
  )
  return issued
}

const dayRollup = async () => (await tenantDayRollups(t.db, tenantId, day, day))[0]

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
  admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
})

describe('the satisfaction survey through the API', () => {
  it('is refused with 409 before the ticket is completed', async () => {
    const waiting = await take(t, host, 'disdukcapil-kia')
    const res = await surveyApi(waiting, { answers: all(4) })
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('survey_not_open')
    // Leave the line empty for the next tests.
    await counterPost(t, host, officer, 'loket-1', 'call-next')
    await counterPost(t, host, officer, 'loket-1', 'no-show', { ticketKey: waiting.key })
  })

  it('takes one response per ticket, adds it to the day, its service and queue, and refuses a second with 409', async () => {
    const issued = await served()
    const res = await surveyApi(issued, {
      answers: all(4),
      profile: { gender: 'P' },
      comment: 'Cepat dan ramah',
    })
    expect(res.status).toBe(201)
    const again = await surveyApi(issued, { answers: all(1) })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('survey_already_answered')

    const rollup = await dayRollup()
    expect(rollup?.totals).toMatchObject({ svRespondents: 1, svU1: 4, svU9: 4 })
    expect(rollup?.services['disdukcapil-ktp-el']).toMatchObject({ svRespondents: 1, svU4: 4 })
    expect(rollup?.queues[issued.queueId]).toMatchObject({ svRespondents: 1 })
    expect(rollup?.profile).toEqual({ gender: { P: 1 } })
  })

  it('refuses answers outside 1-4, a missing element and unknown fields with 400, and counts nothing', async () => {
    const issued = await served()
    for (const answers of [{ ...all(4), U3: 5 }, { ...all(4), U3: 0 }, { ...all(4), U3: 2.5 }, { U1: 4 }]) {
      const res = await surveyApi(issued, { answers })
      expect(res.status).toBe(400)
      expect((await res.json()).error.code).toBe('invalid_request')
    }
    expect((await surveyApi(issued, { answers: all(4), rating: 5 })).status).toBe(400)
    expect((await dayRollup())?.totals.svRespondents).toBe(1)
  })

  it('answers 404 to a wrong secret, exactly as to a ticket that does not exist', async () => {
    const issued = await served()
    expect((await surveyApi(issued, { answers: all(4) }, 'not-the-secret-00000000')).status).toBe(404)
    expect(
      (await t.request(host, `/api/tickets/${day}.kependudukan.999/x/survey`, json({ answers: all(4) })))
        .status,
    ).toBe(404)
  })
})

describe('the survey pages', () => {
  it('offers the survey on the ticket page once the ticket is completed, and not before', async () => {
    const waiting = await take(t, host, 'disdukcapil-kia')
    const before = await (await t.request(host, waiting.link)).text()
    expect(before).toMatch(/<section class="notice" data-field="survey" hidden=""/)
    await counterPost(t, host, officer, 'loket-1', 'call-next')
    await counterPost(t, host, officer, 'loket-1', 'start', { ticketKey: waiting.key })
    await counterPost(t, host, officer, 'loket-1', 'complete', { ticketKey: waiting.key })
    const after = await (await t.request(host, waiting.link)).text()
    expect(after).toMatch(/<section class="notice" data-field="survey" aria-labelledby/)
    expect(after).toContain(`href="${waiting.link}/survei"`)
  })

  it('keeps the answers given and marks the missing ones when the form comes back refused', async () => {
    const issued = await served()
    const page = await (await t.request(host, `${issued.link}/survei`)).text()
    expect(page).toContain('Persyaratan')
    expect(page).toContain('Sangat mahal') // the fee element's own wording
    expect(page).toContain('Gratis')
    const res = await form(`${issued.link}/survei`, {
      U1: '3',
      U2: '4',
      occupation: 'WIRAUSAHA',
      comment: 'Antrean rapi',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/name="U1" value="3" checked=""/)
    expect(html).toMatch(/name="U2" value="4" checked=""/)
    expect(html).toContain('<option value="WIRAUSAHA" selected="">')
    expect(html).toContain('Antrean rapi')
    expect(html).toContain('id="U3-error"')
    expect(html).not.toContain('id="U1-error"')
  })

  it('records a complete form once, however often it is sent, and thanks the citizen', async () => {
    const issued = await served()
    const before = (await dayRollup())?.totals.svRespondents ?? 0
    const fields = Object.fromEntries(Object.entries(all(3)).map(([k, v]) => [k, String(v)]))
    for (let i = 0; i < 2; i++) {
      const res = await form(`${issued.link}/survei`, fields)
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`${issued.link}/survei`)
    }
    expect(await (await t.request(host, `${issued.link}/survei`)).text()).toContain('Terima kasih')
    expect((await dayRollup())?.totals.svRespondents).toBe(before + 1)
    expect(await (await t.request(host, issued.link)).text()).not.toContain('data-field="survey"')
  })

  it('at the exit kiosk, finds today’s ticket by its number and takes its rating', async () => {
    const issued = await served('disdukcapil-kartu-keluarga')
    const before = (await dayRollup())?.totals.svRespondents ?? 0
    expect((await t.request(host, '/kios/survei')).status).not.toBe(200) // needs the staff-armed kiosk
    const unknown = await form('/kios/survei', { nomor: 'Z-999' }, officer)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('value="Z-999"')
    const found = await form('/kios/survei', { nomor: issued.label.toLowerCase() }, officer)
    expect(found.status).toBe(303)
    const path = found.headers.get('location') as string
    expect(path).toBe(`/kios/survei/${issued.key}`)
    const fields = Object.fromEntries(Object.entries(all(2)).map(([k, v]) => [k, String(v)]))
    expect((await form(path, fields, officer)).status).toBe(303)
    expect(await (await t.request(host, path, { headers: { cookie: officer } })).text()).toContain(
      'Penilaian berikutnya',
    )
    expect((await dayRollup())?.totals.svRespondents).toBe(before + 1)
    const twice = await form('/kios/survei', { nomor: issued.label }, officer)
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain('sudah dinilai')
  })
})

describe('the satisfaction index for the tenant admin', () => {
  it("puts the responses and roll-ups in the tenant's data export", async () => {
    const data = await (
      await t.request(host, '/api/admin/export.json', { headers: { cookie: admin } })
    ).json()
    const responses = data.partitions[`T#${tenantId}#SV`] as { sk: string; comment?: string }[]
    expect(responses.length).toBe(3)
    expect(responses.some((r) => r.comment === 'Cepat dan ramah')).toBe(true)
    expect((data.partitions[`T#${tenantId}#R`] as { sk: string }[]).some((i) => i.sk === `S#${day}`)).toBe(
      true,
    )
  })

  it('computes the IKM of the MPP, a service and a queue, and refuses officers', async () => {
    const res = await t.request(host, `/api/satisfaction?from=${day}&to=${day}`, {
      headers: { cookie: admin },
    })
    expect(res.status).toBe(200)
    const mpp = await res.json()
    // Responses so far: 4s, 3s (page) and 2s (kiosk): NRR 3 everywhere, IKM 75.00, grade C.
    expect(mpp).toMatchObject({ scope: 'mpp', respondents: 3, index: { ikm: 75, grade: 'C' } })
    expect(mpp.index.nrr.U1).toBe(3)

    const ktp = await (
      await t.request(host, `/api/satisfaction?from=${day}&to=${day}&scope=service&id=disdukcapil-ktp-el`, {
        headers: { cookie: admin },
      })
    ).json()
    // One respondent answering 4 everywhere (DOMAIN.md's example) and one answering 3s.
    expect(ktp).toMatchObject({ respondents: 2, index: { ikm: 87.5, grade: 'B' } })

    const officerRes = await t.request(host, '/api/satisfaction', { headers: { cookie: officer } })
    expect(officerRes.status).toBe(403)
  })

  it('refuses a malformed, reversed or over-long period with 400 and an unknown service with 404', async () => {
    for (const query of [
      'from=2026-02-30',
      'from=2026-11-23&to=2026-11-01',
      'from=2024-01-01&to=2026-01-01',
    ]) {
      const res = await t.request(host, `/api/satisfaction?${query}`, { headers: { cookie: admin } })
      expect(res.status, query).toBe(400)
      expect((await res.json()).error.code).toBe('invalid_request')
    }
    const res = await t.request(host, '/api/satisfaction?scope=service&id=tidak-ada', {
      headers: { cookie: admin },
    })
    expect(res.status).toBe(404)
  })

  it('shows the report with its charts, a CSV and a printable version', async () => {
    const query = `from=${day}&to=${day}`
    const html = await (
      await t.request(host, `/admin/kepuasan?${query}`, { headers: { cookie: admin } })
    ).text()
    expect(html).toContain('75,00')
    expect(html).toContain('C (kurang baik)')
    expect(html).toContain('<svg class="chart"')
    expect(html).toContain('Cepat dan ramah')
    const csv = await (
      await t.request(host, `/admin/kepuasan.csv?${query}`, { headers: { cookie: admin } })
    ).text()
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toBe(
      'level,id,name,from,to,respondents,served,minimum_sample,sample_reached,U1,U2,U3,U4,U5,U6,U7,U8,U9,ikm,grade',
    )
    expect(rows).toContain(
      `service,disdukcapil-ktp-el,KTP Elektronik (perekaman dan pencetakan),${day},${day},2,0,0,yes,3.50,3.50,3.50,3.50,3.50,3.50,3.50,3.50,3.50,87.50,B`,
    )
    const print = await (
      await t.request(host, `/admin/kepuasan/cetak?${query}`, { headers: { cookie: admin } })
    ).text()
    expect(print).toContain('Laporan Survei Kepuasan Masyarakat')
    expect(print).toContain('Rencana tindak lanjut')
  })
})

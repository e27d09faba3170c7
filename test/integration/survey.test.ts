import { tenantDayRollups } from '@mpp/db/rollup-repository'
import { messagesFor } from '@mpp/web/i18n/messages'
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

/** A ticket taken (on a phone, or at the kiosk), called, started and completed at counter 1. */
const served = async (serviceId = 'disdukcapil-ktp-el', atKiosk = false) => {
  const issued = atKiosk
    ? await take(t, host, serviceId, { channel: 'kiosk' }, { cookie: officer })
    : await take(t, host, serviceId)
  const called = await (await counterPost(t, host, officer, 'loket-1', 'call-next')).json()
  expect(called.called.ticketKey).toBe(issued.key)
  await counterPost(t, host, officer, 'loket-1', 'start', { ticketKey: issued.key })
  clock.advanceMinutes(5)
  expect((await counterPost(t, host, officer, 'loket-1', 'complete', { ticketKey: issued.key })).status).toBe(
    200,
  )
  return issued
}

const m = messagesFor('id')
/** The survey code on a ticket's page: `/tiket/...` on the phone, `/kios/tiket/...` printed at the kiosk. */
const surveyCodeOn = async (path: string, cookie = '') => {
  const html = await (await t.request(host, path, { headers: { cookie } })).text()
  const code = new RegExp(`${m.survey.ticketCode}: <strong>([A-Z0-9]+)</strong>`).exec(html)?.[1]
  expect(code, html).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/)
  return code as string
}
/** Codes of the right shape that are not `code`. */
const wrongCodes = (code: string, n: number) =>
  ['222222', '333333', '444444', '555555', '666666', '777777', '888888', '999999', 'AAAAAA']
    .filter((c) => c !== code)
    .slice(0, n)
const kioskStart = (fields: Record<string, string>, path = '/kios/survei', cookie = officer) =>
  form(path, fields, cookie)

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

  it('at the exit kiosk, takes today’s ticket by its number and the survey code printed on it', async () => {
    const issued = await served('disdukcapil-kartu-keluarga', true)
    const code = await surveyCodeOn(`/kios${issued.link}`, officer)
    expect(await surveyCodeOn(issued.link)).toBe(code) // the phone's ticket page shows the same code
    const before = (await dayRollup())?.totals.svRespondents ?? 0
    expect((await t.request(host, '/kios/survei')).status).not.toBe(200) // needs the staff-armed kiosk
    const start = await (await t.request(host, '/kios/survei', { headers: { cookie: officer } })).text()
    expect(start).toContain('name="nomor"')
    expect(start).toContain('name="kode"')

    const unknown = await kioskStart({ nomor: 'Z-999', kode: code })
    expect(unknown.status).toBe(404)
    const unknownHtml = await unknown.text()
    expect(unknownHtml).toContain('value="Z-999"')
    expect(unknownHtml).toContain('id="survey-number-error"')

    // The number alone is no longer enough.
    const numberOnly = await kioskStart({ nomor: issued.label, kode: '' })
    expect(numberOnly.status).toBe(400)
    expect(await numberOnly.text()).toContain(m.survey.kioskCodeInvalid)

    const [wrong] = wrongCodes(code, 1) as [string]
    const refused = await kioskStart({ nomor: issued.label, kode: wrong })
    expect(refused.status).toBe(403)
    const html = await refused.text()
    expect(html).toContain(m.errors.survey_code_wrong)
    expect(html).toMatch(/<p class="kiosk-alert" role="alert" id="survey-code-error">/)
    expect(html).toContain('aria-describedby="survey-code-error survey-code-hint" aria-invalid="true"')
    expect(html).toContain(`value="${issued.label}"`)
    expect(html).toContain(`value="${wrong}"`)
    const inEnglish = await kioskStart({ nomor: issued.label, kode: wrong }, '/kios/survei?lang=en')
    expect(await inEnglish.text()).toContain(messagesFor('en').errors.survey_code_wrong)

    // Any case, with a dash or a space, as people copy codes.
    const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase()
    const found = await kioskStart({ nomor: issued.label.toLowerCase(), kode: typed })
    expect(found.status).toBe(303)
    const path = found.headers.get('location') as string
    expect(path).toBe(`/kios/survei/${issued.key}/${code}`)
    const fields = Object.fromEntries(Object.entries(all(2)).map(([k, v]) => [k, String(v)]))
    expect((await form(path, fields, officer)).status).toBe(303)
    expect(await (await t.request(host, path, { headers: { cookie: officer } })).text()).toContain(
      'Penilaian berikutnya',
    )
    expect((await dayRollup())?.totals.svRespondents).toBe(before + 1)
    const twice = await kioskStart({ nomor: issued.label, kode: code })
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain('sudah dinilai')
  })

  it('at the exit kiosk, refuses a ticket of another day and an address without the right code', async () => {
    const issued = await served()
    const code = await surveyCodeOn(issued.link)
    const rollup = (await dayRollup())?.totals.svRespondents
    const fields = Object.fromEntries(Object.entries(all(1)).map(([k, v]) => [k, String(v)]))
    // The address the kiosk used before this change, by the number alone, is gone.
    expect(
      (await t.request(host, `/kios/survei/${issued.key}`, { headers: { cookie: officer } })).status,
    ).toBe(404)
    const [wrong] = wrongCodes(code, 1) as [string]
    expect((await form(`/kios/survei/${issued.key}/${wrong}`, fields, officer)).status).toBe(403)
    expect((await form(`/kios/survei/${issued.key}/not-a-code`, fields, officer)).status).toBe(403)

    const today = clock.now().toISOString()
    clock.set('2026-11-24T02:00:00Z') // the next morning: yesterday's ticket, even with its code, is not today's
    try {
      const kiosk = await loginCookie(t, host, 'petugas@lubuklinggau.test') // yesterday's session has ended
      const next = await kioskStart({ nomor: issued.label, kode: code }, '/kios/survei', kiosk)
      expect(next.status).toBe(404)
      expect(await next.text()).toContain(m.survey.kioskNotFound)
      expect((await form(`/kios/survei/${issued.key}/${code}`, fields, kiosk)).status).toBe(404)
    } finally {
      clock.set(today)
    }
    expect((await dayRollup())?.totals.svRespondents).toBe(rollup)
    // The citizen still holds the ticket and rates it later today.
    expect(
      (await t.request(host, `/kios/survei/${issued.key}/${code}`, { headers: { cookie: officer } })).status,
    ).toBe(200)
  })

  it('takes at most five wrong codes per ticket, even sent at once; then not even the right one, but the QR still works', async () => {
    const issued = await served()
    const code = await surveyCodeOn(issued.link)
    // Malformed codes can never match and use no try.
    for (const kode of ['12345', 'O0O0O0', 'ILU222', '2222222'])
      expect((await kioskStart({ nomor: issued.label, kode })).status).toBe(400)
    const guesses = await Promise.all(
      wrongCodes(code, 8).map((kode) => kioskStart({ nomor: issued.label, kode })),
    )
    const statuses = guesses.map((r) => r.status)
    expect(statuses.filter((s) => s === 403)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(3)
    const locked = await kioskStart({ nomor: issued.label, kode: code })
    expect(locked.status).toBe(429)
    const html = await locked.text()
    expect(html).toContain(m.errors.survey_code_locked)
    expect(html).toContain(`value="${code}"`)
    expect(
      (await t.request(host, `/kios/survei/${issued.key}/${code}`, { headers: { cookie: officer } })).status,
    ).toBe(429)
    // The citizen's own link (the printed QR) is not locked.
    const phone = await t.request(host, `${issued.link}/survei`)
    expect(phone.status).toBe(200)
    expect(await phone.text()).toContain(m.survey.submit)
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
    // Dates and months in words, never ISO, on the page a person reads.
    expect(html).toContain('Periode 23 November 2026')
    expect(html).toContain('<th scope="row">November 2026</th>')
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
    expect(rows.find((r) => r.startsWith('month,'))).toMatch(/^month,2026-11,November 2026,/)
    expect(rows).toContain(
      `service,disdukcapil-ktp-el,KTP Elektronik (perekaman dan pencetakan),${day},${day},2,0,0,yes,3.50,3.50,3.50,3.50,3.50,3.50,3.50,3.50,3.50,87.50,B`,
    )
    const print = await (
      await t.request(host, `/admin/kepuasan/cetak?${query}`, { headers: { cookie: admin } })
    ).text()
    expect(print).toContain('Laporan Survei Kepuasan Masyarakat')
    expect(print).toContain('Rencana tindak lanjut')
    expect(print).toContain('Periode 23 November 2026')
  })
})

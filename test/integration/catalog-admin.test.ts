import { Logger } from '@aws-lambda-powertools/logger'
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { addDays, businessDay } from '@mpp/core/business-day'
import type { Db } from '@mpp/db/client'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

const { host, id: tenantId } = tenants.lubuklinggau
let t: TestApp
let admin: string
let officer: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

const api = async (method: string, path: string, body?: unknown, cookie = admin) => {
  const res = await t.request(host, path, {
    method,
    headers: {
      cookie,
      origin: `http://${host}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined }
}

const postCsv = async (csv: string) => {
  const res = await t.request(host, '/api/admin/catalog/import', {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  })
  return { status: res.status, json: await res.json() }
}

const form = async (path: string, fields: [string, string][] | FormData) => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: {
      cookie: admin,
      origin: `http://${host}`,
      ...(!(fields instanceof FormData) && { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: fields instanceof FormData ? fields : new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location'), html: await res.text() }
}

const page = async (path: string, cookie = admin) => {
  const res = await t.request(host, path, { headers: { cookie } })
  return { status: res.status, html: await res.text() }
}

const adminCatalog = async () =>
  (await api('GET', '/api/admin/catalog')).json as {
    agencies: { id: string; name: string; order: number; counterNumbers?: string }[]
    services: { id: string; agencyId: string; name: string; internal?: Record<string, string> }[]
  }

const standard = {
  name: 'Sertifikat Tanah Elektronik',
  requirements: ['KTP-el pemohon', 'Sertifikat lama'],
  procedure: ['Ambil nomor antrean', 'Serahkan berkas', 'Pengukuran'],
  completionTime: '14 hari kerja',
  fee: 'Sesuai PP 128/2015',
  product: 'Sertifikat elektronik',
}
const legalBasis = 'UU 5/1960 tentang Peraturan Dasar Pokok-Pokok Agraria'

describe('agencies and services (JSON)', () => {
  it('creates, changes and removes an agency and a service with their rules', async () => {
    const created = await api('POST', '/api/admin/agencies', {
      name: 'Kantor Pertanahan',
      kind: 'kementerian_lembaga',
      counterNumbers: '12-13',
      description: 'Pendaftaran dan sertifikasi tanah.',
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ id: 'kantor-pertanahan', counterNumbers: '12-13' })
    const before = await adminCatalog()
    const placed = before.agencies.find((a) => a.id === 'kantor-pertanahan')
    expect(placed?.order).toBe(Math.max(...before.agencies.map((a) => a.order)))

    const twice = await api('POST', '/api/admin/agencies', { name: 'Kantor Pertanahan', kind: 'opd' })
    expect(twice.status).toBe(409)
    expect(twice.json.error.code).toBe('config_conflict')

    const badKind = await api('POST', '/api/admin/agencies', { name: 'Kantor X', kind: 'kementrian' })
    expect(badKind.status).toBe(400)
    expect(badKind.json.error.details.map((d: { path: string }) => d.path)).toEqual(['kind'])

    const changed = await api('PUT', '/api/admin/agencies/kantor-pertanahan', {
      name: 'Kantor Pertanahan Kota Lubuklinggau',
      kind: 'kementerian_lembaga',
      counterNumbers: '12',
    })
    expect(changed.status).toBe(200)
    expect(changed.json).toMatchObject({ order: placed?.order, counterNumbers: '12' })
    expect(changed.json.description).toBeUndefined()
    expect(
      (await api('PUT', '/api/admin/agencies/tidak-ada', { name: 'Tidak ada', kind: 'opd' })).status,
    ).toBe(404)

    const service = await api('POST', '/api/admin/services', {
      ...standard,
      agencyId: 'kantor-pertanahan',
      internal: { legalBasis, staffCount: '4 orang' },
    })
    expect(service.status).toBe(201)
    expect(service.json.id).toBe('sertifikat-tanah-elektronik')
    const orphan = await api('POST', '/api/admin/services', {
      ...standard,
      id: 'yatim',
      agencyId: 'tidak-ada',
    })
    expect(orphan.status).toBe(400)
    expect(orphan.json.error.details[0].path).toBe('agencyId')
    expect(
      (await api('POST', '/api/admin/services', { ...standard, agencyId: 'kantor-pertanahan' })).status,
    ).toBe(409)

    // The internal components are the admin's: never in what citizens read.
    const stored = (await adminCatalog()).services.find((s) => s.id === 'sertifikat-tanah-elektronik')
    expect(stored?.internal).toEqual({ legalBasis, staffCount: '4 orang' })
    const publicApi = await (await t.request(host, '/api/services?agencyId=kantor-pertanahan')).text()
    expect(publicApi).toContain('Sertifikat Tanah Elektronik')
    expect(publicApi).not.toContain('internal')
    expect(publicApi).not.toContain(legalBasis)
    const servicePage = await page('/layanan/sertifikat-tanah-elektronik', '')
    expect(servicePage.status).toBe(200)
    expect(servicePage.html).not.toContain(legalBasis)
    expect(servicePage.html).not.toContain('4 orang')

    const inUse = await api('DELETE', '/api/admin/agencies/kantor-pertanahan')
    expect(inUse.status).toBe(409)
    expect(inUse.json.error.details.serviceIds).toEqual(['sertifikat-tanah-elektronik'])

    const replaced = await api('PUT', '/api/admin/services/sertifikat-tanah-elektronik', {
      ...standard,
      agencyId: 'kantor-pertanahan',
      fee: 'Rp50.000',
    })
    expect(replaced.status).toBe(200)
    const after = (await adminCatalog()).services.find((s) => s.id === 'sertifikat-tanah-elektronik')
    expect(after).toMatchObject({ fee: 'Rp50.000' })
    expect(after?.internal).toBeUndefined()
    expect(
      (await api('PUT', '/api/admin/services/tidak-ada', { ...standard, agencyId: 'disdukcapil' })).status,
    ).toBe(404)

    expect((await api('DELETE', '/api/admin/services/sertifikat-tanah-elektronik')).status).toBe(204)
    expect((await api('DELETE', '/api/admin/services/sertifikat-tanah-elektronik')).status).toBe(404)
    expect((await api('DELETE', '/api/admin/agencies/kantor-pertanahan')).status).toBe(204)
    expect((await api('DELETE', '/api/admin/agencies/kantor-pertanahan')).status).toBe(404)
  })

  it('refuses to remove a service a queue still covers', async () => {
    const res = await api('DELETE', '/api/admin/services/disdukcapil-ktp-el')
    expect(res.status).toBe(409)
    expect(res.json.error.details.queueIds).toEqual(['kependudukan'])
    expect((await api('GET', '/api/services')).text).toContain('disdukcapil-ktp-el')
  })

  it('is for admins only', async () => {
    const res = await api('POST', '/api/admin/agencies', { name: 'Instansi Petugas', kind: 'opd' }, officer)
    expect(res.status).toBe(403)
    expect((await api('GET', '/api/admin/catalog', undefined, '')).status).toBe(401)
  })
})

const header =
  'agency_id,agency_name,agency_kind,service_id,service_name,requirements,procedure,completion_time,fee,product,complaint_channel,legal_basis,staff_count'

const row = (agency: number, service: number, overrides: Partial<Record<'name' | 'kind', string>> = {}) =>
  [
    `instansi-${agency}`,
    `Instansi Uji ${agency}`,
    overrides.kind ?? 'opd',
    `layanan-${agency}-${service}`,
    overrides.name ?? `Layanan Uji ${agency}.${service}`,
    '"KTP-el | Kartu Keluarga | Surat pengantar, bila ada"',
    'Ambil nomor antrean | Verifikasi | Penerbitan',
    '1 hari kerja',
    'Gratis',
    'Dokumen',
    'SP4N-LAPOR!',
    'Perda 3/2020',
    '2 orang',
  ].join(',')

describe('CSV import', () => {
  it('imports 300 services in one request', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(Math.floor(i / 30) + 1, i % 30))
    const res = await postCsv([header, ...rows].join('\n'))
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toEqual({ agencies: 10, services: 300 })

    const catalog = await adminCatalog()
    const imported = catalog.services.filter((s) => s.id.startsWith('layanan-'))
    expect(imported).toHaveLength(300)
    expect(imported.find((s) => s.id === 'layanan-3-7')).toMatchObject({
      agencyId: 'instansi-3',
      requirements: ['KTP-el', 'Kartu Keluarga', 'Surat pengantar, bila ada'],
      procedure: ['Ambil nomor antrean', 'Verifikasi', 'Penerbitan'],
      internal: { legalBasis: 'Perda 3/2020', staffCount: '2 orang' },
    })
    expect(catalog.agencies.filter((a) => a.id.startsWith('instansi-'))).toHaveLength(10)
  })

  it('writes nothing when a row is invalid, and names every bad line', async () => {
    const before = await tenantSnapshot(t.db, tenantId)
    const csv = [
      header, // line 1
      row(20, 1), // 2
      row(20, 2), // 3
      row(20, 3, { name: '' }), // 4: no name
      row(20, 4), // 5
      row(21, 1), // 6
      row(22, 1, { kind: 'kementrian' }), // 7: not a kind
      row(22, 2, { kind: 'kementrian' }).replace('instansi-22', 'instansi-23'), // 8: the same
    ].join('\n')
    const res = await postCsv(csv)
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('invalid_request')
    const details = res.json.error.details as { line: number; field: string; message: string }[]
    expect(details.map((d) => [d.line, d.field])).toEqual([
      [4, 'service_name'],
      [7, 'agency_kind'],
      [8, 'agency_kind'],
    ])
    for (const d of details) expect(d.message.length).toBeGreaterThan(3)
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)
  })

  it('reports header problems, duplicates, unknown agencies and lines of multi-line cells', async () => {
    const noName = await postCsv('agency_id,service_id,requirements\ndisdukcapil,x,y\n')
    expect(noName.status).toBe(400)
    expect(noName.json.error.details.map((d: { field: string }) => d.field)).toEqual([
      'service_name',
      'procedure',
      'completion_time',
      'fee',
      'product',
    ])

    const csv = [
      header,
      row(30, 1).replace('"KTP-el |', '"KTP-el\n(asli) |'), // lines 2-3
      row(30, 1), // 4: the same service again
      'tidak-ada,,,layanan-x,Layanan X,KTP-el,Datang,1 hari,Gratis,Dokumen,,,', // 5: unknown agency
      row(30, 2).replace('Instansi Uji 30', 'Instansi Lain'), // 6: differs from line 2
    ].join('\r\n')
    const res = await postCsv(csv)
    expect(res.status).toBe(400)
    expect(res.json.error.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
      [4, 'service_id'],
      [5, 'agency_name'],
      [6, 'agency_name'],
    ])
  })

  it('takes an existing agency as it is when its columns are empty, and JSON bodies too', async () => {
    const csv = `${header}\ndisdukcapil,,,disdukcapil-surat-pindah,Surat Pindah,KTP-el | KK,Datang | Verifikasi,1 hari kerja,Gratis,Surat pindah,,,\n`
    const res = await api('POST', '/api/admin/catalog/import', { csv })
    expect(res.status, res.text).toBe(200)
    const catalog = await adminCatalog()
    expect(catalog.agencies.find((a) => a.id === 'disdukcapil')?.name).toBe(
      'Dinas Kependudukan dan Pencatatan Sipil',
    )
    expect(catalog.services.find((s) => s.id === 'disdukcapil-surat-pindah')?.agencyId).toBe('disdukcapil')
  })

  it('offers a template with a header and two Indonesian examples, which imports as it is', async () => {
    const res = await t.request(host, '/api/admin/catalog/template.csv', { headers: { cookie: admin } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/)
    const csv = await res.text()
    const records = parse(csv, { bom: true }) as string[][]
    expect(records).toHaveLength(3)
    expect(records[0]?.slice(0, 5)).toEqual([
      'agency_id',
      'agency_name',
      'agency_kind',
      'service_id',
      'service_name',
    ])
    expect(records[0]).toContain('staff_evaluation')
    expect(records[1]).toContain('Akta Kelahiran')
    const imported = await postCsv(csv)
    expect(imported.status, JSON.stringify(imported.json)).toBe(200)
    expect(imported.json).toEqual({ agencies: 2, services: 2 })
  })

  it('answers 503 and logs when writing fails after validation', async () => {
    const failing: Db = {
      ...t.db,
      doc: {
        send: (command: unknown) =>
          command instanceof BatchWriteCommand
            ? Promise.reject(new Error('throughput exceeded'))
            : t.db.doc.send(command as never),
      } as Db['doc'],
    }
    const broken = await createTestApp({
      db: failing,
      logger: new Logger({ serviceName: 'mpp-test', logLevel: 'ERROR' }),
    })
    const lines: string[] = []
    const capture = (chunk: unknown) => {
      lines.push(String(chunk))
      return true
    }
    vi.spyOn(process.stdout, 'write').mockImplementation(capture)
    vi.spyOn(process.stderr, 'write').mockImplementation(capture)
    const cookie = await loginCookie(broken, host, 'admin@lubuklinggau.test')
    const res = await broken.request(host, '/api/admin/catalog/import', {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: [header, row(50, 1)].join('\n'),
    })
    vi.restoreAllMocks()
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'unavailable', details: { written: 0, total: 3 } })
    expect(lines.join('')).toContain('catalog import stopped after validation')
    expect(lines.join('')).toContain('throughput exceeded')
  })

  it('refuses an empty or unreadable CSV with the error shape', async () => {
    expect((await postCsv('')).status).toBe(400)
    const broken = await postCsv(`${header}\ninstansi-1,"tidak ditutup\n`)
    expect(broken.status).toBe(400)
    expect(broken.json.error.details[0].line).toBeGreaterThanOrEqual(2)
    const wrongType = await t.request(host, '/api/admin/catalog/import', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/xml' },
      body: '<csv/>',
    })
    expect(wrongType.status).toBe(400)
  })
})

describe('data export', () => {
  it("has the tenant's own data and no password hashes, secrets or other tenants", async () => {
    const ticket = await t.request(host, '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'disdukcapil-kia' }),
    })
    expect(ticket.status).toBe(201)
    const res = await t.request(host, '/api/admin/export.json', { headers: { cookie: admin } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mpp-lubuklinggau-.+\.json"$/,
    )
    const text = await res.text()
    const data = JSON.parse(text)
    expect(data).toMatchObject({ tenantId, slug: 'lubuklinggau', version: 1 })
    const pks = Object.keys(data.partitions)
    for (const pk of pks) expect(pk === `T#${tenantId}` || pk.startsWith(`T#${tenantId}#`), pk).toBe(true)
    const items = Object.values(data.partitions).flat() as { pk: string; sk: string; email?: string }[]
    for (const item of items) expect(item.pk.startsWith(`T#${tenantId}`)).toBe(true)
    expect(items.some((i) => i.sk === 'TENANT')).toBe(true)
    expect(items.some((i) => i.sk === 'USER#admin@lubuklinggau.test')).toBe(true)
    expect(items.some((i) => i.sk.startsWith('CAT#S#'))).toBe(true)
    expect(items.some((i) => i.sk.startsWith('QCFG#C#'))).toBe(true)
    expect(pks.some((pk) => pk.includes('#TK#'))).toBe(true)
    expect(text).not.toContain('passwordHash')
    expect(text).not.toContain('scrypt')
    expect(text).not.toContain('"secret"')
    expect(text).not.toContain('palembang')
    expect(text).not.toContain('T#16.71')
  })
})

describe('mobile service', () => {
  const today = () => businessDay(t.deps.now(), 'Asia/Jakarta')

  it('adds, lists, shows and removes stops; refuses past dates, bad times, links and services', async () => {
    const date = addDays(today(), 1)
    const visit = {
      date,
      start: '08:00',
      end: '12:00',
      place: 'Kantor Lurah Taba Jemekeh',
      mapUrl: 'https://maps.example.com/?q=taba-jemekeh',
      serviceIds: ['disdukcapil-ktp-el', 'disdukcapil-kia'],
    }
    const created = await api('POST', '/api/admin/mobile-visits', visit)
    expect(created.status, created.text).toBe(201)
    expect(created.json).toMatchObject({ ...visit, id: expect.stringMatching(/^[a-z0-9]+$/) })

    for (const [bad, path] of [
      [{ ...visit, date: addDays(today(), -1) }, 'date'],
      [{ ...visit, end: '07:00' }, 'end'],
      [{ ...visit, date: '2026-02-30' }, 'date'],
      [{ ...visit, mapUrl: 'javascript:alert(1)' }, 'mapUrl'],
      [{ ...visit, serviceIds: ['tidak-ada'] }, 'serviceIds'],
      [{ ...visit, serviceIds: [] }, 'serviceIds'],
    ] as const) {
      const res = await api('POST', '/api/admin/mobile-visits', bad)
      expect(res.status, JSON.stringify(bad)).toBe(400)
      expect(res.json.error.details[0].path).toBe(path)
    }

    const { visits } = (await api('GET', '/api/admin/mobile-visits')).json
    expect(visits).toHaveLength(1)

    const home = await page('/', '')
    expect(home.html).toContain('Kantor Lurah Taba Jemekeh')
    expect(home.html).toContain('href="/layanan-bergerak"')
    const schedule = await page('/layanan-bergerak', '')
    expect(schedule.status).toBe(200)
    expect(schedule.html).toContain('Kantor Lurah Taba Jemekeh')
    expect(schedule.html).toContain('08:00–12:00 WIB')
    expect(schedule.html).toContain('href="/layanan/disdukcapil-kia"')
    expect(schedule.html).toContain('href="https://maps.example.com/?q=taba-jemekeh"')

    expect((await api('DELETE', `/api/admin/mobile-visits/${created.json.id}`)).status).toBe(204)
    expect((await api('DELETE', `/api/admin/mobile-visits/${created.json.id}`)).status).toBe(404)
    expect((await page('/layanan-bergerak', '')).html).not.toContain('Kantor Lurah Taba Jemekeh')
  })

  it('adds and removes a stop through the admin page, keeping what was typed on refusal', async () => {
    const fields: [string, string][] = [
      ['date', addDays(today(), 2)],
      ['start', '13:00'],
      ['end', '10:00'],
      ['place', 'Pasar Satelit'],
      ['mapUrl', ''],
      ['serviceIds', 'disdukcapil-kartu-keluarga'],
    ]
    const refused = await form('/admin/layanan-bergerak', fields)
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Jam selesai harus setelah jam mulai.')
    expect(refused.html).toContain('value="Pasar Satelit"')
    expect(refused.html).toMatch(/value="disdukcapil-kartu-keluarga"\s+checked/)

    const saved = await form(
      '/admin/layanan-bergerak',
      fields.map(([k, v]) => [k, k === 'end' ? '15:00' : v]),
    )
    expect(saved.status).toBe(303)
    expect(saved.location).toBe('/admin/layanan-bergerak?tersimpan')
    const list = await page('/admin/layanan-bergerak')
    expect(list.html).toContain('Pasar Satelit')
    const id = /action="\/admin\/layanan-bergerak\/([a-z0-9]+)\/hapus"/.exec(list.html)?.[1]
    expect((await form(`/admin/layanan-bergerak/${id}/hapus`, [])).status).toBe(303)
    expect((await page('/admin/layanan-bergerak')).html).not.toContain('Pasar Satelit')
  })
})

describe('facilities', () => {
  it('saves the standard list and free text; the home page shows them at once', async () => {
    const res = await api('PUT', '/api/admin/facilities', {
      facilities: ['cctv', 'lactation_room'],
      otherFacilities: ['Pojok UMKM'],
    })
    expect(res.status).toBe(200)
    const tenant = (await api('GET', '/api/tenant')).json
    expect(tenant.facilities).toEqual(['cctv', 'lactation_room'])
    expect(tenant.otherFacilities).toEqual(['Pojok UMKM'])
    expect((await page('/', '')).html).toContain('Pojok UMKM')

    const bad = await api('PUT', '/api/admin/facilities', {
      facilities: ['kolam_renang'],
      otherFacilities: [],
    })
    expect(bad.status).toBe(400)

    const viaPage = await form('/admin/fasilitas', [
      ['facilities', 'parking'],
      ['facilities', 'prayer_room'],
      ['otherFacilities', 'Ruang baca Braille\nX'],
    ])
    expect(viaPage.status).toBe(400)
    expect(viaPage.html).toContain('Ruang baca Braille\nX')
    expect(viaPage.html).toMatch(/value="prayer_room"\s+checked/)
    const ok = await form('/admin/fasilitas', [
      ['facilities', 'parking'],
      ['otherFacilities', 'Ruang baca Braille'],
    ])
    expect(ok.status).toBe(303)
    expect((await page('/', '')).html).toContain('Ruang baca Braille')
  })
})

describe('catalog admin pages', () => {
  it('shows agencies and services with links to edit them, for admins only', async () => {
    const res = await page('/admin/katalog')
    expect(res.status).toBe(200)
    expect(res.html).toContain('Dinas Kependudukan dan Pencatatan Sipil')
    expect(res.html).toContain('href="/admin/katalog/layanan/disdukcapil-ktp-el"')
    expect(res.html).toContain('href="/api/admin/catalog/template.csv"')
    expect((await page('/admin/katalog', officer)).status).toBe(403)
    const staff = await page('/staf')
    expect(staff.html).toContain('href="/admin/katalog"')
    expect(staff.html).toContain('href="/admin/layanan-bergerak"')
    expect((await page('/staf', officer)).html).not.toContain('href="/admin/katalog"')
  })

  it('adds an agency and a service with all 14 components, keeping what was typed on refusal', async () => {
    const refused = await form('/admin/katalog/instansi', [
      ['id', ''],
      ['name', 'X'],
      ['kind', 'bumd'],
      ['counterNumbers', '20-21'],
      ['description', 'Air bersih'],
      ['order', ''],
    ])
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('role="alert"')
    expect(refused.html).toContain('value="20-21"')
    expect(refused.html).toMatch(/value="bumd"\s+selected/)

    const agency = await form('/admin/katalog/instansi', [
      ['id', ''],
      ['name', 'Perumda Air Minum Tirta Lubuk'],
      ['kind', 'bumd'],
      ['counterNumbers', '20-21'],
      ['description', 'Air bersih'],
      ['order', ''],
    ])
    expect(agency.status).toBe(303)
    expect(agency.location).toBe('/admin/katalog?tersimpan')
    const dup = await form('/admin/katalog/instansi', [
      ['name', 'Perumda Air Minum Tirta Lubuk'],
      ['kind', 'bumd'],
    ])
    expect(dup.status).toBe(409)
    expect(dup.html).toContain('perumda-air-minum-tirta-lubuk')

    const fields: [string, string][] = [
      ['id', 'sambungan-baru'],
      ['agencyId', 'perumda-air-minum-tirta-lubuk'],
      ['name', 'Pemasangan sambungan air baru'],
      ['requirements', 'KTP-el\r\nDenah lokasi\r\n'],
      ['procedure', 'Daftar\nSurvei\nPemasangan'],
      ['completionTime', '7 hari kerja'],
      ['fee', ''],
      ['product', 'Sambungan air'],
      ['complaintChannel', ''],
      ['legalBasis', 'Perda Kota Lubuklinggau 2/2019'],
      ['staffCount', '5 orang'],
    ]
    const noFee = await form('/admin/katalog/layanan', fields)
    expect(noFee.status).toBe(400)
    expect(noFee.html).toMatch(/role="alert">[^<]*Biaya\/tarif/)
    expect(noFee.html).toContain('Perda Kota Lubuklinggau 2/2019')
    expect(noFee.html).toContain('KTP-el\r\nDenah lokasi')
    expect(noFee.html).toMatch(/<details class="admin-details internal-components" open/)

    const saved = await form(
      '/admin/katalog/layanan',
      fields.map(([k, v]) => [k, k === 'fee' ? 'Rp750.000' : v]),
    )
    expect(saved.status).toBe(303)
    const edit = await page('/admin/katalog/layanan/sambungan-baru')
    expect(edit.status).toBe(200)
    expect(edit.html).toContain('Komponen internal (tidak diterbitkan)')
    expect(edit.html).toContain('Perda Kota Lubuklinggau 2/2019')
    expect(edit.html).not.toMatch(/<details class="admin-details internal-components" open/)
    const citizen = await page('/layanan/sambungan-baru', '')
    expect(citizen.html).toContain('Rp750.000')
    expect(citizen.html).not.toContain('Perda Kota Lubuklinggau 2/2019')

    const remove = await form('/admin/katalog/instansi/perumda-air-minum-tirta-lubuk/hapus', [])
    expect(remove.status).toBe(409)
    expect(remove.html).toContain('masih memiliki 1 layanan')
    expect((await form('/admin/katalog/layanan/sambungan-baru/hapus', [])).status).toBe(303)
    expect((await form('/admin/katalog/instansi/perumda-air-minum-tirta-lubuk/hapus', [])).status).toBe(303)
    expect((await page('/admin/katalog/instansi/perumda-air-minum-tirta-lubuk')).status).toBe(404)
  })

  it('refuses to remove a service in a queue, on the page', async () => {
    const res = await form('/admin/katalog/layanan/disdukcapil-akta-kematian/hapus', [])
    expect(res.status).toBe(409)
    expect(res.html).toContain('masih tercakup dalam antrean')
  })

  it('imports a CSV file; a refused one comes back with its lines and its text', async () => {
    const bad = new FormData()
    const csv = [header, row(40, 1), row(40, 2, { name: '' })].join('\n')
    bad.set('file', new File([csv], 'katalog.csv', { type: 'text/csv' }))
    bad.set('csv', '')
    const refused = await form('/admin/katalog/impor', bad)
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Tidak ada yang disimpan.')
    expect(refused.html).toMatch(/<td>3<\/td>\s*<td>\s*<code>service_name<\/code>/)
    expect(refused.html).toContain('Layanan Uji 40.1')

    const good = new FormData()
    good.set('csv', [header, row(40, 1), row(40, 2)].join('\n'))
    const ok = await form('/admin/katalog/impor', good)
    expect(ok.status).toBe(303)
    expect(ok.location).toBe('/admin/katalog/impor?tersimpan&instansi=1&layanan=2')
    expect((await page(ok.location ?? '')).html).toContain(
      'Impor berhasil: 1 instansi dan 2 layanan tersimpan.',
    )
  })
})

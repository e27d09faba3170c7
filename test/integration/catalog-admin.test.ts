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

/** Previews a CSV sent as text/csv: nothing is written. */
const postCsv = async (csv: string | Uint8Array) => {
  const res = await t.request(host, '/api/admin/catalog/import/preview', {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'text/csv; charset=utf-8' },
    body: csv as BodyInit,
  })
  return { status: res.status, json: await res.json() }
}

/** Confirms a preview: the same CSV and its token. */
const confirmCsv = (csv: string, previewToken: string) =>
  api('POST', '/api/admin/catalog/import', { csv, previewToken })

/** Previews, then confirms: what an admin does. */
const importCsv = async (csv: string) => {
  const preview = await postCsv(csv)
  expect(preview.status, JSON.stringify(preview.json)).toBe(200)
  return confirmCsv(csv, preview.json.previewToken)
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
    const res = await importCsv([header, ...rows].join('\n'))
    expect(res.status, res.text).toBe(200)
    expect(res.json).toEqual({
      counts: {
        added: { agencies: 10, services: 300 },
        changed: { agencies: 0, services: 0 },
        unchanged: { agencies: 0, services: 0 },
      },
      written: 310,
    })

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
    const preview = await api('POST', '/api/admin/catalog/import/preview', { csv })
    expect(preview.status, preview.text).toBe(200)
    expect(preview.json.entries).toEqual([
      {
        kind: 'service',
        id: 'disdukcapil-surat-pindah',
        name: 'Surat Pindah',
        line: 2,
        status: 'added',
        changes: [],
      },
    ])
    const res = await confirmCsv(csv, preview.json.previewToken)
    expect(res.status, res.text).toBe(200)
    const catalog = await adminCatalog()
    expect(catalog.agencies.find((a) => a.id === 'disdukcapil')?.name).toBe(
      'Dinas Kependudukan dan Pencatatan Sipil',
    )
    expect(catalog.services.find((s) => s.id === 'disdukcapil-surat-pindah')?.agencyId).toBe('disdukcapil')
  })

  it('offers a template with a header and two Indonesian examples, marked so that they never import as they are', async () => {
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
    expect(records[1]).toContain('CONTOH Akta Kelahiran')
    expect(records[1]).toContain('contoh-akta-kelahiran')
    const before = await tenantSnapshot(t.db, tenantId)
    const refused = await postCsv(csv)
    expect(refused.status).toBe(400)
    expect(refused.json.error.details.map((d: { line: number }) => d.line)).toEqual([2, 3])
    expect(refused.json.error.details[0].message).toContain('baris contoh dari templat')
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)

    // Edited (marks gone), the same rows import.
    const edited = csv.replaceAll('contoh-', 'uji-').replaceAll('CONTOH ', '')
    const imported = await importCsv(edited)
    expect(imported.status, imported.text).toBe(200)
    expect(imported.json.counts.added).toEqual({ agencies: 2, services: 2 })
    expect((await adminCatalog()).services.find((s) => s.id === 'uji-akta-kelahiran')?.name).toBe(
      'Akta Kelahiran',
    )
  })

  it('previews what is added, changed (column by column) and unchanged, writing nothing', async () => {
    const csv = [header, row(60, 1), row(60, 2)].join('\n')
    expect((await importCsv(csv)).status).toBe(200)
    const before = await tenantSnapshot(t.db, tenantId)

    const next = [header, row(60, 1), row(60, 2, { name: 'Layanan Uji 60.2 baru' }), row(60, 3)]
      .join('\n')
      .replaceAll('Instansi Uji 60', 'Instansi Uji Enam Puluh')
    const res = await postCsv(next)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)
    const entries = res.json.entries as { id: string; status: string; changes: unknown[] }[]
    expect(entries.map((e) => [e.id, e.status])).toEqual([
      ['instansi-60', 'changed'],
      ['layanan-60-1', 'unchanged'],
      ['layanan-60-2', 'changed'],
      ['layanan-60-3', 'added'],
    ])
    expect(entries[0]?.changes).toEqual([
      { column: 'agency_name', before: 'Instansi Uji 60', after: 'Instansi Uji Enam Puluh' },
    ])
    expect(entries[2]?.changes).toEqual([
      { column: 'service_name', before: 'Layanan Uji 60.2', after: 'Layanan Uji 60.2 baru' },
    ])
    expect(res.json.counts).toEqual({
      added: { agencies: 0, services: 1 },
      changed: { agencies: 1, services: 1 },
      unchanged: { agencies: 0, services: 1 },
    })
  })

  it('applies on confirmation only what changes; a retried confirmation writes nothing twice', async () => {
    const csv = [header, row(61, 1), row(61, 2)].join('\n')
    expect((await importCsv(csv)).status).toBe(200)
    const next = [header, row(61, 1), row(61, 2, { name: 'Layanan Uji 61.2 baru' }), row(61, 3)].join('\n')
    const preview = await postCsv(next)
    const first = await confirmCsv(next, preview.json.previewToken)
    expect(first.status, first.text).toBe(200)
    expect(first.json).toEqual({ counts: preview.json.counts, written: 2 })
    const after = await tenantSnapshot(t.db, tenantId)
    const names = (await adminCatalog()).services.filter((s) => s.id.startsWith('layanan-61-'))
    expect(names.map((s) => s.name).sort()).toEqual([
      'Layanan Uji 61.1',
      'Layanan Uji 61.2 baru',
      'Layanan Uji 61.3',
    ])

    const retry = await confirmCsv(next, preview.json.previewToken)
    expect(retry.status, retry.text).toBe(200)
    expect(retry.json).toEqual({ counts: preview.json.counts, written: 0 })
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(after)
  })

  it('refuses a stale preview: the catalog changed between preview and confirmation', async () => {
    const csv = [header, row(62, 1), row(62, 2)].join('\n')
    expect((await importCsv(csv)).status).toBe(200)
    const next = [
      header,
      row(62, 1, { name: 'Nama dari CSV' }),
      row(62, 2, { name: 'Nama lain dari CSV' }),
    ].join('\n')
    const preview = await postCsv(next)
    expect(preview.status).toBe(200)

    // Someone edits service 62-2 in the meantime.
    const service = (await adminCatalog()).services.find((s) => s.id === 'layanan-62-2')
    const { id: _id, ...rest } = service as Record<string, unknown>
    expect(
      (await api('PUT', '/api/admin/services/layanan-62-2', { ...rest, name: 'Diubah petugas lain' })).status,
    ).toBe(200)
    const before = await tenantSnapshot(t.db, tenantId)

    const res = await confirmCsv(next, preview.json.previewToken)
    expect(res.status).toBe(409)
    expect(res.json.error).toMatchObject({ code: 'import_stale', details: { lines: [3] } })
    expect(res.json.error.message).toContain('Katalog berubah sejak pratinjau')
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)

    // A token made for another CSV is refused too.
    const other = await confirmCsv(csv, preview.json.previewToken)
    expect(other.status).toBe(400)
    expect(other.json.error.details[0].path).toBe('previewToken')
    expect((await confirmCsv(next, 'v1.abc')).status).toBe(400)
  })

  it('leaves alone what a file has no column for: internal components, search words, complaint channel', async () => {
    const full = `${header},search_words,facilities\n${row(64, 1)},akta | surat lahir,Ruang tunggu\n`
    expect((await importCsv(full)).status).toBe(200)
    const stored = (await adminCatalog()).services.find((s) => s.id === 'layanan-64-1')
    expect(stored).toMatchObject({
      keywords: ['akta', 'surat lahir'],
      complaintChannel: 'SP4N-LAPOR!',
      internal: { legalBasis: 'Perda 3/2020', staffCount: '2 orang', facilities: 'Ruang tunggu' },
    })

    // The required columns only: nothing else changes.
    const short = `${header.split(',').slice(0, 10).join(',')}\n${row(64, 1).split(',').slice(0, 11).join(',')}\n`
    const same = await postCsv(short)
    expect(same.status, JSON.stringify(same.json)).toBe(200)
    expect(same.json.entries.map((e: { status: string }) => e.status)).toEqual(['unchanged', 'unchanged'])

    // A column that is there, empty, removes its value; the preview names it.
    const emptied = `${header},search_words\n${row(64, 1).replace('Perda 3/2020', '')},\n`
    const res = await postCsv(emptied)
    expect(res.json.entries[1].changes).toEqual([
      { column: 'search_words', before: 'akta | surat lahir', after: '' },
      { column: 'legal_basis', before: 'Perda 3/2020', after: '' },
    ])
  })

  it('reads a semicolon file from Excel: BOM, CRLF, Windows-1252', async () => {
    const semicolon = [header, row(63, 1), row(63, 2)]
      .map((l) => l.replaceAll(',', ';').replace('Surat pengantar; bila ada', 'Surat pengantar, bila ada'))
      .join('\r\n')
      .replace('Layanan Uji 63.1', 'Layanan Uji 63.1 Jum’at')
    const bytes = Uint8Array.from([...semicolon].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))))
    const res = await postCsv(bytes)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.entries.map((e: { id: string; name: string }) => e.name)).toEqual([
      'Instansi Uji 63',
      'Layanan Uji 63.1 Jum’at',
      'Layanan Uji 63.2',
    ])
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
    const csv = [header, row(50, 1)].join('\n')
    const preview = await postCsv(csv)
    const res = await broken.request(host, '/api/admin/catalog/import', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ csv, previewToken: preview.json.previewToken }),
    })
    vi.restoreAllMocks()
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'unavailable', details: { written: 0, total: 3 } })
    expect(lines.join('')).toContain('catalog import stopped after validation')
    expect(lines.join('')).toContain('throughput exceeded')
    // The same confirmation, sent again once the table answers, completes the import.
    const again = await confirmCsv(csv, preview.json.previewToken)
    expect(again.status, again.text).toBe(200)
    expect(again.json.counts.added).toEqual({ agencies: 1, services: 1 })
  })

  it('refuses an empty or unreadable CSV with the error shape', async () => {
    expect((await postCsv('')).status).toBe(400)
    const broken = await postCsv(`${header}\ninstansi-1,"tidak ditutup\n`)
    expect(broken.status).toBe(400)
    expect(broken.json.error.details[0]).toMatchObject({ line: 2, field: 'agency_name' })
    expect(broken.json.error.details[0].message).toContain('tidak pernah ditutup')
    const wrongType = await t.request(host, '/api/admin/catalog/import/preview', {
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
    expect(noFee.html).toContain('<p class="field-error" id="service-fee-error">Wajib diisi</p>')
    expect(noFee.html).toMatch(
      /id="service-fee"[^>]*aria-invalid="true" aria-describedby="service-fee-error"/,
    )

    const long = await form(
      '/admin/katalog/layanan',
      fields.map(([k, v]) => [
        k,
        k === 'requirements' ? `KTP-el\n${'x'.repeat(301)}` : k === 'fee' ? 'Gratis' : v,
      ]),
    )
    expect(long.status).toBe(400)
    expect(long.html).toContain(
      '<p class="field-error" id="service-requirements-error">Paling banyak 300 karakter</p>',
    )
    expect(long.html).toMatch(
      /id="service-requirements"[^>]*aria-describedby="service-requirements-hint service-requirements-error"/,
    )
    expect(long.html).not.toContain('Terlalu besar')

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

  it('imports a CSV file after a preview; a refused one comes back with its lines and its text', async () => {
    const bad = new FormData()
    const csv = [header, row(40, 1), row(40, 2, { name: '' })].join('\n')
    bad.set('file', new File([csv], 'katalog.csv', { type: 'text/csv' }))
    bad.set('csv', '')
    const refused = await form('/admin/katalog/impor', bad)
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Tidak ada yang disimpan.')
    expect(refused.html).toMatch(/<td>3<\/td>\s*<td>\s*<code>service_name<\/code>/)
    expect(refused.html).toContain('Layanan Uji 40.1')

    const before = await tenantSnapshot(t.db, tenantId)
    const good = new FormData()
    const text = [header, row(40, 1), row(40, 2)].join('\n')
    good.set('csv', text)
    const preview = await form('/admin/katalog/impor', good)
    expect(preview.status).toBe(200)
    expect(preview.html).toContain('Pratinjau impor')
    expect(preview.html).toContain('Akan ditambahkan (3)')
    expect(preview.html).toContain('Konfirmasi dan simpan 3 perubahan')
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)

    // The confirmation carries the CSV and the token as the page has them.
    const hidden = (name: string) => hiddenInput(preview.html, name)
    const confirm = () => {
      const data = new FormData()
      data.set('csv', hidden('csv').replaceAll(/\r?\n/g, '\r\n'))
      data.set('previewToken', hidden('previewToken'))
      return form('/admin/katalog/impor/konfirmasi', data)
    }
    const ok = await confirm()
    expect(ok.status, ok.html).toBe(303)
    expect(ok.location).toBe('/admin/katalog/impor?tersimpan&tambah=3&ubah=0')
    expect((await page(ok.location ?? '')).html).toContain('Impor tersimpan: 3 ditambahkan dan 0 diubah.')
    const after = await tenantSnapshot(t.db, tenantId)
    const retried = await confirm()
    expect(retried.location).toBe(ok.location)
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(after)

    // Unchanged now: the preview says so and offers no confirmation.
    const again = await form('/admin/katalog/impor', good)
    expect(again.html).toContain('Berkas ini tidak mengubah apa pun')
    expect(again.html).not.toContain('/admin/katalog/impor/konfirmasi')
  })

  it('shows a new preview when the catalog changed before the confirmation', async () => {
    const text = [header, row(41, 1)].join('\n')
    const first = new FormData()
    first.set('csv', text)
    const preview = await form('/admin/katalog/impor', first)
    const parsed = preview.html
    // Someone adds the same service by hand in the meantime, with another name.
    const other = await form(
      '/admin/katalog/impor',
      (() => {
        const d = new FormData()
        d.set('csv', text.replace('Layanan Uji 41.1', 'Layanan Lain'))
        return d
      })(),
    )
    const otherForm = other.html
    const data = new FormData()
    data.set('csv', hiddenInput(otherForm, 'csv'))
    data.set('previewToken', hiddenInput(otherForm, 'previewToken'))
    expect((await form('/admin/katalog/impor/konfirmasi', data)).status).toBe(303)

    const confirm = new FormData()
    confirm.set('csv', hiddenInput(parsed, 'csv'))
    confirm.set('previewToken', hiddenInput(parsed, 'previewToken'))
    const stale = await form('/admin/katalog/impor/konfirmasi', confirm)
    expect(stale.status).toBe(409)
    expect(stale.html).toContain('Katalog berubah sejak pratinjau')
    expect(stale.html).toContain('Akan diubah (1)')
    expect(stale.html).toMatch(/<del>Layanan Lain<\/del> →\s*<ins>Layanan Uji 41.1<\/ins>/)
    expect((await adminCatalog()).services.find((s) => s.id === 'layanan-41-1')?.name).toBe('Layanan Lain')
  })
})

/** A hidden input's value in rendered HTML, its attribute entities decoded. */
const hiddenInput = (html: string, name: string) =>
  html
    .match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`))?.[1]
    ?.replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&') ?? ''

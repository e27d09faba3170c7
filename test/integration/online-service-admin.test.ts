import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { keys } from '@mpp/db/keys'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const host: string = tenants.lubuklinggau.host
const kk = 'disdukcapil-kartu-keluarga'
let t: TestApp
let admin: string
let officer: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

const api = async (method: string, path: string, body?: unknown, cookie = admin, on = host) => {
  const res = await t.request(on, path, {
    method,
    headers: {
      cookie,
      origin: `http://${on}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
}

const form = async (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  const res = await t.request(host, path, {
    method: 'POST',
    headers: { cookie: admin, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  })
  return { status: res.status, location: res.headers.get('location'), html: await res.text() }
}

const page = async (path: string, cookie = admin) => {
  const res = await t.request(host, path, { headers: cookie ? { cookie } : {} })
  return { status: res.status, html: await res.text() }
}

const kinds = async (on = host, cookie = admin) =>
  (await api('GET', '/api/admin/document-kinds', undefined, cookie, on)).json.kinds as {
    id: string
    name: { id: string; en: string }
    retired: boolean
  }[]

describe('document kinds', () => {
  it('every MPP starts with the Indonesian defaults, in both languages', async () => {
    const list = await kinds()
    expect(list.map((k) => k.id)).toEqual(
      expect.arrayContaining(['ktp', 'kk', 'pas-foto', 'npwp', 'surat-pengantar']),
    )
    expect(list.find((k) => k.id === 'kk')?.name).toEqual({ id: 'Kartu Keluarga', en: 'Family card (KK)' })
  })

  it('the admin adds one (its id from the name), renames and retires one; another MPP keeps its own', async () => {
    const created = await api('POST', '/api/admin/document-kinds', {
      name: { id: 'Surat Rekomendasi Camat', en: 'Letter from the district head' },
    })
    expect(created.status).toBe(201)
    expect(created.json.id).toBe('surat-rekomendasi-camat')
    const renamed = await api('PUT', '/api/admin/document-kinds/npwp', {
      name: { id: 'Kartu NPWP', en: 'Tax card' },
      retired: true,
    })
    expect(renamed.status).toBe(200)
    const list = await kinds()
    expect(list.find((k) => k.id === 'npwp')).toMatchObject({ name: { id: 'Kartu NPWP' }, retired: true })
    expect(list.some((k) => k.id === 'surat-rekomendasi-camat')).toBe(true)

    const palembang = tenants.palembang.host
    const other = await kinds(palembang, await loginCookie(t, palembang, 'admin@palembang.test'))
    expect(other.find((k) => k.id === 'npwp')).toMatchObject({ name: { id: 'NPWP' }, retired: false })
    expect(other.some((k) => k.id === 'surat-rekomendasi-camat')).toBe(false)
  })

  it('refuses a taken id (a default too), an unknown kind and bad input, in the error shape', async () => {
    const taken = await api('POST', '/api/admin/document-kinds', { id: 'ktp', name: { id: 'KTP', en: 'ID' } })
    expect(taken.status).toBe(409)
    expect(taken.json.error.code).toBe('config_conflict')
    const unknown = await api('PUT', '/api/admin/document-kinds/tidak-ada', {
      name: { id: 'Apa', en: 'What' },
      retired: false,
    })
    expect(unknown.status).toBe(404)
    const bad = await api('POST', '/api/admin/document-kinds', { name: { id: 'Akta cerai' } })
    expect(bad.status).toBe(400)
    expect(bad.json.error.details).toEqual([{ path: 'name.en', message: 'Wajib diisi' }])
  })

  it('officers may not change them', async () => {
    const res = await api('POST', '/api/admin/document-kinds', { name: { id: 'Aaa', en: 'Aaa' } }, officer)
    expect(res.status).toBe(403)
  })

  it('the page keeps what was typed when a new kind is refused', async () => {
    const res = await form('/admin/katalog/dokumen', { nameId: 'Akta cerai', nameEn: '' })
    expect(res.status).toBe(400)
    expect(res.html).toContain('value="Akta cerai"')
    expect(res.html).toContain('aria-invalid="true"')
    const ok = await form('/admin/katalog/dokumen', { nameId: 'Akta cerai', nameEn: 'Divorce certificate' })
    expect(ok.status).toBe(303)
    expect((await page('/admin/katalog/dokumen')).html).toContain('Divorce certificate')
  })
})

describe('document kinds on their page', () => {
  it('renames and retires one; a refusal keeps what was typed, its form open', async () => {
    const refused = await form('/admin/katalog/dokumen/pas-foto', { nameId: 'Pas foto 3x4', nameEn: '' })
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('value="Pas foto 3x4"')
    expect(refused.html).toMatch(
      /<details class="admin-details" open="">\s*<summary>Ubah Pas foto<\/summary>/,
    )
    const saved = await form('/admin/katalog/dokumen/pas-foto', {
      nameId: 'Pas foto 3x4',
      nameEn: 'Photo 3x4',
      retired: 'yes',
    })
    expect(saved.status).toBe(303)
    expect((await kinds()).find((k) => k.id === 'pas-foto')).toMatchObject({
      name: { id: 'Pas foto 3x4', en: 'Photo 3x4' },
      retired: true,
    })
    const back = await form('/admin/katalog/dokumen/pas-foto', {
      nameId: 'Pas foto',
      nameEn: 'Passport photo',
    })
    expect(back.status).toBe(303)
    expect((await kinds()).find((k) => k.id === 'pas-foto')?.retired).toBe(false)
  })
})

describe("a service's online form", () => {
  it('before any form: the documents its requirements name and the working days its standard states', async () => {
    const res = await api('GET', `/api/admin/services/${kk}/online-form`)
    expect(res.status).toBe(200)
    expect(res.json.form).toBeNull()
    expect(res.json.suggestions).toEqual({
      documents: [
        { kindId: 'kk', requirement: 'Kartu Keluarga lama' },
        { kindId: 'akta-perkawinan', requirement: 'Buku nikah atau akta perkawinan' },
      ],
      completionDays: 1,
    })
    expect((await page(`/layanan/${kk}`, '')).html).not.toContain('Bisa diajukan online')
  })

  it('the admin opens it online: fields get ids from their labels, the service page lists its documents', async () => {
    const saved = await api('PUT', `/api/admin/services/${kk}/online-form`, {
      online: true,
      completionDays: 3,
      fields: [
        { type: 'nik', label: { id: 'NIK kepala keluarga', en: 'NIK of the head' }, required: true },
        {
          type: 'choice',
          label: { id: 'Jenis permohonan', en: 'Kind of request' },
          required: true,
          options: [
            { id: 'Baru', en: 'New' },
            { id: 'Perubahan', en: 'Change' },
          ],
        },
      ],
      documents: [{ kindId: 'kk', note: 'yang lama, asli' }, { kindId: 'akta-perkawinan' }],
    })
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    expect(saved.json.fields.map((f: { id: string }) => f.id)).toEqual([
      'nik-kepala-keluarga',
      'jenis-permohonan',
    ])
    expect((await api('GET', `/api/admin/services/${kk}/online-form`)).json.form).toEqual(saved.json)

    const catalog = (await page('/admin/katalog')).html
    expect(catalog).toContain('Kartu Keluarga (baru atau perubahan)</a> · Daring')
    expect(catalog).not.toContain('KTP Elektronik (perekaman dan pencetakan)</a> · Daring')

    const publicPage = (await page(`/layanan/${kk}`, '')).html
    expect(publicPage).toContain('Bisa diajukan online')
    expect(publicPage).toContain('Kartu Keluarga (yang lama, asli)')
    expect(publicPage).toContain('3 hari kerja')
    const english = (await page(`/layanan/${kk}?lang=en`, '')).html
    expect(english).toContain('Apply online')
    expect(english).toContain('Family card (KK)')
  })

  it('refuses an unknown or retired kind, a choice without options, an unknown service', async () => {
    const base = { online: true, completionDays: 3, fields: [], documents: [{ kindId: 'ktp' }] }
    const unknown = await api('PUT', `/api/admin/services/${kk}/online-form`, {
      ...base,
      documents: [{ kindId: 'ktp' }, { kindId: 'tidak-ada' }, { kindId: 'npwp' }],
    })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.details.map((d: { path: string }) => d.path)).toEqual([
      'documents.1.kindId',
      'documents.2.kindId',
    ])
    const choice = await api('PUT', `/api/admin/services/${kk}/online-form`, {
      ...base,
      fields: [{ type: 'choice', label: { id: 'Jenis', en: 'Kind' }, required: true }],
    })
    expect(choice.status).toBe(400)
    expect(choice.json.error.details[0].path).toBe('fields.0.options')
    expect((await api('PUT', '/api/admin/services/tidak-ada/online-form', base)).status).toBe(404)
    expect((await api('GET', '/api/admin/services/tidak-ada/online-form')).status).toBe(404)
    // Nothing of the refused forms was stored.
    expect((await api('GET', `/api/admin/services/${kk}/online-form`)).json.form.completionDays).toBe(3)
  })

  it('the admin page offers the suggestions ticked, to confirm, on a first setup', async () => {
    const res = await page('/admin/katalog/layanan/disdukcapil-kia/online')
    expect(res.status).toBe(200)
    expect(res.html).toContain('dicentang karena cocok dengan persyaratan')
    expect(res.html).toMatch(/name="doc" value="akta-kelahiran" checked/)
    expect(res.html).toContain('Disarankan dari persyaratan &quot;Akta kelahiran anak&quot;')
    expect((await api('GET', '/api/admin/services/disdukcapil-kia/online-form')).json.form).toBeNull()
  })

  it('a refused page form keeps what was typed, with the reason beside its row', async () => {
    const typed = {
      online: 'yes',
      completionDays: '5',
      doc: ['ktp', 'pas-foto'],
      'note.pas-foto': 'latar merah',
      rows: '3',
      'fields.0.labelId': '',
      'fields.0.labelEn': '',
      'fields.1.labelId': 'Jenis kelamin anak',
      'fields.1.labelEn': "Child's sex",
      'fields.1.type': 'choice',
      'fields.1.required': 'yes',
      'fields.1.options': 'Laki-laki | Male',
    }
    const res = await form('/admin/katalog/layanan/disdukcapil-kia/online', typed)
    expect(res.status).toBe(400)
    expect(res.html).toContain('value="Jenis kelamin anak"')
    expect(res.html).toContain('value="latar merah"')
    expect(res.html).toContain('Laki-laki | Male</textarea>')
    expect(res.html).toMatch(/id="field-1-options"[^>]*aria-invalid="true"/)
    expect(res.html).toContain('Isian pilihan perlu paling sedikit dua pilihan')

    const ok = await form('/admin/katalog/layanan/disdukcapil-kia/online', {
      ...typed,
      'fields.1.options': 'Laki-laki | Male\nPerempuan | Female',
    })
    expect(ok.status, ok.html.slice(0, 500)).toBe(303)
    const stored = (await api('GET', '/api/admin/services/disdukcapil-kia/online-form')).json.form
    expect(stored).toMatchObject({
      online: true,
      completionDays: 5,
      documents: [{ kindId: 'ktp' }, { kindId: 'pas-foto', note: 'latar merah' }],
      fields: [{ id: 'jenis-kelamin-anak', type: 'choice', required: true }],
    })
  })
})

describe('a removed service', () => {
  it('takes its online form with it', async () => {
    const created = await api('POST', '/api/admin/services', {
      id: 'surat-sementara',
      agencyId: 'disdukcapil',
      name: 'Surat Sementara',
      requirements: ['KTP-el'],
      procedure: ['Datang'],
      completionTime: '2 hari kerja',
      fee: 'Gratis',
      product: 'Surat',
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const base = { online: true, completionDays: 2, fields: [], documents: [{ kindId: 'ktp' }] }
    expect((await api('PUT', '/api/admin/services/surat-sementara/online-form', base)).status).toBe(200)
    expect((await api('DELETE', '/api/admin/services/surat-sementara')).status).toBe(204)
    expect((await api('GET', '/api/admin/services/surat-sementara/online-form')).status).toBe(404)
    const item = await t.db.doc.send(
      new GetCommand({
        TableName: t.db.tableName,
        Key: keys.serviceOnlineForm(tenants.lubuklinggau.id, 'surat-sementara'),
      }),
    )
    expect(item.Item).toBeUndefined()
  })
})

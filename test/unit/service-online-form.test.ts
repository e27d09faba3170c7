import {
  type DocumentKind,
  defaultDocumentKinds,
  mergeDocumentKinds,
  suggestDocumentKinds,
} from '@mpp/core/document-kind'
import { serviceOnlineForm, serviceOnlineFormInput, workingDaysIn } from '@mpp/core/service-online-form'
import { describe, expect, it } from 'vitest'

const kinds = mergeDocumentKinds([])
const name = (id: string, en = id) => ({ id, en })

describe('document kinds', () => {
  it('every MPP starts with the defaults, each replaced by a stored kind of its id, then its own by name', () => {
    expect(kinds.map((k) => k.id)).toEqual(defaultDocumentKinds.map((k) => k.id))
    const renamed: DocumentKind = { id: 'kk', name: name('KK', 'Family card'), retired: false }
    const own: DocumentKind = { id: 'rekomendasi', name: name('Rekomendasi camat', 'Letter'), retired: false }
    const merged = mergeDocumentKinds([own, renamed])
    expect(merged.find((k) => k.id === 'kk')?.name.id).toBe('KK')
    expect(merged.filter((k) => k.id === 'kk')).toHaveLength(1)
    expect(merged.at(-1)?.id).toBe('rekomendasi')
  })

  it('a requirement suggests the kind whose name or word stands whole in it, each kind once', () => {
    const requirements = [
      'Fotokopi Kartu Keluarga',
      'KTP-el asli',
      'Kartu Keluarga lama',
      'Surat Pengantar RT/RW',
      'Pas foto berwarna 3x4',
      'Fotokopi SK',
    ]
    expect(suggestDocumentKinds(requirements, kinds)).toEqual([
      { kindId: 'kk', requirement: 'Fotokopi Kartu Keluarga' },
      { kindId: 'ktp', requirement: 'KTP-el asli' },
      { kindId: 'surat-pengantar', requirement: 'Surat Pengantar RT/RW' },
      { kindId: 'pas-foto', requirement: 'Pas foto berwarna 3x4' },
    ])
  })

  it('does not suggest on part of a word, nor a retired kind', () => {
    expect(suggestDocumentKinds(['Fotokopi NIBung', 'Akta kelahiranku'], kinds)).toEqual([])
    const retired = kinds.map((k) => (k.id === 'npwp' ? { ...k, retired: true } : k))
    expect(suggestDocumentKinds(['NPWP'], retired)).toEqual([])
  })
})

describe('the working days a completion time states', () => {
  it.each([
    ['14 hari kerja', 14],
    ['Paling lama 28 hari kerja', 28],
    ['3 (tiga) hari kerja', 3],
  ])('%s: %i', (text, days) => expect(workingDaysIn(text)).toBe(days))

  it.each(['Selesai hari itu', '1 jam', '3-5 hari kerja', '7 hari', '0 hari kerja'])('%s: none', (text) =>
    expect(workingDaysIn(text)).toBeUndefined(),
  )
})

describe('an online form', () => {
  const form = {
    online: true,
    completionDays: 3,
    fields: [{ id: 'nik', type: 'nik', label: name('NIK pemohon', 'Applicant NIK'), required: true }],
    documents: [{ kindId: 'ktp' }, { kindId: 'kk', note: 'yang terbaru' }],
  }
  const issues = (input: unknown) =>
    serviceOnlineForm.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []

  it('takes fields, documents and working days', () => {
    expect(issues(form)).toEqual([])
  })

  it('a choice needs two options, and no other field takes any', () => {
    const choice = {
      id: 'jenis',
      type: 'choice',
      label: name('Jenis'),
      required: false,
      options: [name('Baru')],
    }
    const text = { ...choice, id: 'catatan', type: 'text', options: [name('A'), name('B')] }
    expect(issues({ ...form, fields: [choice, text] })).toEqual([
      ['fields.0.options', 'choiceOptions'],
      ['fields.1.options', 'choiceOptions'],
    ])
  })

  it('each field and each document kind once', () => {
    expect(
      issues({
        ...form,
        fields: [...form.fields, ...form.fields],
        documents: [...form.documents, { kindId: 'ktp' }],
      }),
    ).toEqual([
      ['fields.1.id', 'duplicate'],
      ['documents.2.kindId', 'duplicate'],
    ])
  })

  it('an open form asks for something; the working days are a whole number from 1 to 365', () => {
    expect(issues({ ...form, fields: [], documents: [] })).toEqual([['documents', 'formEmpty']])
    expect(issues({ ...form, online: false, fields: [], documents: [] })).toEqual([])
    expect(issues({ ...form, completionDays: 0 }).map(([path]) => path)).toEqual(['completionDays'])
    expect(issues({ ...form, completionDays: 2.5 }).map(([path]) => path)).toEqual(['completionDays'])
  })

  it("what an admin sends may leave a field's id out", () => {
    const { id: _, ...noId } = form.fields[0] as Record<string, unknown>
    expect(serviceOnlineFormInput.safeParse({ ...form, fields: [noId, noId] }).success).toBe(true)
    expect(serviceOnlineForm.safeParse({ ...form, fields: [noId] }).success).toBe(false)
  })
})

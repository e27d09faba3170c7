import { acceptUpload, citizenDocumentUpload, formContentType } from '@mpp/api/files/accept-upload'
import {
  assertFileKeyWithinTenant,
  CrossTenantFileError,
  citizenDocumentKey,
  fileKeyTenant,
  serviceRequestFileKey,
} from '@mpp/api/files/file-keys'
import type { FileStore, StoredFile } from '@mpp/api/files/file-store'
import { detectFileType, jpegType, pdfType, pngType } from '@mpp/api/files/file-types'
import { urgencyStudyUpload } from '@mpp/api/onboarding/applications'
import { describe, expect, it } from 'vitest'

const all = [pdfType, jpegType, pngType]
const bytes = (...values: number[]) => Uint8Array.from(values)
const text = (s: string) => new TextEncoder().encode(s)

describe('detectFileType (by the first bytes, never the name)', () => {
  it('knows PDF, JPEG and PNG by their signatures', () => {
    expect(detectFileType(text('%PDF-1.7\n'), all)).toBe(pdfType)
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xdb), all)).toBe(jpegType)
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0), all)).toBe(jpegType)
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), all)).toBe(pngType)
  })

  it('knows nothing else, nor a signature cut short or a byte off', () => {
    for (const first of [
      new Uint8Array(),
      text('%PDF'),
      text(' %PDF-1.7'),
      text('%pdf-1.7'),
      text('GIF89a'),
      text('<html>'),
      text('PK\u0003\u0004'),
      bytes(0xff, 0xd8),
      bytes(0xff, 0xd8, 0xfe),
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a),
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x0a, 0x0a),
    ])
      expect(detectFileType(first, all), String(first)).toBeUndefined()
  })

  it('only among the types asked for: a PNG is no urgency study', () => {
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), [pdfType])).toBeUndefined()
  })
})

describe('upload kinds', () => {
  it('fix the form’s type only when there is one type to fix', () => {
    expect(formContentType(urgencyStudyUpload)).toBe('application/pdf')
    expect(formContentType(citizenDocumentUpload)).toBe('application/octet-stream')
  })

  /** A store holding `file` in the upload area, recording the type `accept` was told to keep it as. */
  const holding = (file: StoredFile | undefined) => {
    const kept: string[] = []
    const store = {
      accept: async (_key: string, recognise: (file: StoredFile) => string | undefined) => {
        if (!file) return 'missing' as const
        const type = recognise(file)
        if (!type) return 'refused' as const
        kept.push(type)
        return { ...file, contentType: type }
      },
    } as unknown as FileStore
    return { store, kept }
  }
  const fiveMb = 5 * 1024 * 1024

  it('keep a document as the type its bytes show, with its extension', async () => {
    const { store, kept } = holding({ bytes: 1000, firstBytes: bytes(0xff, 0xd8, 0xff, 0xe0) })
    const accepted = await acceptUpload(store, citizenDocumentUpload, 'k')
    expect(accepted).toMatchObject({ contentType: 'image/jpeg', type: { extension: 'jpg' }, bytes: 1000 })
    expect(kept).toEqual(['image/jpeg'])
  })

  it('refuse with the kind’s codes: missing, too large (with the limit), not a PDF, JPEG or PNG', async () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
    const cases = [
      [undefined, { status: 400, code: 'file_missing' }],
      [
        { bytes: fiveMb + 1, firstBytes: png },
        { code: 'file_too_large', details: { bytes: fiveMb + 1, maxBytes: fiveMb } },
      ],
      [
        { bytes: 10, firstBytes: text('GIF89a') },
        { status: 400, code: 'file_type_not_accepted' },
      ],
      [
        { bytes: 0, firstBytes: new Uint8Array() },
        { status: 400, code: 'file_type_not_accepted' },
      ],
    ] as const
    for (const [file, refusal] of cases)
      await expect(acceptUpload(holding(file).store, citizenDocumentUpload, 'k')).rejects.toMatchObject(
        refusal,
      )
    expect(
      (await acceptUpload(holding({ bytes: fiveMb, firstBytes: png }).store, citizenDocumentUpload, 'k'))
        .bytes,
    ).toBe(fiveMb)
  })

  it('leave the urgency study as it was: a PDF, refused as file_not_pdf whatever is wrong', async () => {
    const refuse = (file: StoredFile) => acceptUpload(holding(file).store, urgencyStudyUpload, 'k')
    await expect(refuse({ bytes: 10, firstBytes: bytes(0xff, 0xd8, 0xff) })).rejects.toMatchObject({
      code: 'file_not_pdf',
    })
    const tooLarge = refuse({ bytes: fiveMb + 1, firstBytes: text('%PDF-') })
    await expect(tooLarge).rejects.toMatchObject({ code: 'file_not_pdf', details: undefined })
    expect(
      await acceptUpload(holding({ bytes: 10, firstBytes: text('%PDF-1.4') }).store, urgencyStudyUpload, 'k'),
    ).toMatchObject({ contentType: 'application/pdf' })
  })
})

describe('file keys', () => {
  it('put a tenant’s files under tenants/{tenant}/, with opaque ids only', () => {
    expect(citizenDocumentKey('16.73', 'c-7f3a', 'd_01')).toBe('tenants/16.73/citizens/c-7f3a/documents/d_01')
    expect(serviceRequestFileKey('16.73', 'PRM-7Q2K', 'f1')).toBe('tenants/16.73/requests/PRM-7Q2K/files/f1')
    for (const ref of ['budi@example.id', '+6281234567890', '../16.71', 'a/b', ''])
      expect(() => citizenDocumentKey('16.73', ref, 'd1'), ref).toThrow()
    expect(() => serviceRequestFileKey('16.73', 'PRM 1', 'f1')).toThrow()
    expect(() => citizenDocumentKey('16.7', 'c1', 'd1')).toThrow()
  })

  it('tell whose files a key is among, the upload area included', () => {
    expect(fileKeyTenant('tenants/16.73/citizens/c/documents/d')).toBe('16.73')
    expect(fileKeyTenant('incoming/tenants/16.73/citizens/c/documents/d')).toBe('16.73')
    expect(fileKeyTenant('applications/a1/kajian-urgensi.pdf')).toBeUndefined()
    expect(fileKeyTenant('incoming/applications/a1/kajian-urgensi.pdf')).toBeUndefined()
    expect(() => assertFileKeyWithinTenant('16.73', 'tenants/16.73/x')).not.toThrow()
    expect(() => assertFileKeyWithinTenant(undefined, 'applications/a1/k.pdf')).not.toThrow()
    for (const [tenant, key] of [
      ['16.73', 'tenants/16.71/x'],
      ['16.73', 'tenants/16.73x/x'],
      ['16.73', 'incoming/tenants/16.71/x'],
      ['16.73', 'applications/a1/k.pdf'],
      [undefined, 'tenants/16.73/x'],
      [undefined, 'incoming/tenants/16.73/x'],
    ] as const)
      expect(() => assertFileKeyWithinTenant(tenant, key), key).toThrow(CrossTenantFileError)
  })
})

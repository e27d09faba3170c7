import { acceptUpload, citizenDocumentUpload, uploadFormFor } from '@mpp/api/files/accept-upload'
import { CrossTenantFileError, citizenDocumentKey, serviceRequestFileKey } from '@mpp/api/files/file-keys'
import type { FileStore } from '@mpp/api/files/file-store'
import { urgencyStudyUpload } from '@mpp/api/onboarding/applications'
import type { TenantId } from '@mpp/core/tenant'
import { inTenantScope } from '@mpp/db/tenant-scope'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { renewedEarly, s3FileStore } from '../../functions/s3-file-store'
import { createClock } from '../support/clock'
import { startS3StandIn } from '../support/s3-stand-in'
import { samplePng as png, samplePdf } from '../support/sample-files'

const bucket = 'mpp-files'
const lubuklinggau = '16.73'
const docKey = citizenDocumentKey(lubuklinggau, 'c-7f3a', 'd-01')
const pdf = samplePdf()

let s3: Awaited<ReturnType<typeof startS3StandIn>>
let store: FileStore
const clock = createClock()
/** The tenant credentials asked for, by tenant: the store makes one client per tenant and keeps it. */
const asked: TenantId[] = []

beforeAll(async () => {
  // Two versions a page, so deleting a document with several walks the listing's pages.
  s3 = await startS3StandIn(bucket, 2)
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint
  process.env.AWS_REGION = 'ap-southeast-3'
  process.env.AWS_ACCESS_KEY_ID = 'the-function'
  process.env.AWS_SECRET_ACCESS_KEY = 'the-function'
  store = s3FileStore(bucket, clock.now, (tenantId) => {
    asked.push(tenantId)
    return async () => ({
      accessKeyId: `tenant-${tenantId}`,
      secretAccessKey: 'stand-in',
      sessionToken: 'stand-in',
      expiration: new Date(Date.now() + 3600_000),
    })
  })
})
afterAll(() => s3?.close())
beforeEach(() => {
  s3.calls.length = 0
})

const inLubuklinggau = <T>(work: () => Promise<T>) => inTenantScope(lubuklinggau, work)

describe('the S3 file store, for a tenant', () => {
  it('signs every call of a tenant’s request with that tenant’s credentials, asked for once', async () => {
    s3.put(`incoming/${docKey}`, png)
    await inLubuklinggau(() => acceptUpload(store, citizenDocumentUpload, docKey))
    await inLubuklinggau(() => store.downloadUrl(docKey, { fileName: 'foto.png', contentType: 'image/png' }))
    await inLubuklinggau(() => store.delete(docKey))
    expect(s3.calls.length).toBeGreaterThan(3)
    expect(new Set(s3.calls.map((call) => call.accessKeyId))).toEqual(new Set([`tenant-${lubuklinggau}`]))
    expect(asked).toEqual([lubuklinggau])
  })

  it('keeps an accepted upload as the type its bytes show, copied only if unchanged, and clears the upload', async () => {
    // The form fixed application/octet-stream; the browser's claim never reaches the store.
    s3.put(`incoming/${docKey}`, png, 'application/octet-stream')
    const accepted = await inLubuklinggau(() => acceptUpload(store, citizenDocumentUpload, docKey))
    expect(accepted).toMatchObject({
      contentType: 'image/png',
      bytes: png.length,
      type: { extension: 'png' },
    })
    expect(s3.current(docKey)).toMatchObject({ contentType: 'image/png', bytes: png })
    expect(s3.current(`incoming/${docKey}`)).toBeUndefined()
    const copy = s3.calls.find((call) => call.method === 'PUT')
    expect(copy?.headers).toMatchObject({
      'x-amz-copy-source': `${bucket}/incoming/${docKey}`,
      'x-amz-metadata-directive': 'REPLACE',
      'content-type': 'image/png',
    })
    expect(copy?.headers['x-amz-copy-source-if-match']).toMatch(/^"etag-/)
  })

  it('refuses bytes that are not a PDF, JPEG or PNG, keeping nothing', async () => {
    const other = citizenDocumentKey(lubuklinggau, 'c-7f3a', 'd-02')
    s3.put(`incoming/${other}`, new TextEncoder().encode('<html>%PDF-</html>'), 'application/pdf')
    await expect(
      inLubuklinggau(() => acceptUpload(store, citizenDocumentUpload, other)),
    ).rejects.toMatchObject({
      code: 'file_type_not_accepted',
    })
    expect(s3.current(other)).toBeUndefined()
  })

  it('makes forms that fix application/octet-stream, at most 5 MB, to the tenant’s upload area, for 30 minutes', async () => {
    const form = await inLubuklinggau(() =>
      uploadFormFor(store, citizenDocumentUpload, docKey, 'https://lubuklinggau.example/kembali'),
    )
    expect(form.url).toContain(s3.endpoint)
    expect(form.fields).toMatchObject({
      key: `incoming/${docKey}`,
      'Content-Type': 'application/octet-stream',
    })
    expect(form.fields['X-Amz-Credential']).toMatch(/^tenant-16\.73\//)
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString())
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 5 * 1024 * 1024],
        ['eq', '$Content-Type', 'application/octet-stream'],
        { key: `incoming/${docKey}` },
      ]),
    )
    // 30 minutes from when it was signed (the SDK signs a POST at the machine's clock: s3-file-store.ts).
    const signed = (form.fields['X-Amz-Date'] ?? '').replace(
      /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
      '$1-$2-$3T$4:$5:$6Z',
    )
    expect(new Date(policy.expiration).getTime() - new Date(signed).getTime()).toBe(30 * 60_000)
  })

  it('signs links that carry the type and the file name', async () => {
    s3.put(docKey, png, 'image/png')
    const link = await inLubuklinggau(() =>
      store.downloadUrl(docKey, { fileName: 'pas foto.png', contentType: 'image/png' }),
    )
    const url = new URL(link)
    expect(url.searchParams.get('response-content-type')).toBe('image/png')
    expect(url.searchParams.get('response-content-disposition')).toBe('attachment; filename="pas_foto.png"')
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^tenant-16\.73\//)
    const served = await fetch(link)
    expect(served.headers.get('content-type')).toBe('image/png')
  })

  it('deletes every version of exactly the key (not one sharing its prefix), and again is no error', async () => {
    const neighbour = `${docKey}-2`
    s3.put(docKey, pdf)
    s3.put(docKey, png)
    s3.put(neighbour, pdf)
    await inLubuklinggau(() => store.delete(docKey))
    expect(s3.versionsOf(docKey)).toEqual([])
    expect(s3.current(neighbour)).toBeDefined()
    // The listing came in pages, each asked for under the key as prefix.
    const lists = s3.calls.filter((call) => call.query.versions !== undefined)
    expect(lists.length).toBeGreaterThan(1)
    for (const list of lists) expect(list.query.prefix).toBe(docKey)
    await inLubuklinggau(() => store.delete(docKey))
    expect(s3.versionsOf(docKey)).toEqual([])
  })

  it('copies a kept file to another key as an independent object, its type with it', async () => {
    const record = serviceRequestFileKey(lubuklinggau, 'PRM-7Q2K', 'f-01')
    s3.put(docKey, pdf, 'application/pdf')
    await inLubuklinggau(() => store.copy(docKey, record))
    await inLubuklinggau(() => store.delete(docKey))
    expect(s3.current(record)).toMatchObject({ bytes: pdf, contentType: 'application/pdf' })
  })

  it('refuses another tenant’s key before any call to S3', async () => {
    const palembang = citizenDocumentKey('16.71', 'c-7f3a', 'd-01')
    await expect(inLubuklinggau(() => store.delete(palembang))).rejects.toBeInstanceOf(CrossTenantFileError)
    await expect(inLubuklinggau(() => store.copy(docKey, palembang))).rejects.toBeInstanceOf(
      CrossTenantFileError,
    )
    await expect(store.delete(docKey)).rejects.toBeInstanceOf(CrossTenantFileError)
    expect(s3.calls).toEqual([])
  })
})

describe('the S3 file store, for the platform', () => {
  it('signs with the function’s own role and keeps the urgency study as a PDF, as before', async () => {
    const key = urgencyStudyUpload.key('a1')
    s3.put(`incoming/${key}`, pdf, 'application/pdf')
    const form = await uploadFormFor(store, urgencyStudyUpload, key, 'https://example/kembali')
    expect(form.fields['Content-Type']).toBe('application/pdf')
    expect(await acceptUpload(store, urgencyStudyUpload, key)).toMatchObject({
      contentType: 'application/pdf',
    })
    expect(s3.current(key)).toMatchObject({ contentType: 'application/pdf' })
    expect(new Set(s3.calls.map((call) => call.accessKeyId))).toEqual(new Set(['the-function']))
  })
})

describe('tenant credentials for signing', () => {
  it('are said to expire 35 minutes early, so the SDK renews them with over 40 minutes left', async () => {
    const expiration = new Date('2026-11-24T04:00:00Z')
    const early = await renewedEarly(async () => ({ accessKeyId: 'a', secretAccessKey: 's', expiration }))()
    expect(early).toMatchObject({ accessKeyId: 'a', expiration: new Date('2026-11-24T03:25:00Z') })
  })
})

import { mkdtemp } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { acceptUpload, citizenDocumentUpload, uploadFormFor } from '@mpp/api/files/accept-upload'
import { CrossTenantFileError, citizenDocumentKey, serviceRequestFileKey } from '@mpp/api/files/file-keys'
import type { UploadForm } from '@mpp/api/files/file-store'
import { detectFileType, pdfType } from '@mpp/api/files/file-types'
import { urgencyStudyUpload } from '@mpp/api/onboarding/applications'
import { inTenantScope } from '@mpp/db/tenant-scope'
import { createLocalFileStore } from '@mpp/local/local-file-store'
import { describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { sampleJpeg as jpeg, samplePdf as pdf, samplePng as png } from '../support/sample-files'
import { testSecret } from '../support/test-app'

const origin = 'http://localhost'
const key = 'applications/a1/kajian-urgensi.pdf'
const maxBytes = 5 * 1024 * 1024
const asPdf = { fileName: 'kajian.pdf', contentType: 'application/pdf' }

/** A local store in a directory of its own, with a clock the test moves. */
const createStore = async (maxFileBytes?: number) => {
  const clock = createClock()
  const files = createLocalFileStore(
    await mkdtemp(join(tmpdir(), 'mpp-store-')),
    testSecret,
    clock.now,
    maxFileBytes,
  )
  const form = () =>
    files.store.uploadForm({
      key,
      contentType: 'application/pdf',
      maxBytes,
      redirect: `${origin}/daftar/lampiran/a1/t`,
      expiresInSeconds: 3600,
    })
  /** Posts a form's fields and a file as a browser would. */
  const post = (fields: Record<string, string>, bytes: Uint8Array, claimed = asPdf) => {
    const body = new FormData()
    for (const [name, value] of Object.entries(fields)) body.append(name, value)
    body.append('file', new Blob([Buffer.from(bytes)], { type: claimed.contentType }), claimed.fileName)
    return files.receiver.request(`${origin}/unggah`, { method: 'POST', body })
  }
  const get = (path: string) => files.receiver.request(`${origin}${path}`)
  const accept = () =>
    files.store.accept(key, (file) => detectFileType(file.firstBytes, [pdfType])?.contentType)
  return { clock, ...files, form, post, get, accept }
}

/** A download path with some of its query replaced (`undefined` drops the parameter). */
const alter = (path: string, change: Record<string, string | undefined>) => {
  const url = new URL(path, origin)
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) url.searchParams.delete(name)
    else url.searchParams.set(name, value)
  }
  return `${url.pathname}${url.search}`
}

describe('download links', () => {
  it('work for five minutes by the store’s clock, then never again', async () => {
    const s = await createStore()
    expect((await s.post((await s.form()).fields, pdf('one'))).status).toBe(303)
    expect(await s.accept()).toMatchObject({ bytes: pdf('one').length })
    const link = await s.store.downloadUrl(key, asPdf)
    expect((await s.get(link)).status).toBe(200)
    s.clock.advanceMinutes(5)
    expect((await s.get(link)).status).toBe(200)
    s.clock.set(new Date(s.clock.now().getTime() + 1000).toISOString())
    expect((await s.get(link)).status).toBe(403)
  })

  it('refuse a missing, garbage or altered expiry', async () => {
    const s = await createStore()
    await s.post((await s.form()).fields, pdf('one'))
    await s.accept()
    const link = await s.store.downloadUrl(key, asPdf)
    for (const expires of [undefined, '', 'NaN', 'never', '1e20', '99999999999']) {
      expect((await s.get(alter(link, { expires }))).status, String(expires)).toBe(403)
    }
  })

  it('serve no upload that was not accepted, and nothing under another key', async () => {
    const s = await createStore()
    await s.post((await s.form()).fields, pdf('one'))
    await expect(s.store.downloadUrl(`incoming/${key}`, asPdf)).rejects.toThrow()
    expect((await s.get(await s.store.downloadUrl(key, asPdf))).status).toBe(404)
    const link = await s.store.downloadUrl('applications/a2/kajian-urgensi.pdf', asPdf)
    expect((await s.get(alter(link, { key: `incoming/${key}` }))).status).toBe(403)
  })
})

describe('signatures are for one purpose', () => {
  it('an upload form’s signature is no download link, however its fields are arranged', async () => {
    const s = await createStore()
    const { fields } = await s.form()
    expect((await s.post(fields, pdf('one'))).status).toBe(303)
    await s.accept()
    expect((await s.post(fields, pdf('two'))).status).toBe(303)
    const asLink = (query: Record<string, string>) => `/berkas?${new URLSearchParams(query)}`
    const attempts = [
      // The form's five signed values as a link's four, the redirect address standing in for the expiry.
      {
        key: fields.key as string,
        name: [fields['Content-Type'], fields.maxBytes].join('\n'),
        type: fields.expires as string,
        expires: fields.success_action_redirect as string,
        signature: fields.signature as string,
      },
      {
        key: fields.key as string,
        name: 'kajian.pdf',
        type: 'application/pdf',
        expires: fields.expires as string,
        signature: fields.signature as string,
      },
      {
        key,
        name: 'kajian.pdf',
        type: 'application/pdf',
        expires: fields.expires as string,
        signature: fields.signature as string,
      },
    ]
    for (const query of attempts) expect((await s.get(asLink(query))).status).toBe(403)
  })

  it('a download link’s signature is no upload form', async () => {
    const s = await createStore()
    const { fields } = await s.form()
    await s.post(fields, pdf('one'))
    await s.accept()
    const expires = (await s.form()).fields.expires as string
    // A link whose name and type carry the form's middle values, so its signed parts line up with a form's.
    const link = new URL(
      await s.store.downloadUrl(key, { fileName: 'application/pdf', contentType: String(maxBytes) }),
      origin,
    )
    const forged = {
      key,
      'Content-Type': link.searchParams.get('name') as string,
      maxBytes: link.searchParams.get('type') as string,
      expires,
      success_action_redirect: link.searchParams.get('expires') as string,
      signature: link.searchParams.get('signature') as string,
    }
    expect((await s.post(forged, pdf('forged'))).status).toBe(400)
    expect((await s.post({ ...forged, key: `incoming/${key}` }, pdf('forged'))).status).toBe(400)
    const kept = await s.get(await s.store.downloadUrl(key, asPdf))
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(pdf('one'))
  })
})

describe('accepting an upload', () => {
  it('keeps the checked bytes: posting the form again, within its hour, changes nothing accepted', async () => {
    const s = await createStore()
    const { fields }: UploadForm = await s.form()
    expect(fields.key).toBe(`incoming/${key}`)
    expect((await s.post(fields, pdf('checked'))).status).toBe(303)
    expect(await s.accept()).toEqual({
      bytes: pdf('checked').length,
      firstBytes: pdf('checked').subarray(0, 16),
      contentType: 'application/pdf',
    })

    const swap = new TextEncoder().encode('<html>not the checked file</html>')
    s.clock.advanceMinutes(30)
    expect((await s.post(fields, swap)).status).toBe(303)
    const read = async () =>
      new Uint8Array(await (await s.get(await s.store.downloadUrl(key, asPdf))).arrayBuffer())
    expect(await read()).toEqual(pdf('checked'))
    // Accepting again checks again: the swapped file is refused and the accepted one stays.
    expect(await s.accept()).toBe('refused')
    expect(await read()).toEqual(pdf('checked'))
    // The form cannot aim at the accepted file's key either.
    expect((await s.post({ ...fields, key }, swap)).status).toBe(400)
    expect(await read()).toEqual(pdf('checked'))
  })

  it('says missing when nothing arrived, and refused when the check fails, keeping nothing', async () => {
    const s = await createStore()
    expect(await s.accept()).toBe('missing')
    await s.post((await s.form()).fields, new TextEncoder().encode('GIF89a'))
    expect(await s.accept()).toBe('refused')
    expect((await s.get(await s.store.downloadUrl(key, asPdf))).status).toBe(404)
  })

  it('refuses a form past its hour', async () => {
    const s = await createStore()
    const { fields } = await s.form()
    s.clock.set(new Date(s.clock.now().getTime() + 3601_000).toISOString())
    expect((await s.post(fields, pdf('late'))).status).toBe(400)
    expect(await s.accept()).toBe('missing')
  })
})

describe('the receiver’s body limit', () => {
  // The largest file any form allows, plus room for the form's fields.
  const limit = maxBytes + 64 * 1024

  it('refuses a body whose Content-Length is over the limit before any of it is sent', async () => {
    const s = await createStore()
    const server = serve({ fetch: s.receiver.fetch, port: 0, hostname: '127.0.0.1' })
    try {
      await new Promise((listening) => server.once('listening', listening))
      const { port } = server.address() as AddressInfo
      const answer = await new Promise<{ status?: number; connection?: string }>((done, fail) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/unggah',
            method: 'POST',
            headers: {
              'content-type': 'multipart/form-data; boundary=x',
              'content-length': String(400 * 1024 * 1024),
            },
          },
          (res) => {
            done({ status: res.statusCode, connection: res.headers.connection })
            res.resume()
            req.destroy()
          },
        )
        req.on('error', fail)
        // Headers only: an answer can come only from a receiver that did not wait for the 400 MB.
        req.flushHeaders()
      })
      expect(answer).toEqual({ status: 413, connection: 'close' })
    } finally {
      await new Promise((closed) => server.close(closed))
    }
  })

  it('refuses a chunked body once its bytes pass the limit, reading no further', async () => {
    const s = await createStore()
    const chunk = new Uint8Array(64 * 1024)
    let sent = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 400 * 1024 * 1024) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    // A stream body has no Content-Length; Node wants `duplex` for it, which the DOM's RequestInit lacks.
    const chunked = {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: endless,
      duplex: 'half',
    }
    const res = await s.receiver.request(`${origin}/unggah`, chunked)
    expect(res.status).toBe(413)
    expect(sent).toBeGreaterThan(limit)
    expect(sent).toBeLessThanOrEqual(limit + 4 * chunk.length)
  })

  it('takes a body just under the limit and judges its file by the form', async () => {
    const s = await createStore()
    const big = new Uint8Array(maxBytes + 1)
    big.set(pdf('big'))
    expect((await s.post((await s.form()).fields, big)).status).toBe(400)
    expect(await s.accept()).toBe('missing')
  })
})

describe('citizen documents (PDF, JPEG or PNG, at most 5 MB, judged by their bytes)', () => {
  const lubuklinggau = '16.73'
  const docKey = citizenDocumentKey(lubuklinggau, 'c-7f3a', 'd-01')
  const inLubuklinggau = <T>(work: () => Promise<T>) => inTenantScope(lubuklinggau, work)

  /** A store, and a citizen's upload of `bytes` (labelled `claimed` by the browser) to `key`, through its form. */
  const documents = async (maxFileBytes?: number) => {
    const s = await createStore(maxFileBytes)
    const upload = (bytes: Uint8Array, claimed = asPdf, at = docKey) =>
      inLubuklinggau(async () => {
        const { fields } = await uploadFormFor(s.store, citizenDocumentUpload, at, `${origin}/kembali`)
        return (await s.post(fields, bytes, claimed)).status
      })
    const accept = (at = docKey) => inLubuklinggau(() => acceptUpload(s.store, citizenDocumentUpload, at))
    const download = (at: string, contentType: string) =>
      inLubuklinggau(async () => s.get(await s.store.downloadUrl(at, { fileName: 'ktp.x', contentType })))
    return { ...s, upload, accept, download }
  }

  it('accepts each as the type its bytes show, whatever the browser claimed, and serves it as that type', async () => {
    const s = await documents()
    const cases = [
      { bytes: pdf('ktp'), type: 'application/pdf', extension: 'pdf' },
      { bytes: jpeg, type: 'image/jpeg', extension: 'jpg' },
      { bytes: png, type: 'image/png', extension: 'png' },
    ]
    for (const { bytes, type, extension } of cases) {
      // Labelled a PDF every time: the label decides nothing.
      expect(await s.upload(bytes)).toBe(303)
      const accepted = await s.accept()
      expect(accepted).toMatchObject({ bytes: bytes.length, contentType: type, type: { extension } })
      const served = await s.download(docKey, accepted.contentType)
      expect(served.headers.get('content-type')).toBe(type)
      expect(served.headers.get('x-content-type-options')).toBe('nosniff')
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes)
    }
  })

  it('has a form that fixes no type the browser chose, and lasts 30 minutes', async () => {
    const s = await documents()
    const { fields } = await inLubuklinggau(() =>
      uploadFormFor(s.store, citizenDocumentUpload, docKey, `${origin}/kembali`),
    )
    expect(fields).toMatchObject({
      key: `incoming/${docKey}`,
      'Content-Type': 'application/octet-stream',
      maxBytes: String(5 * 1024 * 1024),
    })
    expect(Number(fields.expires) * 1000 - s.clock.now().getTime()).toBe(30 * 60_000)
    // The urgency study's form, a kind of one type, still fixes application/pdf for an hour.
    const study = await uploadFormFor(s.store, urgencyStudyUpload, key, `${origin}/kembali`)
    expect(study.fields['Content-Type']).toBe('application/pdf')
    expect(Number(study.fields.expires) * 1000 - s.clock.now().getTime()).toBe(3600_000)
  })

  it('refuses a file labelled PDF whose bytes are not one, and keeps nothing', async () => {
    const s = await documents()
    for (const bytes of [
      new TextEncoder().encode('GIF89a...'),
      new TextEncoder().encode('<html>%PDF-</html>'),
    ]) {
      expect(await s.upload(bytes)).toBe(303)
      await expect(s.accept()).rejects.toMatchObject({ status: 400, code: 'file_type_not_accepted' })
      expect((await s.download(docKey, 'application/pdf')).status).toBe(404)
    }
  })

  it('refuses a file over 5 MB: the receiver before storing it, and acceptance if one got there', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(png)
    const s = await documents()
    expect(await s.upload(big, { fileName: 'foto.png', contentType: 'image/png' })).toBe(400)
    await expect(s.accept()).rejects.toMatchObject({ status: 400, code: 'file_missing' })
    // A store whose forms allow more: the 5 MB limit is the kind's, checked again at acceptance.
    const roomy = await documents(6 * 1024 * 1024)
    const { fields } = await inLubuklinggau(() =>
      roomy.store.uploadForm({
        key: docKey,
        contentType: 'application/octet-stream',
        maxBytes: 6 * 1024 * 1024,
        redirect: `${origin}/kembali`,
        expiresInSeconds: 60,
      }),
    )
    expect((await roomy.post(fields, big)).status).toBe(303)
    await expect(roomy.accept()).rejects.toMatchObject({
      status: 400,
      code: 'file_too_large',
      details: { bytes: big.length, maxBytes: 5 * 1024 * 1024 },
    })
    expect((await roomy.download(docKey, 'image/png')).status).toBe(404)
  })

  it('deletes a kept document: its link serves it no more, and deleting again is no error', async () => {
    const s = await documents()
    await s.upload(png)
    await s.accept()
    const link = await inLubuklinggau(() =>
      s.store.downloadUrl(docKey, { fileName: 'foto.png', contentType: 'image/png' }),
    )
    expect((await s.get(link)).status).toBe(200)
    await inLubuklinggau(() => s.store.delete(docKey))
    expect((await s.get(link)).status).toBe(404)
    await inLubuklinggau(() => s.store.delete(docKey))
    await inLubuklinggau(() => s.store.delete(citizenDocumentKey(lubuklinggau, 'c-7f3a', 'never-there')))
  })

  it('copies a kept document into an application’s own file, which outlives the citizen deleting theirs', async () => {
    const s = await documents()
    const recordKey = serviceRequestFileKey(lubuklinggau, 'PRM-7Q2K', 'f-01')
    await s.upload(pdf('ktp'))
    await s.accept()
    await inLubuklinggau(() => s.store.copy(docKey, recordKey))
    // The citizen replaces their kept copy, then deletes it: the application's file is the first, still there.
    await s.upload(png)
    await s.accept()
    await inLubuklinggau(() => s.store.delete(docKey))
    const kept = await s.download(recordKey, 'application/pdf')
    expect(kept.status).toBe(200)
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(pdf('ktp'))
    await expect(inLubuklinggau(() => s.store.copy(docKey, recordKey))).rejects.toThrow()
    expect(new Uint8Array(await (await s.download(recordKey, 'application/pdf')).arrayBuffer())).toEqual(
      pdf('ktp'),
    )
  })

  it('never reaches another tenant’s files, nor a tenant’s outside its request', async () => {
    const s = await documents()
    await s.upload(pdf('ktp'))
    await s.accept()
    const palembang = citizenDocumentKey('16.71', 'c-7f3a', 'd-01')
    const own = serviceRequestFileKey(lubuklinggau, 'PRM-7Q2K', 'f-01')
    const attempts: [string, () => Promise<unknown>][] = [
      ['form', () => uploadFormFor(s.store, citizenDocumentUpload, palembang, `${origin}/kembali`)],
      ['accept', () => acceptUpload(s.store, citizenDocumentUpload, palembang)],
      ['link', () => s.store.downloadUrl(palembang, asPdf)],
      ['delete', () => s.store.delete(palembang)],
      ['copy out', () => s.store.copy(docKey, palembang)],
      ['copy in', () => s.store.copy(palembang, own)],
      ['a platform file', () => s.store.downloadUrl(key, asPdf)],
    ]
    for (const [what, attempt] of attempts)
      await expect(inLubuklinggau(attempt), what).rejects.toBeInstanceOf(CrossTenantFileError)
    // Outside any tenant's request (the platform host), no tenant's file at all.
    await expect(s.store.downloadUrl(docKey, asPdf)).rejects.toBeInstanceOf(CrossTenantFileError)
    await expect(s.store.delete(docKey)).rejects.toBeInstanceOf(CrossTenantFileError)
    expect((await s.download(docKey, 'application/pdf')).status).toBe(200)
  })
})

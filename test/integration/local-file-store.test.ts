import { mkdtemp } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { looksLikePdf, type UploadForm } from '@mpp/api/files/file-store'
import { createLocalFileStore } from '@mpp/local/local-file-store'
import { describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { testSecret } from '../support/test-app'

const origin = 'http://localhost'
const key = 'applications/a1/kajian-urgensi.pdf'
const maxBytes = 5 * 1024 * 1024
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)

/** A local store in a directory of its own, with a clock the test moves. */
const createStore = async () => {
  const clock = createClock()
  const files = createLocalFileStore(await mkdtemp(join(tmpdir(), 'mpp-store-')), testSecret, clock.now)
  const form = () =>
    files.store.uploadForm({
      key,
      contentType: 'application/pdf',
      maxBytes,
      redirect: `${origin}/daftar/lampiran/a1/t`,
      expiresInSeconds: 3600,
    })
  /** Posts a form's fields and a file as a browser would. */
  const post = (fields: Record<string, string>, bytes: Uint8Array) => {
    const body = new FormData()
    for (const [name, value] of Object.entries(fields)) body.append(name, value)
    body.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'kajian.pdf')
    return files.receiver.request(`${origin}/unggah`, { method: 'POST', body })
  }
  const get = (path: string) => files.receiver.request(`${origin}${path}`)
  const accept = () => files.store.accept(key, (file) => looksLikePdf(file.firstBytes))
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
    const link = await s.store.downloadUrl(key, 'kajian.pdf')
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
    const link = await s.store.downloadUrl(key, 'kajian.pdf')
    for (const expires of [undefined, '', 'NaN', 'never', '1e20', '99999999999']) {
      expect((await s.get(alter(link, { expires }))).status, String(expires)).toBe(403)
    }
  })

  it('serve no upload that was not accepted, and nothing under another key', async () => {
    const s = await createStore()
    await s.post((await s.form()).fields, pdf('one'))
    await expect(s.store.downloadUrl(`incoming/${key}`, 'kajian.pdf')).rejects.toThrow()
    expect((await s.get(await s.store.downloadUrl(key, 'kajian.pdf'))).status).toBe(404)
    const link = await s.store.downloadUrl('applications/a2/kajian-urgensi.pdf', 'kajian.pdf')
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
      // The form's five signed values as a link's three, the redirect address standing in for the expiry.
      {
        key: fields.key as string,
        name: [fields['Content-Type'], fields.maxBytes, fields.expires].join('\n'),
        expires: fields.success_action_redirect as string,
        signature: fields.signature as string,
      },
      {
        key: fields.key as string,
        name: 'kajian.pdf',
        expires: fields.expires as string,
        signature: fields.signature as string,
      },
      { key, name: 'kajian.pdf', expires: fields.expires as string, signature: fields.signature as string },
    ]
    for (const query of attempts) expect((await s.get(asLink(query))).status).toBe(403)
  })

  it('a download link’s signature is no upload form', async () => {
    const s = await createStore()
    const { fields } = await s.form()
    await s.post(fields, pdf('one'))
    await s.accept()
    const expires = (await s.form()).fields.expires as string
    // A link whose name carries the form's middle values, so its signed parts line up with a form's.
    const link = new URL(
      await s.store.downloadUrl(key, ['application/pdf', String(maxBytes), expires].join('\n')),
      origin,
    )
    const forged = {
      key,
      'Content-Type': 'application/pdf',
      maxBytes: String(maxBytes),
      expires,
      success_action_redirect: link.searchParams.get('expires') as string,
      signature: link.searchParams.get('signature') as string,
    }
    expect((await s.post(forged, pdf('forged'))).status).toBe(400)
    expect((await s.post({ ...forged, key: `incoming/${key}` }, pdf('forged'))).status).toBe(400)
    const kept = await s.get(await s.store.downloadUrl(key, 'kajian.pdf'))
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
    })

    const swap = new TextEncoder().encode('<html>not the checked file</html>')
    s.clock.advanceMinutes(30)
    expect((await s.post(fields, swap)).status).toBe(303)
    const read = async () =>
      new Uint8Array(await (await s.get(await s.store.downloadUrl(key, 'kajian.pdf'))).arrayBuffer())
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
    expect((await s.get(await s.store.downloadUrl(key, 'kajian.pdf'))).status).toBe(404)
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

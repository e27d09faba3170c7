import { createHmac, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { FileStore } from '@mpp/api/files/file-store'
import type { Clock } from '@mpp/core/clock'
import { Hono } from 'hono'

/** Keys are `word/word/file.pdf`: no `..`, no absolute paths, so a key can never leave the directory. */
const safeKey = (key: string) => /^[\w-]+(\/[\w.-]+)+$/.test(key) && !key.includes('..')

/**
 * Files under DATA_DIR, with the same browser-to-store upload as S3's presigned POST: the form carries its
 * limits signed (HMAC), and `receiver` (mounted by the local server, outside the app, where S3 would be)
 * checks them before writing anything.
 */
export const createLocalFileStore = (dir: string, secret: string, now: Clock) => {
  const sign = (parts: string[]) => createHmac('sha256', secret).update(parts.join('\n')).digest('base64url')
  const valid = (parts: string[], signature: string) => {
    const expected = Buffer.from(sign(parts))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
  const pathOf = (key: string) => {
    const path = normalize(join(dir, key))
    if (!path.startsWith(`${normalize(dir)}${sep}`)) throw new Error(`key ${key} escapes the store`)
    return path
  }

  const store: FileStore = {
    async uploadForm(rules) {
      const expires = String(Math.floor(now().getTime() / 1000) + rules.expiresInSeconds)
      const fields = {
        key: rules.key,
        'Content-Type': rules.contentType,
        maxBytes: String(rules.maxBytes),
        expires,
        success_action_redirect: rules.redirect,
      }
      return { url: '/unggah', fields: { ...fields, signature: sign(Object.values(fields)) } }
    },
    async head(key) {
      if (!safeKey(key)) return undefined
      try {
        const path = pathOf(key)
        const info = await stat(path)
        return { bytes: info.size, firstBytes: new Uint8Array((await readFile(path)).subarray(0, 16)) }
      } catch {
        return undefined
      }
    },
    async downloadUrl(key, fileName) {
      const expires = String(Math.floor(now().getTime() / 1000) + 300)
      const query = new URLSearchParams({
        key,
        name: fileName,
        expires,
        signature: sign([key, fileName, expires]),
      })
      return `/berkas?${query}`
    },
  }

  const receiver = new Hono()
  receiver.post('/unggah', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0)
    const form = await c.req.parseBody()
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
    const parts = [
      field('key'),
      field('Content-Type'),
      field('maxBytes'),
      field('expires'),
      field('success_action_redirect'),
    ]
    const file = form.file
    const maxBytes = Number(field('maxBytes'))
    const refused =
      !valid(parts, field('signature')) ||
      Number(field('expires')) * 1000 < now().getTime() ||
      !safeKey(field('key')) ||
      !(file instanceof File) ||
      file.size === 0 ||
      file.size > maxBytes ||
      length > maxBytes + 64 * 1024
    // S3 answers a broken policy with a bare 4xx page; so does this stand-in.
    if (refused)
      return c.text('Upload refused: the form expired, was altered, or the file is too large.', 400)
    const path = pathOf(field('key'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, Buffer.from(await (file as File).arrayBuffer()))
    const back = new URL(field('success_action_redirect'))
    back.searchParams.set('key', field('key'))
    return c.redirect(back.toString(), 303)
  })
  receiver.get('/berkas', async (c) => {
    const key = c.req.query('key') ?? ''
    const name = c.req.query('name') ?? 'file'
    const expires = c.req.query('expires') ?? '0'
    if (
      !valid([key, name, expires], c.req.query('signature') ?? '') ||
      Number(expires) * 1000 < now().getTime() ||
      !safeKey(key)
    ) {
      return c.text('This download link has expired.', 403)
    }
    const path = pathOf(key)
    const info = await stat(path).catch(() => undefined)
    if (!info) return c.text('Not found.', 404)
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
    c.header('Content-Length', String(info.size))
    return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream)
  })
  return { store, receiver }
}

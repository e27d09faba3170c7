import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { Readable } from 'node:stream'
import { guardTenantFiles } from '@mpp/api/files/file-keys'
import { type FileStore, isUploadKey, safeFileName, uploadKeyOf } from '@mpp/api/files/file-store'
import { signatureBytes } from '@mpp/api/files/file-types'
import type { Clock } from '@mpp/core/clock'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { expiryAfter, fileSigner, unexpired } from './file-signatures'

/** Keys are `word/word/file.pdf`: no `..`, no absolute paths, so a key can never leave the directory. */
const safeKey = (key: string) => /^[\w-]+(\/[\w.-]+)+$/.test(key) && !key.includes('..')

/** Room for a form's other fields beside its file in one multipart body. */
const formFieldsBytes = 64 * 1024

/**
 * Files under DATA_DIR, with the same browser-to-store upload as S3's presigned POST: the form carries its
 * limits signed (HMAC), and `receiver` (mounted by the local server, outside the app, where S3 would be)
 * checks them before writing anything. `maxFileBytes` bounds every form, so the receiver can refuse a larger
 * body before reading it. A download link carries the file's name and type, signed, as S3's presigned GET does.
 */
export const createLocalFileStore = (
  dir: string,
  secret: string,
  now: Clock,
  maxFileBytes = 5 * 1024 * 1024,
) => {
  const uploads = fileSigner(secret, 'upload')
  const downloads = fileSigner(secret, 'download')
  const pathOf = (key: string) => {
    const path = normalize(join(dir, key))
    if (!path.startsWith(`${normalize(dir)}${sep}`)) throw new Error(`key ${key} escapes the store`)
    return path
  }
  /** Accepted files have keys of their own, outside the upload area. */
  const keptKey = (key: string) => safeKey(key) && !isUploadKey(key)
  /**
   * Replaces the file at `key` by renaming a finished copy (of `bytes`, or of the file at `fromKey`) over it:
   * a reader gets the old or the new whole.
   */
  const writeWhole = async (key: string, bytes: Uint8Array | { fromKey: string }) => {
    const path = pathOf(key)
    const partial = join(dir, '.partial', randomUUID())
    await Promise.all([
      mkdir(dirname(partial), { recursive: true }),
      mkdir(dirname(path), { recursive: true }),
    ])
    if (bytes instanceof Uint8Array) await writeFile(partial, bytes)
    else await copyFile(pathOf(bytes.fromKey), partial)
    await rename(partial, path)
  }

  const store: FileStore = guardTenantFiles({
    async uploadForm(rules) {
      if (rules.maxBytes > maxFileBytes) {
        throw new Error(`a form for ${rules.maxBytes} bytes exceeds the receiver's ${maxFileBytes}`)
      }
      const fields = {
        key: uploadKeyOf(rules.key),
        'Content-Type': rules.contentType,
        maxBytes: String(rules.maxBytes),
        expires: expiryAfter(now(), rules.expiresInSeconds),
        success_action_redirect: rules.redirect,
      }
      return { url: '/unggah', fields: { ...fields, signature: uploads.sign(Object.values(fields)) } }
    },
    async accept(key, recognise) {
      if (!keptKey(key)) throw new Error(`${key} cannot be an accepted file's key`)
      // Uploads arrive by rename, so this reads one whole upload, and the bytes checked are the bytes kept.
      const bytes = await readFile(pathOf(uploadKeyOf(key))).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      if (!bytes) return 'missing'
      const file = { bytes: bytes.length, firstBytes: new Uint8Array(bytes.subarray(0, signatureBytes)) }
      const contentType = recognise(file)
      if (!contentType) return 'refused'
      // The type is not kept beside the file: the record keeps it, and each download link carries it.
      await writeWhole(key, bytes)
      // Like S3's DeleteObject after CopyObject; an upload posted in between goes too and is simply sent again.
      await rm(pathOf(uploadKeyOf(key)), { force: true })
      return { ...file, contentType }
    },
    async downloadUrl(key, { fileName, contentType }) {
      if (!keptKey(key)) throw new Error(`${key} is not an accepted file`)
      const expires = expiryAfter(now(), 300)
      const query = new URLSearchParams({
        key,
        name: fileName,
        type: contentType,
        expires,
        signature: downloads.sign([key, fileName, contentType, expires]),
      })
      return `/berkas?${query}`
    },
    async delete(key) {
      if (!keptKey(key)) throw new Error(`${key} is not an accepted file`)
      await rm(pathOf(key), { force: true })
    },
    async copy(from, to) {
      if (!keptKey(from) || !keptKey(to)) throw new Error(`${from} or ${to} is not an accepted file's key`)
      await writeWhole(to, { fromKey: from })
    },
  })

  // S3 answers a broken policy with a bare 4xx page; so does this stand-in.
  const refuse = (c: Context) =>
    c.text('Upload refused: the form expired, was altered, or the file is too large.', 400)
  const receiver = new Hono()
  receiver.post(
    '/unggah',
    // Refused as soon as the body passes the largest any form allows: by its Content-Length before reading,
    // or, sent chunked, once its bytes counted so far do. Nothing past the limit is buffered.
    bodyLimit({
      maxSize: maxFileBytes + formFieldsBytes,
      onError: (c) => {
        c.header('Connection', 'close')
        return c.text('Upload refused: the body is too large.', 413)
      },
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => undefined)
      if (!form) return refuse(c)
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
      const parts = [
        field('key'),
        field('Content-Type'),
        field('maxBytes'),
        field('expires'),
        field('success_action_redirect'),
      ]
      const file = form.file
      const refused =
        !uploads.valid(parts, field('signature')) ||
        !unexpired(field('expires'), now()) ||
        !safeKey(field('key')) ||
        !isUploadKey(field('key')) ||
        !(file instanceof File) ||
        file.size === 0 ||
        file.size > Number(field('maxBytes'))
      if (refused) return refuse(c)
      await writeWhole(field('key'), new Uint8Array(await (file as File).arrayBuffer()))
      const back = new URL(field('success_action_redirect'))
      back.searchParams.set('key', field('key'))
      return c.redirect(back.toString(), 303)
    },
  )
  receiver.get('/berkas', async (c) => {
    const key = c.req.query('key') ?? ''
    const name = c.req.query('name') ?? ''
    const type = c.req.query('type') ?? ''
    const expires = c.req.query('expires') ?? ''
    if (
      !downloads.valid([key, name, type, expires], c.req.query('signature') ?? '') ||
      !unexpired(expires, now()) ||
      !keptKey(key)
    ) {
      return c.text('This download link has expired.', 403)
    }
    const path = pathOf(key)
    const info = await stat(path).catch(() => undefined)
    if (!info) return c.text('Not found.', 404)
    c.header('Content-Type', type)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Content-Disposition', `attachment; filename="${safeFileName(name)}"`)
    c.header('Content-Length', String(info.size))
    return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream)
  })
  return { store, receiver }
}

import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Version {
  versionId: string
  /** Undefined for a delete marker. */
  bytes?: Uint8Array
  contentType?: string
  etag: string
}

/** One request the stand-in answered, with the access key that signed it (header or presigned query). */
export interface S3Call {
  method: string
  key: string
  query: Record<string, string>
  accessKeyId: string
  headers: Record<string, string>
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`
const error = (code: string) => xml(`<Error><Code>${code}</Code><Message>${code}</Message></Error>`)

const accessKeyOf = (req: IncomingMessage, query: URLSearchParams) =>
  (/Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ??
    query.get('X-Amz-Credential')?.split('/')[0] ??
    '') as string

/**
 * A local stand-in for the few S3 object operations the file store uses (the SDK is pointed at it with
 * AWS_ENDPOINT_URL_S3), on one versioned bucket kept in memory: GetObject (with a range), CopyObject (with
 * If-Match and a metadata directive), DeleteObject (of the current object or of one version) and
 * ListObjectVersions (`pageSize` at a time). It records who signed each call; it checks no signature.
 */
export const startS3StandIn = async (bucket: string, pageSize = 1000) => {
  const objects = new Map<string, Version[]>()
  const calls: S3Call[] = []
  let serial = 0
  const write = (key: string, version: Omit<Version, 'versionId' | 'etag'>) => {
    serial += 1
    const added = { ...version, versionId: `v${serial}`, etag: `"etag-${serial}"` }
    objects.set(key, [...(objects.get(key) ?? []), added])
    return added
  }
  const current = (key: string) => {
    const latest = objects.get(key)?.at(-1)
    return latest?.bytes ? latest : undefined
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      // Path style (`/bucket/key`), which the SDK uses for an endpoint that is an IP address.
      const path = decodeURIComponent(url.pathname).replace(/^\//, '')
      const key = path.startsWith(`${bucket}/`) ? path.slice(bucket.length + 1) : ''
      const query = Object.fromEntries(url.searchParams)
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      )
      calls.push({
        method: req.method ?? '',
        key,
        query,
        accessKeyId: accessKeyOf(req, url.searchParams),
        headers,
      })
      const send = (status: number, body: string | Uint8Array = '', extra: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/xml', ...extra })
        res.end(body)
      }

      if (req.method === 'GET' && key === '' && url.searchParams.has('versions')) {
        const prefix = query.prefix ?? ''
        const all = [...objects.entries()]
          .filter(([k]) => k.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .flatMap(([k, versions]) => versions.map((v) => ({ key: k, ...v })))
        const after = all.findIndex(
          (v) => v.key === query['key-marker'] && v.versionId === query['version-id-marker'],
        )
        const page = all.slice(after + 1, after + 1 + pageSize)
        const truncated = after + 1 + pageSize < all.length
        const last = page.at(-1)
        const entries = page
          .map((v) =>
            v.bytes
              ? `<Version><Key>${v.key}</Key><VersionId>${v.versionId}</VersionId><ETag>${v.etag}</ETag><Size>${v.bytes.length}</Size></Version>`
              : `<DeleteMarker><Key>${v.key}</Key><VersionId>${v.versionId}</VersionId></DeleteMarker>`,
          )
          .join('')
        const next =
          truncated && last
            ? `<NextKeyMarker>${last.key}</NextKeyMarker><NextVersionIdMarker>${last.versionId}</NextVersionIdMarker>`
            : ''
        return send(
          200,
          xml(
            `<ListVersionsResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><IsTruncated>${truncated}</IsTruncated>${next}${entries}</ListVersionsResult>`,
          ),
        )
      }
      if (req.method === 'GET') {
        const found = current(key)
        if (!found?.bytes) return send(404, error('NoSuchKey'))
        const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
        const served = {
          'content-type': query['response-content-type'] ?? found.contentType ?? 'binary/octet-stream',
          etag: found.etag,
          ...(query['response-content-disposition'] && {
            'content-disposition': query['response-content-disposition'],
          }),
        }
        if (!range) return send(200, found.bytes, served)
        const end = Math.min(Number(range[2]), found.bytes.length - 1)
        return send(206, found.bytes.subarray(Number(range[1]), end + 1), {
          ...served,
          'content-range': `bytes ${range[1]}-${end}/${found.bytes.length}`,
        })
      }
      if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
        const from = decodeURIComponent(String(req.headers['x-amz-copy-source'])).replace(/^\//, '')
        const source = from.startsWith(`${bucket}/`) ? current(from.slice(bucket.length + 1)) : undefined
        if (!source?.bytes) return send(404, error('NoSuchKey'))
        const ifMatch = req.headers['x-amz-copy-source-if-match']
        if (ifMatch && ifMatch !== source.etag) return send(412, error('PreconditionFailed'))
        const replace = req.headers['x-amz-metadata-directive'] === 'REPLACE'
        const copied = write(key, {
          bytes: source.bytes,
          contentType: replace ? req.headers['content-type'] : source.contentType,
        })
        return send(200, xml(`<CopyObjectResult><ETag>${copied.etag}</ETag></CopyObjectResult>`))
      }
      if (req.method === 'DELETE') {
        if (query.versionId)
          objects.set(
            key,
            (objects.get(key) ?? []).filter((v) => v.versionId !== query.versionId),
          )
        else write(key, {})
        if (objects.get(key)?.length === 0) objects.delete(key)
        return send(204)
      }
      send(501, error('NotImplemented'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** Puts an object as an upload would (a new version). */
    put: (key: string, bytes: Uint8Array, contentType = 'application/octet-stream') =>
      write(key, { bytes, contentType }),
    /** Every version and delete marker of `key`, oldest first. */
    versionsOf: (key: string) => objects.get(key) ?? [],
    /** The current object at `key`, if there is one (not a delete marker). */
    current,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

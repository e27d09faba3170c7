import { guardTenantFiles } from '@mpp/api/files/file-keys'
import { type FileStore, safeFileName, uploadKeyOf } from '@mpp/api/files/file-store'
import { signatureBytes } from '@mpp/api/files/file-types'
import type { Clock } from '@mpp/core/clock'
import type { TenantId } from '@mpp/core/tenant'
import type { AwsCredentialIdentityProvider } from '@mpp/db/client'
import { scopedTenant } from '@mpp/db/tenant-scope'
import { boundedRequests } from './bounded-requests'

/**
 * How much earlier than they do a tenant's credentials are said to expire. The SDK renews credentials five
 * minutes before their (said) expiry, so every form and link is signed with credentials that truly have over
 * 40 minutes left: more than a citizen document's 30-minute form (accept-upload.ts) or a 5-minute link,
 * which S3 honours only while what signed them is valid. Role chaining caps the tenant role's sessions at an
 * hour, so a tenant's S3 credentials are renewed about every 20 minutes.
 */
const renewalMarginMs = 35 * 60_000

export const renewedEarly =
  (provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider =>
  async () => {
    const identity = await provider()
    return identity.expiration
      ? { ...identity, expiration: new Date(identity.expiration.getTime() - renewalMarginMs) }
      : identity
  }

/**
 * The S3 client and its signers, loaded on first use: most requests never touch a file, and evaluating the S3
 * SDK would otherwise add to every cold start. One client for the function's own role (the platform's files)
 * and, made on a tenant's first file, one per tenant with that tenant's role.
 */
const loadS3 = async (tenantCredentials?: (tenantId: TenantId) => AwsCredentialIdentityProvider) => {
  const [s3, post, presigner] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-presigned-post'),
    import('@aws-sdk/s3-request-presigner'),
  ])
  const clientWith = (credentials?: AwsCredentialIdentityProvider) =>
    new s3.S3Client({ requestHandler: boundedRequests(1000, 5000), ...(credentials && { credentials }) })
  const shared = clientWith()
  const perTenant = new Map<TenantId, InstanceType<typeof s3.S3Client>>()
  /** The client of the request's tenant, whose role reaches only `tenants/{tenant}/` (infra: tenant-role.ts). */
  const client = () => {
    const tenantId = scopedTenant()
    if (!tenantId || !tenantCredentials) return shared
    let tenantClient = perTenant.get(tenantId)
    if (!tenantClient) {
      tenantClient = clientWith(renewedEarly(tenantCredentials(tenantId)))
      perTenant.set(tenantId, tenantClient)
    }
    return tenantClient
  }
  return {
    ...s3,
    createPresignedPost: post.createPresignedPost,
    getSignedUrl: presigner.getSignedUrl,
    client,
  }
}

/**
 * S3 answers a missing key with 404 only to a role that may list the bucket; this one may not, and may read
 * every key it asks for, so its 403 means missing too.
 */
const isMissing = (error: unknown) => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return (error as { name?: string }).name === 'NoSuchKey' || status === 404 || status === 403
}

/**
 * Files in a private S3 bucket; the browser uploads with a presigned POST limited in size and type, to the
 * upload area, and accepting copies the checked object out of it, as the type its bytes showed. Download
 * links are signed at the app's clock; the SDK's POST signer takes no date and signs at the machine's, which
 * in Lambda is the same clock. With `tenantCredentials` (AWS), a request in a tenant's scope signs with that
 * tenant's role, whose rights end at its own prefix.
 */
export const s3FileStore = (
  bucket: string,
  now: Clock,
  tenantCredentials?: (tenantId: TenantId) => AwsCredentialIdentityProvider,
): FileStore => {
  let loaded: ReturnType<typeof loadS3> | undefined
  const sdk = () => {
    loaded ??= loadS3(tenantCredentials)
    return loaded
  }
  return guardTenantFiles({
    async uploadForm(rules) {
      const { client, createPresignedPost } = await sdk()
      const { url, fields } = await createPresignedPost(client(), {
        Bucket: bucket,
        Key: uploadKeyOf(rules.key),
        Expires: rules.expiresInSeconds,
        Conditions: [
          ['content-length-range', 1, rules.maxBytes],
          ['eq', '$Content-Type', rules.contentType],
          ['eq', '$success_action_redirect', rules.redirect],
        ],
        Fields: { 'Content-Type': rules.contentType, success_action_redirect: rules.redirect },
      })
      return { url, fields }
    },
    async accept(key, recognise) {
      const { client, GetObjectCommand, CopyObjectCommand, DeleteObjectCommand } = await sdk()
      const source = uploadKeyOf(key)
      const start = await client()
        .send(new GetObjectCommand({ Bucket: bucket, Key: source, Range: `bytes=0-${signatureBytes - 1}` }))
        .catch((error: unknown) => {
          if (isMissing(error)) return undefined
          throw error
        })
      if (!start) return 'missing'
      const file = {
        // A range's answer gives the whole object's size after the slash: `bytes 0-15/48213`.
        bytes: Number(/\/(\d+)$/.exec(start.ContentRange ?? '')?.[1] ?? start.ContentLength ?? 0),
        firstBytes: (await start.Body?.transformToByteArray()) ?? new Uint8Array(),
      }
      const contentType = recognise(file)
      if (!contentType) return 'refused'
      try {
        // Only the object just read (its ETag): a form posted again since then fails the copy, not slips in.
        // Kept as the type its bytes showed, not the one the form fixed (accept-upload.ts, formContentType).
        await client().send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: key,
            CopySource: encodeURI(`${bucket}/${source}`),
            CopySourceIfMatch: start.ETag,
            MetadataDirective: 'REPLACE',
            ContentType: contentType,
          }),
        )
      } catch (error) {
        if ((error as { name?: string }).name === 'PreconditionFailed') return 'refused'
        throw error
      }
      await client().send(new DeleteObjectCommand({ Bucket: bucket, Key: source }))
      return { ...file, contentType }
    },
    async downloadUrl(key, { fileName, contentType }) {
      const { client, GetObjectCommand, getSignedUrl } = await sdk()
      return getSignedUrl(
        client(),
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: contentType,
          ResponseContentDisposition: `attachment; filename="${safeFileName(fileName)}"`,
        }),
        { expiresIn: 300, signingDate: now() },
      )
    },
    async delete(key) {
      const { client, ListObjectVersionsCommand, DeleteObjectCommand } = await sdk()
      // The bucket is versioned: a plain delete would only hide the file behind a marker for 30 days. A
      // citizen's deleted document is gone, so every version and marker of exactly this key is deleted.
      const versions: { VersionId?: string }[] = []
      let page: { KeyMarker?: string; VersionIdMarker?: string } = {}
      for (;;) {
        const listed = await client().send(
          new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, ...page }),
        )
        for (const v of [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])])
          if (v.Key === key) versions.push(v)
        if (!listed.IsTruncated) break
        page = { KeyMarker: listed.NextKeyMarker, VersionIdMarker: listed.NextVersionIdMarker }
      }
      await Promise.all(
        versions.map((v) =>
          client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: v.VersionId })),
        ),
      )
    },
    async copy(from, to) {
      const { client, CopyObjectCommand } = await sdk()
      // The type and the rest of the object's metadata go with it (MetadataDirective COPY).
      await client().send(
        new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: encodeURI(`${bucket}/${from}`) }),
      )
    },
  })
}

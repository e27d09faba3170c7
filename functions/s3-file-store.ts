import { type FileStore, uploadKeyOf } from '@mpp/api/files/file-store'
import type { Clock } from '@mpp/core/clock'

/**
 * The S3 client and its signers, loaded on first use: most requests never touch a file, and evaluating the S3
 * SDK would otherwise add to every cold start.
 */
const loadS3 = async () => {
  const [s3, post, presigner] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-presigned-post'),
    import('@aws-sdk/s3-request-presigner'),
  ])
  return {
    ...s3,
    createPresignedPost: post.createPresignedPost,
    getSignedUrl: presigner.getSignedUrl,
    client: new s3.S3Client({}),
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
 * upload area, and accepting copies the checked object out of it. Download links are signed at the app's
 * clock; the SDK's POST signer takes no date and signs at the machine's, which in Lambda is the same clock.
 */
export const s3FileStore = (bucket: string, now: Clock): FileStore => {
  let loaded: ReturnType<typeof loadS3> | undefined
  const sdk = () => {
    loaded ??= loadS3()
    return loaded
  }
  return {
    async uploadForm(rules) {
      const { client, createPresignedPost } = await sdk()
      const { url, fields } = await createPresignedPost(client, {
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
    async accept(key, check) {
      const { client, GetObjectCommand, CopyObjectCommand, DeleteObjectCommand } = await sdk()
      const source = uploadKeyOf(key)
      const start = await client
        .send(new GetObjectCommand({ Bucket: bucket, Key: source, Range: 'bytes=0-15' }))
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
      if (!check(file)) return 'refused'
      try {
        // Only the object just read (its ETag): a form posted again since then fails the copy, not slips in.
        await client.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: key,
            CopySource: encodeURI(`${bucket}/${source}`),
            CopySourceIfMatch: start.ETag,
          }),
        )
      } catch (error) {
        if ((error as { name?: string }).name === 'PreconditionFailed') return 'refused'
        throw error
      }
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: source }))
      return file
    },
    async downloadUrl(key, fileName) {
      const { client, GetObjectCommand, getSignedUrl } = await sdk()
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
        }),
        { expiresIn: 300, signingDate: now() },
      )
    },
  }
}

import type { FileStore } from '@mpp/api/files/file-store'
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
 * Files in a private S3 bucket; the browser uploads with a presigned POST limited in size and type. Download
 * links are signed at the app's clock; the SDK's POST signer takes no date and signs at the machine's, which
 * in Lambda is the same clock.
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
        Key: rules.key,
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
    async head(key) {
      const { client, HeadObjectCommand, GetObjectCommand, NotFound } = await sdk()
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        const start = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-15' }),
        )
        return {
          bytes: head.ContentLength ?? 0,
          firstBytes: (await start.Body?.transformToByteArray()) ?? new Uint8Array(),
        }
      } catch (error) {
        if (error instanceof NotFound || (error as { name?: string }).name === 'NoSuchKey') return undefined
        throw error
      }
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

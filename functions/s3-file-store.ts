import { GetObjectCommand, HeadObjectCommand, NotFound, S3Client } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FileStore } from '@mpp/api/files/file-store'

/** Files in a private S3 bucket; the browser uploads with a presigned POST limited in size and type. */
export const s3FileStore = (bucket: string): FileStore => {
  const client = new S3Client({})
  return {
    async uploadForm(rules) {
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
    downloadUrl(key, fileName) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
        }),
        { expiresIn: 300 },
      )
    },
  }
}

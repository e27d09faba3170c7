import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface FilesProps {
  /** Where S3 writes the bucket's access log. */
  logBucket: IBucket
}

export interface UploadGrantsProps {
  /** The kept files' prefix (`applications`, `tenants/${aws:PrincipalTag/tenant}`); their uploads are under `incoming/{kept}/`. */
  kept: string
  /** What may be done to the kept files themselves, besides writing them as copies. */
  keptActions: string[]
  /** Whether a kept file may also be written as a copy of another kept file (not only of an upload). */
  copiesBetweenKept?: boolean
}

/**
 * The rights a role needs to take uploads into kept files, and no more: presigned POSTs and GETs act with the
 * signer's rights. Posting, reading and clearing uploads in the upload area; writing a kept file only as a copy
 * (so no presigned POST can write one); `keptActions` on the kept files. `wildcards` are the object ARNs to
 * acknowledge to cdk-nag: the app picks every key, the browser only gets a form or link for one.
 */
export const uploadGrants = (bucket: IBucket, props: UploadGrantsProps) => {
  const incoming = bucket.arnForObjects(`incoming/${props.kept}/*`)
  const kept = bucket.arnForObjects(`${props.kept}/*`)
  const sources = [
    `${bucket.bucketName}/incoming/${props.kept}/*`,
    ...(props.copiesBetweenKept ? [`${bucket.bucketName}/${props.kept}/*`] : []),
  ]
  const statements = [
    new PolicyStatement({
      actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      resources: [incoming],
    }),
    new PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [kept],
      conditions: { StringLike: { 's3:x-amz-copy-source': sources.length === 1 ? sources[0] : sources } },
    }),
    new PolicyStatement({ actions: props.keptActions, resources: [kept] }),
  ]
  return { statements, wildcards: [incoming, kept] }
}

/** How long an overwritten or deleted accepted file can still be restored. */
export const noncurrentVersionDays = 30

/**
 * Files people upload (an application's urgency study PDF): private, reached only through presigned POSTs
 * and short-lived download links that the http function signs. Versioned, so an accepted file overwritten or
 * deleted by mistake can be restored for 30 days, and kept when the stack is deleted, except uploads never
 * accepted: a day after arriving in `incoming/` they go, every version of them.
 */
export class Files extends Construct {
  readonly bucket: Bucket

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id)
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'files/',
      versioned: true,
      // Citizens' and regencies' documents: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        // Uploads never accepted (and, once accepted, the copy left in the upload area) are gone after a day.
        {
          id: 'incoming-after-a-day',
          prefix: 'incoming/',
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'old-versions-and-unfinished-uploads',
          noncurrentVersionExpiration: Duration.days(noncurrentVersionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
    })
  }
}

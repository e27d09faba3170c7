import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface FilesProps {
  /** Where S3 writes the bucket's access log. */
  logBucket: IBucket
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

import { Duration } from 'aws-cdk-lib'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface FilesProps {
  /** Where S3 writes the bucket's access log. */
  logBucket: IBucket
}

/**
 * Files people upload (an application's urgency study PDF): private, reached only through presigned POSTs
 * and short-lived download links that the http function signs. Kept when the stack is deleted, except
 * uploads never accepted: a day after arriving in `incoming/` they go.
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
      lifecycleRules: [{ prefix: 'incoming/', expiration: Duration.days(1) }],
    })
  }
}

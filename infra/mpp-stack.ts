import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { Files } from './constructs/files'
import { type CustomDomain, MppHttpApi } from './constructs/http-api'
import { Jobs } from './constructs/jobs'
import { MppTable } from './constructs/table'
import { WebAssets } from './constructs/web-assets'

export type { CustomDomain } from './constructs/http-api'

export interface MppStackProps extends StackProps {
  /** The built web assets (`web/build-assets.ts`); a prop so tests can deploy a fresh build. */
  assetsDir: string
  /** Without it the API answers on its execute-api host only. */
  domain?: CustomDomain
  /** A sender verified in SES (`MPP Cloud <noreply@mpp.example.go.id>`); without it mail stays in the outbox. */
  mailFrom?: string
}

/** The whole platform: one table, one HTTP API for every host, the scheduled jobs and the static assets. */
export class MppStack extends Stack {
  constructor(scope: Construct, id: string, props: MppStackProps) {
    super(scope, id, props)
    const { table, indexArns } = new MppTable(this, 'Data')
    const assets = new WebAssets(this, 'WebAssets', { assetsDir: props.assetsDir })
    const files = new Files(this, 'Files', { logBucket: assets.logBucket })
    const http = new MppHttpApi(this, 'Http', {
      table,
      indexArns,
      assetBaseUrl: assets.baseUrl,
      assetVersion: assets.version,
      domain: props.domain,
      filesBucket: files.bucket,
      mailFrom: props.mailFrom,
    })

    new Jobs(this, 'Jobs', { table, indexArns })

    new CfnOutput(this, 'ApiUrl', { value: http.stage.url })
    new CfnOutput(this, 'AssetBaseUrl', { value: assets.baseUrl })
    new CfnOutput(this, 'TableName', { value: table.tableName })
    new CfnOutput(this, 'FilesBucket', { value: files.bucket.bucketName })
  }
}

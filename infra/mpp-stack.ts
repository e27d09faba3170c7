import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
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
}

/** The whole platform: one table, one HTTP API for every host, the scheduled jobs and the static assets. */
export class MppStack extends Stack {
  constructor(scope: Construct, id: string, props: MppStackProps) {
    super(scope, id, props)
    const { table, indexArns } = new MppTable(this, 'Data')
    const assets = new WebAssets(this, 'WebAssets', { assetsDir: props.assetsDir })
    const http = new MppHttpApi(this, 'Http', {
      table,
      indexArns,
      assetBaseUrl: assets.baseUrl,
      assetVersion: assets.version,
      domain: props.domain,
    })

    new Jobs(this, 'Jobs', { table, indexArns })

    new CfnOutput(this, 'ApiUrl', { value: http.stage.url })
    new CfnOutput(this, 'AssetBaseUrl', { value: assets.baseUrl })
    new CfnOutput(this, 'TableName', { value: table.tableName })
  }
}

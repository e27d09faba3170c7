import { tableDefinition } from '@mpp/db/table-definition'
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { ApiDistribution } from './constructs/api-distribution'
import { Files } from './constructs/files'
import { MppHttpApi } from './constructs/http-api'
import { Jobs } from './constructs/jobs'
import { LiveSocketApi } from './constructs/live-socket-api'
import { MailSender } from './constructs/mail-sender'
import { Operations } from './constructs/operations'
import { MppTable } from './constructs/table'
import { TableBackup } from './constructs/table-backup'
import { TenantRole } from './constructs/tenant-role'
import { WebAssets } from './constructs/web-assets'
import { type CustomDomain, checkCertificates } from './custom-domain'

export type { CustomDomain } from './custom-domain'

export interface MppStackProps extends StackProps {
  /** The built web assets (`web/build-assets.ts`); a prop so tests can deploy a fresh build. */
  assetsDir: string
  /** The CLOUDFRONT-scoped web ACL of the edge stack (us-east-1), in front of every request to the API. */
  webAclArn: string
  /**
   * Without it the API answers on its distribution's *.cloudfront.net host only. With an `originCertificateArn`
   * (in this stack's region) CloudFront reaches the API at `origin.{rootDomain}` and the execute-api endpoint
   * is disabled.
   */
  domain?: CustomDomain
  /**
   * A sender verified in SES (`MPP Cloud <noreply@mpp.example.go.id>`): the mail sender sends the outbox as it.
   * Without it no mail leaves the platform; it stays `pending` in the outbox.
   */
  mailFrom?: string
  /** Who the alarms notify (an SNS email subscription, confirmed from the first mail); none without it. */
  alarmEmail?: string
}

/**
 * The whole platform: one table, one HTTP API for every host behind CloudFront and the edge stack's web ACL,
 * the scheduled jobs and the static assets.
 */
export class MppStack extends Stack {
  constructor(scope: Construct, id: string, props: MppStackProps) {
    super(scope, id, props)
    // Both certificates are checked here, before anything uses them: a wrong region only fails at deployment.
    const domain = props.domain && checkCertificates(props.domain, this.region)
    const { table, indexArns } = new MppTable(this, 'Data')
    const assets = new WebAssets(this, 'WebAssets', { assetsDir: props.assetsDir })
    const files = new Files(this, 'Files', { logBucket: assets.logBucket })
    const http = new MppHttpApi(this, 'Http', {
      table,
      indexArns,
      assetBaseUrl: assets.baseUrl,
      assetVersion: assets.version,
      filesBucket: files.bucket,
      domain,
    })
    // The Lambda's environment refers to the distribution, the distribution to the API, the API's integration
    // to the Lambda function (not to its environment): no cycle.
    const edge = new ApiDistribution(this, 'Edge', {
      originHost: http.originHost,
      webAclArn: props.webAclArn,
      originSecret: http.originSecret,
      responseHeadersPolicy: assets.securityHeaders,
      logBucket: assets.logBucket,
      domain,
    })
    edge.distribution.node.addDependency(http.originReady)
    for (const fn of http.handlers) fn.addEnvironment('ROOT_DOMAIN', edge.rootDomain)
    // A request on a tenant's host signs its table and file requests as this role, confined to that tenant's
    // keys and files. The platform's function serves no tenant host.
    const onTenantHosts = [http.handler, http.audienceHandlers.citizen, http.audienceHandlers.staff]
    const tenantRole = new TenantRole(this, 'TenantRole', {
      table,
      indexArns,
      filesBucket: files.bucket,
      assumedBy: onTenantHosts.map((fn) => {
        if (!fn.role) throw new Error(`${fn.node.path} has no role to assume the tenant role with`)
        return fn.role
      }),
    })
    for (const fn of onTenantHosts) fn.addEnvironment('TENANT_ROLE_ARN', tenantRole.role.roleArn)

    // Boards, ticket pages and consoles are pushed what changed; pages learn the socket's address from the app.
    const live = new LiveSocketApi(this, 'Live', { table, sessionSecret: http.sessionSecret })
    for (const fn of http.handlers) fn.addEnvironment('LIVE_SOCKET_URL', live.stage.url)

    const jobs = new Jobs(this, 'Jobs', { table, indexArns })
    new TableBackup(this, 'Backup', { table })

    const mail = props.mailFrom
      ? new MailSender(this, 'Mail', { table, indexArns, mailFrom: props.mailFrom })
      : undefined
    const operations = new Operations(this, 'Operations', {
      alarmEmail: props.alarmEmail,
      functions: [
        // 500 requests a second (the stage's throttle) at 0.4 s each need 200 instances: more means slowness.
        { name: 'http', fn: http.handler, errorsPer5Minutes: 5, concurrency: 200 },
        // The same for each audience's function: a flood can send all of the stage's 500 a second to one.
        ...Object.entries(http.audienceHandlers).map(([name, fn]) => ({
          name,
          fn,
          errorsPer5Minutes: 5,
          concurrency: 200,
        })),
        // One run at a time; two means a run or its retry overlapped the next.
        { name: 'jobs', fn: jobs.fn, errorsPer5Minutes: 1, concurrency: 2 },
        // One instance per stream shard; a failure is a batch the table would not let it finish.
        ...(mail ? [{ name: 'mail', fn: mail.fn, errorsPer5Minutes: 1, concurrency: 10 }] : []),
        // About 110 connects and 470 pings a second at the peak (README), each a few ms: 50 is a flood.
        { name: 'live-socket', fn: live.socket, errorsPer5Minutes: 5, concurrency: 50 },
        // One instance per stream shard; an error is a batch that will be retried, then dropped.
        { name: 'live-fanout', fn: live.fanout, errorsPer5Minutes: 1, concurrency: 10 },
      ],
      api: http.api,
      liveApi: live.api,
      accessLogs: http.accessLogs,
      table,
      indexNames: tableDefinition.globalSecondaryIndexes.map((index) => index.indexName),
      jobsFailures: jobs.failures,
      mailFailures: mail?.deadLetters,
    })

    new CfnOutput(this, 'PlatformUrl', { value: `https://${edge.rootDomain}` })
    new CfnOutput(this, 'AssetBaseUrl', { value: assets.baseUrl })
    new CfnOutput(this, 'TableName', { value: table.tableName })
    new CfnOutput(this, 'FilesBucket', { value: files.bucket.bucketName })
    new CfnOutput(this, 'AlarmTopic', { value: operations.topic.topicArn })
    new CfnOutput(this, 'Dashboard', { value: operations.dashboard.dashboardName })
  }
}

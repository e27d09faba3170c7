import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { App } from '@mpp/api/app'
import type { AppDeps } from '@mpp/api/app-env'
import { streamedMailer } from '@mpp/api/mail/mailer'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import {
  type ApiGatewayRequestContextV2,
  getConnInfo,
  handle,
  type LambdaContext,
  type LambdaEvent,
} from 'hono/aws-lambda'
import { onlyFromEdge } from './edge-request'
import { required } from './env'
import { lazyFileStore, lazyTenantCredentials } from './lazy-sdks'
import { loadSessionSecrets } from './session-secret'
import { unavailableResponse } from './unavailable-response'

/**
 * An HTTP API function: the Hono app made by `createApp` (the whole app, or an audience's route groups), with
 * Lambda's context on every log line; in AWS it answers only what came through CloudFront, as the viewer sent
 * it. While its secrets cannot be read, every request gets a 503 with Retry-After.
 */
export const httpHandler = (createApp: (deps: AppDeps) => App, serviceName: string) => {
  const logger = new Logger({ serviceName })

  const tenantRoleArn = process.env.TENANT_ROLE_ARN
  const tenantCredentials = tenantRoleArn ? lazyTenantCredentials(tenantRoleArn) : undefined
  const db = createDb({
    tableName: required('TABLE_NAME'),
    endpoint: process.env.DYNAMODB_ENDPOINT,
    // A request on a tenant's host signs its table requests (and its files') as that tenant's role (README, Tenancy).
    ...(tenantCredentials && { tenantCredentials }),
  })
  const now = systemClock
  const filesBucket = required('FILES_BUCKET')
  const region = required('AWS_REGION')
  const rootDomain = required('ROOT_DOMAIN')

  type HttpApiEvent = Extract<LambdaEvent, { requestContext: ApiGatewayRequestContextV2 }>
  type Serve = (event: HttpApiEvent, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>

  /** The app, once its secrets are read: on the first request, never at import, so no cold start can hang. */
  const build = async (): Promise<Serve> => {
    // In AWS the API is reached through CloudFront and its web ACL; without the secret (local runs, tests, the
    // bench) requests are taken as they come.
    const originSecretArn = process.env.ORIGIN_SECRET_ARN
    const [sessionSecrets, originSecret] = await Promise.all([
      loadSessionSecrets(),
      originSecretArn
        ? import('./secret-string').then((m) => m.readSecretString(originSecretArn))
        : undefined,
    ])
    const app = createApp({
      db,
      config: {
        rootDomain,
        sessionSecret: sessionSecrets.current,
        previousSessionSecret: sessionSecrets.previous,
        assetBaseUrl: process.env.ASSET_BASE_URL ?? '',
        assetVersion: process.env.ASSET_VERSION ?? 'dev',
        // The WebSocket API's wss:// URL; without it pages point sockets at the same host's /live.
        liveSocketUrl: process.env.LIVE_SOCKET_URL || undefined,
        // Presigned POSTs go to the bucket's regional address; the global one is allowed for older SDK defaults.
        uploadOrigins: [
          `https://${filesBucket}.s3.${region}.amazonaws.com`,
          `https://${filesBucket}.s3.amazonaws.com`,
        ],
      },
      logger,
      now,
      clientIp: (c) => getConnInfo(c).remote.address,
      // Mail is written to the outbox with the change it tells about; the table's stream starts the mail-sender.
      mailer: streamedMailer,
      files: lazyFileStore(() =>
        import('./s3-file-store').then((m) => m.s3FileStore(filesBucket, now, tenantCredentials)),
      ),
    })
    const serve = handle(app) as Serve
    return originSecret ? onlyFromEdge(originSecret, serve) : serve
  }

  let built: Promise<Serve> | undefined
  /** Built once per instance; a failed build (a secret that could not be read) is tried again by the next request. */
  const app = () => {
    built ??= build().catch((error) => {
      built = undefined
      throw error
    })
    return built
  }

  return middy(async (event: HttpApiEvent, context: LambdaContext) => {
    let serve: Serve
    try {
      serve = await app()
    } catch (error) {
      logger.error('secrets unavailable', { error })
      return unavailableResponse(event.rawPath)
    }
    return serve(event, context)
  }).use(injectLambdaContext(logger, { resetKeys: true }))
}

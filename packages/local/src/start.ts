import { join, resolve } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import type { LogLevel } from '@aws-lambda-powertools/logger/types'
import { type ServerType, serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from '@mpp/api/app'
import type { AppDeps } from '@mpp/api/app-env'
import { closeQuietComplaints } from '@mpp/api/complaints/complaints'
import { createFanout } from '@mpp/api/live/fanout'
import { inProcessMailer } from '@mpp/api/mail/mailer'
import { printingTransport } from '@mpp/api/mail/printing-transport'
import { closeDueDays } from '@mpp/api/queue/day-close'
import { systemClock } from '@mpp/core/clock'
import { createDb } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { defaultTableName } from '@mpp/db/table-definition'
import { buildWebAssets } from '@mpp/web/build-assets'
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local'
import { createLocalFileStore } from './local-file-store'
import { createLocalLiveSockets, type LocalLiveSockets } from './local-live-socket'
import { localFetch } from './local-server'
import { type LocalStream, startLocalStream } from './local-stream'
import { defaultDemoPassword, demoAccounts, seedDemo } from './seed/seed-demo'
import { planHistory } from './seed/seed-history'
import { localSessionSecret } from './session-secret'

const port = Number(process.env.PORT ?? 3000)
const dataDir = resolve(process.env.DATA_DIR ?? '.data')
const tableName = process.env.TABLE_NAME ?? defaultTableName
const password = process.env.MPP_DEMO_PASSWORD ?? defaultDemoPassword
const rootDomain = 'localhost'
/** Ninety days of demo history, unless `MPP_DEMO_HISTORY=off` (the shared browser-test server, whose counts must hold still). */
const demoHistory = process.env.MPP_DEMO_HISTORY !== 'off'

let dynamo: RunningDynamoDb | undefined
let server: ServerType | undefined
let dayCloser: NodeJS.Timeout | undefined
let live: LocalLiveSockets | undefined
let stream: LocalStream | undefined
let stopping = false

const stop = async (code: number) => {
  stopping = true
  clearInterval(dayCloser)
  // The stream reader and the sockets first: both need DynamoDB Local, which goes last.
  await stream?.stop()
  await live?.stop()
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
  await dynamo?.stop()
  process.exit(code)
}

const main = async () => {
  let endpoint = process.env.DYNAMODB_ENDPOINT
  if (!endpoint) {
    dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') })
    endpoint = dynamo.endpoint
  }
  const db = createDb({ tableName, endpoint, region: process.env.AWS_REGION ?? 'local' })
  await createTableIfMissing(db.client, tableName)
  const seeded = await seedDemo(db, password)
  const assets = await buildWebAssets()

  const logger = new Logger({
    serviceName: 'mpp-cloud',
    logLevel: (process.env.LOG_LEVEL ?? 'WARN') as LogLevel,
  })
  const sessionSecret = await localSessionSecret(join(dataDir, 'session-secret'))
  const files = createLocalFileStore(join(dataDir, 'files'), sessionSecret, systemClock)
  const deps: AppDeps = {
    db,
    config: {
      rootDomain,
      sessionSecret,
      assetBaseUrl: '',
      assetVersion: assets.version,
    },
    logger,
    now: systemClock,
    clientIp: (c) => getConnInfo(c).remote.address,
    // The mail-sender's delivery, run here after each write; the console stands in for the mail server.
    mailer: inProcessMailer({
      db,
      now: systemClock,
      transport: printingTransport((text) => console.log(text)),
      failed: (mail) => console.log(`\nMail to ${mail.to} failed: ${mail.reason}\n`),
      logger,
    }),
    files: files.store,
  }
  const history = demoHistory ? await planHistory(deps) : undefined
  const app = createApp(deps)

  // The same job EventBridge runs every 15 minutes in AWS, here on a one-minute timer.
  const closeDays = () =>
    closeDueDays({ db, now: systemClock, logger })
      .then(
        (closed) =>
          closed.length > 0 &&
          console.log(`Closed business days: ${closed.map((c) => `${c.tenantId} ${c.day}`).join(', ')}`),
      )
      .catch((error: unknown) => logger.error('closing days failed', { error }))
      .then(() => closeQuietComplaints({ db, now: systemClock, logger }))
      .then(
        (closed) =>
          closed.length > 0 &&
          console.log(`Closed quiet complaints: ${closed.map((c) => `${c.tenantId} ${c.code}`).join(', ')}`),
      )
      .catch((error: unknown) => logger.error('closing quiet complaints failed', { error }))
  const startClosingDays = () => {
    if (stopping) return
    dayCloser = setInterval(closeDays, 60_000)
    void closeDays()
  }

  // Live updates as in AWS: the WebSocket API's socket on /live, and the stream's fan-out to it.
  live = createLocalLiveSockets({ db, config: deps.config, now: systemClock, logger })
  stream = await startLocalStream({
    db,
    endpoint,
    region: process.env.AWS_REGION ?? 'local',
    handle: createFanout({ db, now: systemClock, sender: live.sender }).handle,
    logger,
  })

  const fetch = localFetch(app, assets.outDir, files.receiver, live.routes)
  server = serve({ fetch, port, websocket: live.websocket }, () => {
    const origin = (host: string) => `http://${host}:${port}`
    console.log(
      [
        '',
        'MPP Cloud is running.',
        `  DynamoDB:  ${endpoint} (table ${tableName}${dynamo ? `, data in ${dataDir}` : ''})`,
        `  Demo seed: ${seeded.created.length ? `created ${seeded.created.join(', ')}` : 'already present'}`,
        `  History:   ${history ? (history.seeded.length ? `writing the last 90 days of ${history.seeded.join(', ')} in the background` : 'already present') : 'off (MPP_DEMO_HISTORY=off)'}`,
        '',
        `  Platform and ministry:  ${origin(rootDomain)}`,
        ...demoAccounts
          .filter((a) => a.role === 'admin')
          .map((a) => `  ${a.tenant?.slug.padEnd(22)}  ${origin(`${a.tenant?.slug}.${rootDomain}`)}`),
        '',
        `  Demo accounts (password: ${password}):`,
        ...demoAccounts.map(
          (a) =>
            `    ${a.email.padEnd(28)} ${a.role.padEnd(9)} on ${origin(a.tenant ? `${a.tenant.slug}.${rootDomain}` : rootDomain)}`,
        ),
        '',
        'Press Ctrl-C to stop.',
      ].join('\n'),
    )
    if (!history?.seeded.length) return startClosingDays()
    // The history is written while the app already serves, newest days first, so a start stays quick. The
    // day-closing job waits for it: the history closes its own days, each at its own time.
    const started = systemClock().getTime()
    history
      .write()
      .then((written) =>
        console.log(
          `\nDemo history written in ${Math.round((systemClock().getTime() - started) / 1000)} s: ${written.tickets} tickets, ${written.surveys} survey responses, ${written.complaints} complaints.`,
        ),
      )
      // Stopping mid-way leaves the days written so far (see README); only an error while running is news.
      .catch((error: unknown) => stopping || logger.error('writing the demo history failed', { error }))
      .finally(startClosingDays)
  })
}

process.once('SIGINT', () => void stop(0))
process.once('SIGTERM', () => void stop(0))

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  await stop(1)
})

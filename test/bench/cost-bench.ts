import type { LiveStreamRecord } from '@mpp/api/live/fanout'
import { createDb, type Db } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { openStreamReader } from '@mpp/local/local-stream'
import { seedDemo } from '@mpp/local/seed/seed-demo'
import { accessLogFormat } from '../../infra/constructs/http-api'
import { socketAccessLogFormat } from '../../infra/constructs/live-socket-api'
import { accessLogLineBytes, priceMonth } from './cost-model'
import { pollingClients, pushClients } from './day-clients'
import { runMppDay } from './mpp-day'
import { pricesApSoutheast3 } from './prices-ap-southeast-3'

const password = 'bench-password'
/** One poll in ten is run and counted ten times: the day's 250,000 polls would take the bench minutes. */
const pollSample = 10

/** A table of its own for each design's day, seeded as `npm start` seeds it. */
const freshTable = async (endpoint: string, tableName: string): Promise<Db> => {
  const db = createDb({ tableName, endpoint, region: 'local' })
  await createTableIfMissing(db.client, tableName)
  await seedDemo(db, password)
  return db
}

/**
 * Issue 9's cost model, measured: one MPP-day run through the app with today's polling clients and with the
 * push clients, every request, message and connection-minute counted and priced as an MPP-month.
 */
export const benchCost = async (
  endpoint: string,
  { designs = ['polling', 'push'] }: { designs?: ('polling' | 'push')[] } = {},
) => {
  const accessLog = {
    http: accessLogLineBytes(accessLogFormat.toString()),
    webSocket: accessLogLineBytes(socketAccessLogFormat.toString()),
  }
  const runs = []
  if (designs.includes('polling')) {
    const polling = await runMppDay(
      await freshTable(endpoint, 'bench-day-polling'),
      password,
      pollingClients(pollSample),
    )
    runs.push({
      design: 'polling (before issue 9)',
      rows: polling.rows,
      webSocket: polling.webSocket,
      ...priceMonth(polling, pricesApSoutheast3, accessLog),
    })
  }
  if (designs.includes('push')) {
    const pushDb = await freshTable(endpoint, 'bench-day-push')
    const news: LiveStreamRecord[] = []
    const stream = await openStreamReader({
      db: pushDb,
      endpoint,
      handle: async (records) => void news.push(...records),
    })
    const drain = async () => {
      await stream.drain()
      return news.splice(0)
    }
    const push = await runMppDay(pushDb, password, pushClients(pushDb, drain, pollSample))
    stream.close()
    runs.push({
      design: 'push (issue 9)',
      rows: push.rows,
      webSocket: push.webSocket,
      ...priceMonth(push, pricesApSoutheast3, accessLog),
    })
  }
  return {
    prices: { region: pricesApSoutheast3.region, date: pricesApSoutheast3.date },
    designs: runs,
  }
}

import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { createDb } from '@mpp/db/client'
import { createTableIfMissing } from '@mpp/db/create-table'
import { tenantPk } from '@mpp/db/keys'
import { startDynamoDbLocal } from '@mpp/local/dynamodb-local'
import { seedDemo } from '@mpp/local/seed/seed-demo'
import { startStsStandIn } from '../support/sts-stand-in'
import { benchApp, benchSecret } from './bench-app'
import { benchColdStart, printColdStart } from './cold-bench'
import { type ColdStart, measureColdStart } from './cold-start'
import { benchCost } from './cost-bench'
import { printCost } from './cost-print'
import { benchNational } from './national-bench'
import { benchPushLatency, printPushLatency } from './push-latency'
import { benchQueue } from './queue-bench'
import { countRoundTrips } from './round-trips'
import { median, percentile, round, timeMs } from './stats'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const root = new URL('../..', import.meta.url).pathname
const outDir = join(root, 'dist', 'bench')
const coldRuns = 9
/**
 * `npm run bench -- cold` (or BENCH_ONLY=cold): only the bundles and cold starts, a minute instead of twenty;
 * `-- live`: only the MPP-day's cost of the push clients and the push latency (issue 9), about five minutes.
 */
const only = process.argv[2] ?? process.env.BENCH_ONLY
if (only !== undefined && only !== 'cold' && only !== 'live')
  throw new Error(`unknown bench part ${only}; known: cold, live`)

const header = () => ({
  measuredAt: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length },
})
const writeResults = async (name: string, results: object) => {
  await mkdir(outDir, { recursive: true })
  const file = join(outDir, name)
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nwritten to ${file}`)
}
const overheadRuns = 400
const tenantId = '16.73'
const host = 'lubuklinggau.localhost'

const dynamo = await startDynamoDbLocal()
try {
  const tableName = 'bench'
  const db = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' })
  await createTableIfMissing(db.client, tableName)
  await seedDemo(db, 'bench-password')

  const env = {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'local',
    FILES_BUCKET: 'bench-files',
    ROOT_DOMAIN: 'localhost',
    SESSION_SECRET: benchSecret,
    POWERTOOLS_LOG_LEVEL: 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  if (only === 'live') {
    const cost = await benchCost(dynamo.endpoint, { designs: ['push'] })
    const pushLatency = await benchPushLatency(dynamo.endpoint)
    printCost(cost)
    printPushLatency(pushLatency)
    await writeResults('live.json', { ...header(), cost, pushLatency })
  } else {
    // 1. Each HTTP function's bundle and cold start against the SDK-only floor, in the same run.
    const cold = await benchColdStart({ db, password: 'bench-password', root, outDir, env, runs: coldRuns })
    if (only === 'cold') {
      printColdStart(cold)
      await writeResults('cold.json', { ...header(), coldStart: { ...cold, outfiles: undefined } })
    } else {
      const citizenBundle = cold.outfiles[cold.requests[0]?.function ?? ''] as string

      // 2. What the tenant role costs (README, Tenancy): the same fresh instances answering a citizen's reads of
      // two tenants, with and without assuming the tenant role per tenant. STS is a local stand-in, so this is the
      // SDK's own cost (code, signing, a client per tenant) plus one local round trip; in AWS add STS's latency.
      const sts = await startStsStandIn()
      const tenantReads: [string, string][] = [
        [host, '/api/services'],
        [host, '/api/services'],
        ['palembang.localhost', '/api/services'],
      ]
      const withRole = {
        ...env,
        TENANT_ROLE_ARN: 'arn:aws:iam::111111111111:role/bench-tenant-role',
        AWS_ENDPOINT_URL_STS: sts.endpoint,
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
      }
      const roleRuns: { without: ColdStart; with: ColdStart }[] = []
      for (let i = 0; i < coldRuns; i++)
        roleRuns.push({
          without: await measureColdStart(citizenBundle, env, host, tenantReads),
          with: await measureColdStart(citizenBundle, withRole, host, tenantReads),
        })
      await sts.close()
      const requestP50 = (variant: 'without' | 'with', index: number) =>
        round(median(roleRuns.map((r) => r[variant].requests[index] ?? 0)))
      const tenantRole = {
        runs: coldRuns,
        stsCalls: sts.calls.length,
        steps: ['first request, tenant A', 'second request, tenant A', 'first request, tenant B'].map(
          (step, i) => ({
            step,
            withoutRoleMsP50: requestP50('without', i),
            withRoleMsP50: requestP50('with', i),
            addedMsP50: round(requestP50('with', i) - requestP50('without', i)),
          }),
        ),
      }

      // 3. Request overhead: the app's latency over the DynamoDB calls it makes, interleaved in one run.
      const trips = countRoundTrips(db)
      const app = await benchApp(db)
      const catalogQuery = (prefix: string) =>
        db.doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': prefix },
          }),
        )
      const cases = [
        {
          name: 'listServices (GET /api/services)',
          path: '/api/services',
          raw: () => catalogQuery('CAT#S#'),
        },
        { name: 'tenant home page (GET /)', path: '/', raw: () => catalogQuery('CAT#') },
      ]
      const overhead = []
      for (const c of cases) {
        const call = async () => {
          const res = await app.request(`http://${host}${c.path}`)
          if (res.status !== 200) throw new Error(`${c.path}: ${res.status}`)
          await res.arrayBuffer()
        }
        for (let i = 0; i < 50; i++) await Promise.all([call(), c.raw()]) // warm both paths and the tenant cache
        trips.reset()
        await call()
        const appTrips = trips.count
        trips.reset()
        await c.raw()
        const rawTrips = trips.count
        const appMs: number[] = []
        const rawMs: number[] = []
        for (let i = 0; i < overheadRuns; i++) {
          appMs.push(await timeMs(call))
          rawMs.push(await timeMs(c.raw))
        }
        overhead.push({
          operation: c.name,
          roundTrips: { app: appTrips, raw: rawTrips },
          appMs: { p50: round(median(appMs)), p99: round(percentile(appMs, 99)) },
          rawMs: { p50: round(median(rawMs)), p99: round(percentile(rawMs, 99)) },
          ratioP50: round(median(appMs) / median(rawMs)),
        })
      }

      const queue = await benchQueue(db, 'bench-password')
      const nationalDashboard = await benchNational(db, 'bench-password')
      const cost = await benchCost(dynamo.endpoint)
      const pushLatency = await benchPushLatency(dynamo.endpoint)

      const results = {
        ...header(),
        coldStart: { ...cold, outfiles: undefined },
        tenantRole,
        overhead,
        queue,
        nationalDashboard,
        cost,
        pushLatency,
      }

      console.log(
        '\nMPP Cloud bench (DynamoDB Local on this machine; AWS latencies differ, ratios carry over)\n',
      )
      printColdStart(cold)
      console.log(
        `The tenant role: a fresh instance's reads of two tenants, with and without assuming it per tenant (median of ${coldRuns}, ms):`,
      )
      console.table(
        tenantRole.steps.map((s) => ({
          step: s.step,
          'without role': s.withoutRoleMsP50,
          'with role': s.withRoleMsP50,
          added: s.addedMsP50,
        })),
      )
      console.table(
        overhead.map((o) => ({
          operation: o.operation,
          'round trips app/raw': `${o.roundTrips.app}/${o.roundTrips.raw}`,
          'app p50 ms': o.appMs.p50,
          'app p99 ms': o.appMs.p99,
          'raw p50 ms': o.rawMs.p50,
          'raw p99 ms': o.rawMs.p99,
          'app/raw p50': o.ratioP50,
        })),
      )
      console.log('\nQueue under load through the local HTTP server (p50/p99 in ms):')
      console.table(
        Object.entries(queue.load).map(([operation, l]) => ({
          operation,
          requests: l.requests,
          concurrency: l.concurrency,
          'p50 ms': l.p50,
          'p99 ms': l.p99,
          'per s': 'perSecond' in l ? l.perSecond : '',
        })),
      )
      const vs = queue.takeTicketVsRaw
      console.log(
        `takeTicket over HTTP: ${vs.takeTicketPerSecond}/s; its transaction (${vs.items} writes) sent raw on fresh keys at the same concurrency: ${vs.rawPerSecond}/s; ratio ${vs.ratio}`,
      )
      console.log(
        "One ticket's life: DynamoDB round trips, capacity units DynamoDB Local reports, and write units as AWS bills them (items written: bytes):",
      )
      console.table(
        queue.life.map((s) => ({
          step: s.name,
          'round trips': s.roundTrips,
          RCU: s.read,
          WCU: s.write,
          'WCU billed': s.billedWrite,
          items: s.items,
        })),
      )
      console.log(`WCU billed for the whole life: ${queue.life.reduce((sum, s) => sum + s.billedWrite, 0)}`)
      console.log(
        `The ministry's dashboard, ${nationalDashboard.days} days of roll-ups per tenant (${nationalDashboard.months.join(', ')}), median and p90 of ${nationalDashboard.runs} (ms):`,
      )
      console.table(
        nationalDashboard.steps.map((s) => ({
          tenants: s.tenants,
          'items in table': s.items,
          'page p50': s.pageMs.p50,
          'page p90': s.pageMs.p90,
          'JSON p50': s.apiMs.p50,
          'JSON p90': s.apiMs.p90,
          'page KiB': s.pageKiB,
        })),
      )
      printCost(cost)
      printPushLatency(pushLatency)
      await writeResults('results.json', results)
    }
  }
} finally {
  await dynamo.stop()
}

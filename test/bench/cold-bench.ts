import { join } from 'node:path'
import { audienceFunctions, functionForPath } from '@mpp/api/audiences/gateway-routes'
import { systemClock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { lambdaNodeOptions } from '../../infra/lambda-bundling'
import { httpApiEvent } from '../support/api-gateway-event'
import { benchApp } from './bench-app'
import { type ColdStart, measureColdEvents } from './cold-start'
import { bundleFunction } from './lambda-bundle'
import { median, round } from './stats'

/** Each HTTP function the stack deploys (infra/constructs/http-api.ts), with its entry under functions/. */
export const httpFunctions = [
  { name: 'http', entry: 'http.ts' },
  ...Object.keys(audienceFunctions).map((name) => ({ name, entry: `by-audience/${name}.ts` })),
]

type Audience = 'citizen' | 'officer' | 'ministry'

interface FirstRequest {
  audience: Audience
  request: string
  /** The event of the n-th run (a citizen's ticket comes from an address of its own, as the limits count them). */
  event: (run: number) => APIGatewayProxyEventV2
}

const tenantHost = 'lubuklinggau.localhost'
const platformHost = 'localhost'

/**
 * Logs in through the app on the real clock (the bundles run on it) over HTTPS, as API Gateway's events say,
 * and returns the session cookie.
 */
const sessionCookie = async (db: Db, host: string, email: string, password: string) => {
  const app = await benchApp(db, systemClock)
  const res = await app.request(`https://${host}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `https://${host}` },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`)
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string
}

/** The request each audience makes first on a cold instance (issue 12). */
const firstRequests = async (db: Db, password: string): Promise<FirstRequest[]> => {
  const app = await benchApp(db, systemClock)
  const { services } = (await (await app.request(`http://${tenantHost}/api/services`)).json()) as {
    services: { id: string }[]
  }
  const serviceId = services[0]?.id
  if (!serviceId) throw new Error('no service to take a ticket for')
  const officer = await sessionCookie(db, tenantHost, 'petugas@lubuklinggau.test', password)
  const ministry = await sessionCookie(db, platformHost, 'kementerian@panrb.test', password)
  const counters = await app.request(`https://${tenantHost}/api/counters`, { headers: { cookie: officer } })
  const counterId = ((await counters.json()) as { counters: { id: string }[] }).counters[0]?.id
  if (!counterId) throw new Error('no counter for the console')
  return [
    {
      audience: 'citizen',
      request: "tenant's home page (GET /)",
      event: () => httpApiEvent({ method: 'GET', host: tenantHost, path: '/' }),
    },
    {
      audience: 'citizen',
      request: 'takeTicket (POST /api/tickets)',
      event: (run) => {
        const event = httpApiEvent({
          method: 'POST',
          host: tenantHost,
          path: '/api/tickets',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId }),
        })
        event.requestContext.http.sourceIp = `198.51.100.${100 + run}`
        return event
      },
    },
    {
      audience: 'officer',
      request: 'counter console (GET /staf/loket/{counter})',
      event: () =>
        httpApiEvent({
          method: 'GET',
          host: tenantHost,
          path: `/staf/loket/${counterId}`,
          cookies: [officer],
        }),
    },
    {
      audience: 'ministry',
      request: 'national dashboard (GET /kementerian/statistik)',
      event: () =>
        httpApiEvent({
          method: 'GET',
          host: platformHost,
          path: '/kementerian/statistik',
          cookies: [ministry],
        }),
    },
  ]
}

const coldMs = (c: ColdStart) => c.init + c.firstRequest

/**
 * Cold start against the floor (issue 12): every HTTP function and an SDK-only function that reads one item,
 * bundled as the stack bundles them, each answering its audience's first request in fresh Node processes,
 * run after run in turn with the baseline so both see the same machine. `cold` is import + first request.
 */
export const benchColdStart = async (opts: {
  db: Db
  password: string
  root: string
  outDir: string
  env: Record<string, string>
  runs: number
}) => {
  const { root, outDir, runs } = opts
  const env = { ...opts.env, NODE_OPTIONS: lambdaNodeOptions }
  const baseline = await bundleFunction(
    join(root, 'test', 'bench', 'sdk-baseline.ts'),
    join(outDir, 'baseline'),
  )
  const bundles = new Map<string, Awaited<ReturnType<typeof bundleFunction>>>()
  for (const f of httpFunctions)
    bundles.set(f.name, await bundleFunction(join(root, 'functions', f.entry), join(outDir, f.name)))
  // The function API Gateway sends the request to.
  const functionOf = (r: FirstRequest) => functionForPath(r.event(0).rawPath)
  const bundleOf = (r: FirstRequest) => {
    const bundle = bundles.get(functionOf(r))
    if (!bundle) throw new Error(`no function for ${r.request}`)
    return bundle
  }

  const requests = await firstRequests(opts.db, opts.password)
  const baselineRuns: ColdStart[] = []
  const requestRuns = requests.map(() => [] as ColdStart[])
  for (let run = 0; run < runs; run++) {
    baselineRuns.push(await measureColdEvents(baseline.outfile, env, [{}]))
    for (const [i, r] of requests.entries())
      requestRuns[i]?.push(
        await measureColdEvents(bundleOf(r).outfile, env, [r.event(run)]).catch((error) => {
          throw new Error(`${r.request}: ${error.stderr ?? error}`)
        }),
      )
  }
  const summary = (c: ColdStart[]) => ({
    initMsP50: round(median(c.map((x) => x.init))),
    firstRequestMsP50: round(median(c.map((x) => x.firstRequest))),
    coldMsP50: round(median(c.map(coldMs))),
  })
  const floor = summary(baselineRuns)
  const size = ({ outfile: _, initInputs: __, ...sizes }: Awaited<ReturnType<typeof bundleFunction>>) => sizes
  return {
    runs,
    nodeOptions: lambdaNodeOptions,
    bundles: [
      ...[...bundles].map(([name, b]) => ({ function: name, ...size(b) })),
      { function: 'sdk-baseline', ...size(baseline) },
    ],
    /** The bundle each function runs, for the benches that start it. */
    outfiles: Object.fromEntries([...bundles].map(([name, b]) => [name, b.outfile])),
    baseline: floor,
    requests: requests.map((r, i) => {
      const s = summary(requestRuns[i] ?? [])
      return {
        function: functionOf(r),
        audience: r.audience,
        request: r.request,
        ...s,
        ratio: round(s.coldMsP50 / floor.coldMsP50),
      }
    }),
  }
}

export type ColdBench = Awaited<ReturnType<typeof benchColdStart>>

const kib = (n: number) => `${round(n / 1024, 1)} KiB`

export const printColdStart = (cold: ColdBench) => {
  console.table(
    cold.bundles.map((b) => ({
      function: b.function,
      'loaded at init': kib(b.initBytes),
      'gzip at init': kib(b.initGzipBytes),
      'all chunks': `${kib(b.totalBytes)} in ${b.chunks}`,
      'source maps': kib(b.mapBytes),
    })),
  )
  console.log(
    `Cold start: import + first request in fresh processes (NODE_OPTIONS=${cold.nodeOptions}), median of ${cold.runs}, interleaved with the SDK-only baseline (${cold.baseline.initMsP50} + ${cold.baseline.firstRequestMsP50} = ${cold.baseline.coldMsP50} ms):`,
  )
  console.table(
    cold.requests.map((r) => ({
      function: r.function,
      audience: r.audience,
      'first request': r.request,
      'init ms': r.initMsP50,
      'request ms': r.firstRequestMsP50,
      'cold ms': r.coldMsP50,
      'x baseline': r.ratio,
    })),
  )
}

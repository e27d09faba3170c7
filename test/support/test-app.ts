import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { createApp } from '@mpp/api/app'
import type { AppDeps } from '@mpp/api/app-env'
import { type InProcessMailer, inProcessMailer } from '@mpp/api/mail/mailer'
import type { Db } from '@mpp/db/client'
import { createLocalFileStore } from '@mpp/local/local-file-store'
import { seedDemo } from '@mpp/local/seed/seed-demo'
import { createClock } from './clock'
import { type RecordingTransport, recordingTransport } from './mail-transport'
import { createTestDb } from './test-db'

export const testPassword = 'test-password-123'

let clients = 0
/** A fresh client address per request: `10.a.b.c`. */
const nextClient = () => {
  clients += 1
  return [clients >> 16, (clients >> 8) & 255, clients & 255].join('.')
}
export const testSecret = 'test-session-secret-that-is-long-enough'

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: Db
  deps: AppDeps
  /** The local file store's upload and download endpoints (what S3 answers in AWS). */
  fileReceiver: ReturnType<typeof createLocalFileStore>['receiver']
  /** Where the app's mail goes: `mail.idle()` waits for deliveries, `mail.transport` is the mail server. */
  mail: InProcessMailer & { transport: RecordingTransport }
  /** Sends a request to a host of the app (`lubuklinggau.localhost`, `localhost`, …). */
  request: (host: string, path: string, init?: RequestInit) => Promise<Response>
}

/** The real app on a fresh table seeded with the four demo tenants; only the clock and log level differ. */
export const createTestApp = async (overrides: Partial<AppDeps> = {}): Promise<TestApp> => {
  const db = overrides.db ?? (await createTestDb())
  if (!overrides.db) await seedDemo(db, testPassword)
  const now = overrides.now ?? createClock().now
  const files = createLocalFileStore(await mkdtemp(join(tmpdir(), 'mpp-files-')), testSecret, now)
  const transport = recordingTransport()
  const mailer = inProcessMailer({ db, now, transport })
  const deps: AppDeps = {
    db,
    mailer,
    config: { rootDomain: 'localhost', sessionSecret: testSecret, assetBaseUrl: '', assetVersion: 'test' },
    logger: new Logger({
      serviceName: 'mpp-test',
      logLevel: (process.env.TEST_LOG_LEVEL ?? 'SILENT') as 'SILENT',
    }),
    now,
    // Each request from a client of its own, as from many citizens, unless a test names one (`x-test-client`).
    clientIp: (c) => c.req.header('x-test-client') ?? `10.${nextClient()}`,
    files: files.store,
    ...overrides,
  }
  const app = createApp(deps)
  return {
    app,
    db,
    deps,
    fileReceiver: files.receiver,
    mail: Object.assign(mailer, { transport }),
    request: (host, path, init) => Promise.resolve(app.request(`http://${host}${path}`, init)),
  }
}

/** Logs in through the API and returns the Cookie header value to send as that account. */
export const loginCookie = async (t: TestApp, host: string, email: string, password = testPassword) => {
  const res = await t.request(host, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} on ${host}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_session='))
  if (!cookie) throw new Error('no session cookie')
  return cookie.split(';')[0] as string
}

/** The demo tenants the tests use. */
export const tenants = {
  lubuklinggau: { id: '16.73', host: 'lubuklinggau.localhost' },
  palembang: { id: '16.71', host: 'palembang.localhost' },
  samarinda: { id: '64.72', host: 'samarinda.localhost' },
  pekanbaru: { id: '14.71', host: 'pekanbaru.localhost' },
} as const
export const platformHost = 'localhost'

/**
 * A staff member's cookie that stays signed in as the test's clock moves on: a session lasts 12 hours of the
 * app's clock, so past 11 hours since the last login the next call signs in again, as an officer does each
 * morning.
 */
export const signedIn = (t: TestApp, host: string, email: string) => {
  let cookie: string | undefined
  let at = 0
  return async () => {
    const now = t.deps.now().getTime()
    if (!cookie || now - at >= 11 * 3600_000) {
      cookie = await loginCookie(t, host, email)
      at = now
    }
    return cookie
  }
}

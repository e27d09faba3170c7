import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { createApp } from '@mpp/api/app'
import { inProcessMailer } from '@mpp/api/mail/mailer'
import { printingTransport } from '@mpp/api/mail/printing-transport'
import type { Clock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import { createLocalFileStore } from '@mpp/local/local-file-store'

export const benchSecret = 'bench-secret-bench-secret-bench-secret'
/** The app's config in the bench, also what the live socket checks its tokens against. */
export const benchConfig = {
  rootDomain: 'localhost',
  sessionSecret: benchSecret,
  assetBaseUrl: '',
  assetVersion: 'bench',
}

/**
 * The bench's clock: it starts on an ordinary working morning (Tuesday 24 November 2026, 10:00 in Jakarta)
 * whatever the machine's date and runs at the machine's pace, so caches expire and waits last as they would.
 */
export const benchClock = (start = '2026-11-24T03:00:00Z'): Clock => {
  const startMs = Date.parse(start)
  const startedAt = performance.now()
  return () => new Date(startMs + (performance.now() - startedAt))
}

/** The app as `npm start` builds it, silent, on the bench's table, on a clock of the bench's. */
export const benchApp = async (db: Db, now: Clock = benchClock()) =>
  createApp({
    db,
    config: benchConfig,
    logger: new Logger({ serviceName: 'bench', logLevel: 'SILENT' }),
    now,
    // The load's citizens each come from an address of their own (`x-bench-client`), as real ones do.
    clientIp: (c) => c.req.header('x-bench-client') ?? '127.0.0.1',
    mailer: inProcessMailer({ db, now, transport: printingTransport(() => {}) }),
    files: createLocalFileStore(await mkdtemp(join(tmpdir(), 'mpp-bench-files-')), benchSecret, now).store,
  })

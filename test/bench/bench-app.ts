import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { createApp } from '@mpp/api/app'
import { outboxMailer } from '@mpp/api/mail/mailer'
import type { Db } from '@mpp/db/client'
import { createLocalFileStore } from '@mpp/local/local-file-store'

export const benchSecret = 'bench-secret-bench-secret-bench-secret'

/** The app as `npm start` builds it, silent, on the bench's table; `now` fixed where the data needs a date. */
export const benchApp = async (db: Db, now: () => Date = () => new Date()) =>
  createApp({
    db,
    config: { rootDomain: 'localhost', sessionSecret: benchSecret, assetBaseUrl: '', assetVersion: 'bench' },
    logger: new Logger({ serviceName: 'bench', logLevel: 'SILENT' }),
    now,
    clientIp: () => '127.0.0.1',
    mailer: outboxMailer(db, now),
    files: createLocalFileStore(await mkdtemp(join(tmpdir(), 'mpp-bench-files-')), benchSecret, now).store,
  })

import { Logger } from '@aws-lambda-powertools/logger'
import { MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2'
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { marshall } from '@aws-sdk/util-dynamodb'
import { deliverMail, maxMailAttempts, sendingLeaseMs } from '@mpp/api/mail/delivery'
import { streamedMailer } from '@mpp/api/mail/mailer'
import { createDb, type Db } from '@mpp/db/client'
import { getMail, listMail, type MailKey, type MailMessage, mailPut } from '@mpp/db/mail-repository'
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mailStreamHandler } from '../../functions/mail-stream'
import { createClock } from '../support/clock'
import { recordingTransport } from '../support/mail-transport'
import { json } from '../support/queue-helpers'
import { createTestApp, platformHost, signedIn, type TestApp, tenants } from '../support/test-app'
import { createTestDb } from '../support/test-db'

const clock = createClock('2026-11-23T03:00:00Z')
const silent = new Logger({ serviceName: 'mail-test', logLevel: 'SILENT' })

/** What SES answers in its sandbox for a recipient that is not verified. */
const sandboxRefusal = () =>
  new MessageRejected({
    message:
      'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-3: x@y',
    $metadata: { httpStatusCode: 400 },
  })
const throttled = () =>
  new TooManyRequestsException({
    message: 'Maximum sending rate exceeded.',
    $metadata: { httpStatusCode: 429 },
  })

const application = (regencyCode: string, subdomain: string) => ({
  regencyCode,
  subdomain,
  applicant: {
    name: 'Dra. Siti Rahmawati',
    position: 'Kepala DPMPTSP',
    email: `dpmptsp@${subdomain}.go.id`,
    phone: '0751-123456',
  },
  plannedAgencies: 'Disdukcapil\nDPMPTSP',
  plannedServices: 'KTP-el, Kartu Keluarga, NIB',
  urgencyStudy:
    'Pelayanan tersebar di 14 kantor yang berjauhan; warga menempuh rata-rata 3 kunjungan untuk satu perizinan.',
  commitment: true,
})

/** The outbox's mail to `to`, newest first, with its delivery state. */
const mailTo = async (db: Db, to: string) => (await listMail(db)).filter((m) => m.to === to)

/** A pending mail written as the app writes it, and nothing started: deliveries are made by hand. */
const pendingMail = async (db: Db, to: string): Promise<MailKey> => {
  const { key, write } = mailPut(
    db,
    { kind: 'platform' },
    { to, subject: 'Uji', text: 'Isi surat' },
    clock.now(),
  )
  await db.doc.send(new TransactWriteCommand({ TransactItems: [write] }))
  return key
}

describe('mail written to the outbox and sent after', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ now: clock.now })
  })

  it('answers an application with 201 while SES refuses; the mail stays in the outbox as failed, with the reason', async () => {
    t.mail.transport.refuseWith(sandboxRefusal())
    const res = await t.request(platformHost, '/api/applications', json(application('13.71', 'padang')))
    expect(res.status).toBe(201)
    await t.mail.idle()

    const [mail] = await mailTo(t.db, 'dpmptsp@padang.go.id')
    expect(mail).toMatchObject({ delivery: 'failed', attempts: 1 })
    expect(mail?.reason).toMatch(/^MessageRejected: Email address is not verified/)
    expect(mail?.text).toContain('/daftar/verifikasi/')
    expect(t.mail.transport.sent.filter((m) => m.to === 'dpmptsp@padang.go.id')).toEqual([])
    expect((await listMail(t.db, { delivery: 'failed' })).map((m) => m.id)).toContain(mail?.id)
  })

  it('tries a passing refusal again and then sends the mail once', async () => {
    t.mail.transport.refuseWith(throttled())
    const res = await t.request(platformHost, '/api/applications', json(application('13.72', 'solok')))
    expect(res.status).toBe(201)
    await t.mail.idle()

    const [mail] = await mailTo(t.db, 'dpmptsp@solok.go.id')
    expect(mail).toMatchObject({ delivery: 'sent', attempts: 2, sentAt: clock.now().toISOString() })
    const sent = t.mail.transport.sent.filter((m) => m.to === 'dpmptsp@solok.go.id')
    expect(sent).toHaveLength(1)
    expect(mail?.messageId).toBe(sent[0]?.messageId)
    expect(mail?.reason).toBeUndefined()
  })

  it(`fails a mail after ${maxMailAttempts} passing refusals in a row`, async () => {
    t.mail.transport.refuseWith(throttled(), throttled(), throttled())
    expect(
      (await t.request(platformHost, '/api/applications', json(application('13.73', 'sawahlunto')))).status,
    ).toBe(201)
    await t.mail.idle()
    const [mail] = await mailTo(t.db, 'dpmptsp@sawahlunto.go.id')
    expect(mail).toMatchObject({ delivery: 'failed', attempts: maxMailAttempts })
    expect(mail?.reason).toMatch(/^TooManyRequestsException/)
  })

  it('puts a tenant’s invite in its own partition, sent, and shows it to the platform once delivery took it', async () => {
    const admin = signedIn(t, tenants.lubuklinggau.host, 'admin@lubuklinggau.test')
    const res = await t.request(
      tenants.lubuklinggau.host,
      '/api/admin/staff/invites',
      json(
        { email: 'rudi@lubuklinggau.test', name: 'Rudi', role: 'officer' },
        { cookie: await admin(), origin: `http://${tenants.lubuklinggau.host}` },
      ),
    )
    expect(res.status).toBe(201)
    await t.mail.idle()
    const [mail] = await mailTo(t.db, 'rudi@lubuklinggau.test')
    expect(mail).toMatchObject({ delivery: 'sent', tenantId: tenants.lubuklinggau.id })
  })

  it('shows the ministry failed mail first with its reason, and sends it again on request', async () => {
    const ministry = signedIn(t, platformHost, 'kementerian@panrb.test')
    const page = await (
      await t.request(platformHost, '/kementerian/surat', { headers: { cookie: await ministry() } })
    ).text()
    const failedSection = page.slice(page.indexOf('id="mail-failed"'), page.indexOf('id="mail-all"'))
    expect(failedSection).toContain('Gagal terkirim (2)')
    expect(failedSection).toContain('MessageRejected: Email address is not verified')
    expect(failedSection).toContain('Kirim ulang')
    expect(page).toContain('Terkirim')
    // The secret link stays whole in the outbox for the sender, hidden on the page.
    expect(page).not.toMatch(/\/daftar\/verifikasi\/[\w-]{20,}/)

    const [failed] = await mailTo(t.db, 'dpmptsp@padang.go.id')
    const body = { id: failed?.id ?? '', at: failed?.at ?? '' }
    const headers = { cookie: await ministry(), origin: `http://${platformHost}` }
    const resent = await t.request(platformHost, '/api/mail/resend', json(body, headers))
    expect(resent.status).toBe(202)
    await t.mail.idle()
    expect((await mailTo(t.db, 'dpmptsp@padang.go.id'))[0]).toMatchObject({ delivery: 'sent', attempts: 1 })
    expect(t.mail.transport.sent.filter((m) => m.to === 'dpmptsp@padang.go.id')).toHaveLength(1)
    // A sent mail is not sent again.
    expect((await t.request(platformHost, '/api/mail/resend', json(body, headers))).status).toBe(409)
  })
})

describe('one delivery per mail', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })

  it('never sends a mail twice: a repeated or concurrent delivery finds it taken', async () => {
    const key = await pendingMail(db, 'a@example.go.id')
    const transport = recordingTransport()
    const deps = { db, now: clock.now, transport }
    const outcomes = await Promise.all([deliverMail(deps, key), deliverMail(deps, key)])
    expect(outcomes.sort()).toEqual(['sent', 'taken'])
    expect(await deliverMail(deps, key)).toBe('taken')
    expect(transport.sent).toHaveLength(1)
    expect(await getMail(db, key)).toMatchObject({ delivery: 'sent', attempts: 1 })
  })

  it('takes over a mail whose sender went silent past the lease, and not before', async () => {
    const key = await pendingMail(db, 'b@example.go.id')
    const transport = recordingTransport()
    const crashed = new Date(clock.now().getTime() - sendingLeaseMs + 60_000).toISOString()
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET delivery = :s, attempts = :one, sendingSince = :at',
        ExpressionAttributeValues: { ':s': 'sending', ':one': 1, ':at': crashed },
      }),
    )
    expect(await deliverMail({ db, now: clock.now, transport }, key)).toBe('taken')
    const later = () => new Date(clock.now().getTime() + 2 * 60_000)
    expect(await deliverMail({ db, now: later, transport }, key)).toBe('sent')
    expect(transport.sent).toHaveLength(1)
    expect(await getMail(db, key)).toMatchObject({ delivery: 'sent', attempts: 2 })
  })

  it('leaves a request’s outbox mail pending where the stream is to start delivery (AWS)', async () => {
    const t = await createTestApp({ now: clock.now, mailer: streamedMailer })
    expect(
      (await t.request(platformHost, '/api/applications', json(application('13.74', 'payakumbuh')))).status,
    ).toBe(201)
    const [mail] = await mailTo(t.db, 'dpmptsp@payakumbuh.go.id')
    expect(mail).toMatchObject({ delivery: 'pending', attempts: 0 })
  })

  it('lists a tenant’s mail for the platform while it is still pending (no sender deployed, or not yet run)', async () => {
    const t = await createTestApp({ now: clock.now, mailer: streamedMailer })
    const host = tenants.palembang.host
    const admin = signedIn(t, host, 'admin@palembang.test')
    const res = await t.request(
      host,
      '/api/admin/staff/invites',
      json(
        { email: 'sari@palembang.test', name: 'Sari', role: 'officer' },
        { cookie: await admin(), origin: `http://${host}` },
      ),
    )
    expect(res.status).toBe(201)
    const [mail] = await mailTo(t.db, 'sari@palembang.test')
    expect(mail).toMatchObject({ delivery: 'pending', tenantId: tenants.palembang.id })
  })
})

/** A DynamoDB Streams record as Lambda delivers it for a new outbox item (NEW_IMAGE). */
const streamRecord = (item: MailMessage & MailKey, sequence: string): DynamoDBRecord => ({
  eventID: `event-${sequence}`,
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'ap-southeast-3',
  dynamodb: {
    ApproximateCreationDateTime: Math.floor(clock.now().getTime() / 1000),
    Keys: { pk: { S: item.pk }, sk: { S: item.sk } },
    NewImage: marshall(item) as never,
    SequenceNumber: sequence,
    SizeBytes: 512,
    StreamViewType: 'NEW_IMAGE',
  },
  eventSourceARN:
    'arn:aws:dynamodb:ap-southeast-3:111111111111:table/mpp-cloud/stream/2026-11-23T00:00:00.000',
})

const streamEvent = async (db: Db, to: string[]): Promise<DynamoDBStreamEvent> => ({
  Records: await Promise.all(
    to.map(async (address, i) => {
      const key = await pendingMail(db, address)
      const item = (await getMail(db, key)) as MailMessage
      return streamRecord({ ...item, ...key }, `${100 + i}`)
    }),
  ),
})

describe('the mail-sender Lambda', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })

  it('sends each mail of a stream batch and records it as sent', async () => {
    const transport = recordingTransport()
    const handler = mailStreamHandler({
      db,
      now: clock.now,
      transport,
      logger: silent,
      countFailed: () => {},
    })
    const event = await streamEvent(db, ['c@example.go.id', 'd@example.go.id'])
    expect(await handler(event)).toEqual({ batchItemFailures: [] })
    expect(transport.sent.map((m) => m.to)).toEqual(['c@example.go.id', 'd@example.go.id'])
    for (const record of event.Records) {
      const key = { pk: record.dynamodb?.Keys?.pk?.S ?? '', sk: record.dynamodb?.Keys?.sk?.S ?? '' }
      expect(await getMail(db, key)).toMatchObject({ delivery: 'sent' })
    }
    // The same batch again (Lambda retries a batch): nothing is sent twice.
    expect(await handler(event)).toEqual({ batchItemFailures: [] })
    expect(transport.sent).toHaveLength(2)
  })

  it('records a refusal as failed, counts it as a failed mail, and does not fail the batch', async () => {
    const transport = recordingTransport()
    transport.refuseWith(sandboxRefusal())
    let failed = 0
    const countFailed = () => {
      failed += 1
    }
    const handler = mailStreamHandler({ db, now: clock.now, transport, logger: silent, countFailed })
    const event = await streamEvent(db, ['e@example.go.id'])
    expect(await handler(event)).toEqual({ batchItemFailures: [] })
    const keys = event.Records[0]?.dynamodb?.Keys
    expect(await getMail(db, { pk: keys?.pk?.S ?? '', sk: keys?.sk?.S ?? '' })).toMatchObject({
      delivery: 'failed',
      reason: expect.stringMatching(/^MessageRejected/),
    })
    expect(failed).toBe(1)
    // Delivered again (a retried batch), the failed mail is neither sent nor counted twice.
    expect(await handler(event)).toEqual({ batchItemFailures: [] })
    expect(failed).toBe(1)
    expect(transport.sent).toEqual([])
  })

  it('reports the record it could not handle when the table fails, so Lambda retries from there', async () => {
    const event = await streamEvent(db, ['f@example.go.id', 'g@example.go.id'])
    const gone = createDb({ tableName: 'no-such-table', endpoint: inject('dynamoEndpoint'), region: 'local' })
    const transport = recordingTransport()
    const handler = mailStreamHandler({
      db: gone,
      now: clock.now,
      transport,
      logger: silent,
      countFailed: () => {},
    })
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] })
    expect(transport.sent).toEqual([])
  })
})

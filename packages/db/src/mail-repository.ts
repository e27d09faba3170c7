import { randomUUID } from 'node:crypto'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, type Scope } from './keys'
import type { TransactItem } from './transactions'

/**
 * How long a mail stays in the outbox, whatever became of it. It holds a personal address (UU 27/2022 asks to
 * keep personal data no longer than its purpose needs): every link a mail carries stops working within 7 days,
 * so an older mail cannot usefully be sent again, and a month covers an applicant's "I never got it" while the
 * application is reviewed and the operator's look at failures.
 */
export const mailKeepDays = 30

/** `pending` until the sender takes it (`sending`), then `sent` or `failed`; a retry puts it back to `pending`. */
export const mailDelivery = z.enum(['pending', 'sending', 'sent', 'failed'])
export type MailDelivery = z.infer<typeof mailDelivery>

export const mailMessage = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    /** The tenant whose request wrote it; none for the platform's own mail. */
    tenantId: z.string().optional(),
    delivery: mailDelivery,
    /** Sending attempts so far (a resend starts again from 0). */
    attempts: z.number().int().nonnegative(),
    sendingSince: z.iso.datetime().optional(),
    sentAt: z.iso.datetime().optional(),
    /** The mail server's id for it (SES's MessageId). */
    messageId: z.string().optional(),
    failedAt: z.iso.datetime().optional(),
    /** Why the last attempt failed: the refusal's name and message. */
    reason: z.string().optional(),
  })
  .strict()
export type MailMessage = z.infer<typeof mailMessage>

/** What a mail says, to whom. */
export interface MailContent {
  to: string
  subject: string
  text: string
}

export interface MailKey {
  pk: string
  sk: string
}

/** Every mail of every scope in one index partition, newest last, for whoever runs the platform. */
const indexPk = 'MAIL'
const indexed = (key: MailKey) => ({ gsi1pk: indexPk, gsi1sk: key.sk })

export const mailKeyOf = (m: Pick<MailMessage, 'tenantId' | 'at' | 'id'>): MailKey =>
  keys.mail(m.tenantId ? { kind: 'tenant', tenantId: m.tenantId } : { kind: 'platform' }, m.at, m.id)

/**
 * The write that puts a mail in the outbox as `pending`, for the transaction of the change it tells about: the
 * mail exists exactly when its change does, and is listed in the platform-wide index (`MAIL`) at once.
 */
export const mailPut = (
  db: Db,
  scope: Scope,
  mail: MailContent,
  now: Date,
): { key: MailKey; write: TransactItem } => {
  const id = randomUUID()
  const at = now.toISOString()
  const key = keys.mail(scope, at, id)
  const message: MailMessage = {
    id,
    at,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(scope.kind === 'tenant' ? { tenantId: scope.tenantId } : {}),
    delivery: 'pending',
    attempts: 0,
  }
  return {
    key,
    write: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...key,
          ...indexed(key),
          ...message,
          expiresAt: Math.floor(now.getTime() / 1000) + mailKeepDays * 24 * 3600,
        },
      },
    },
  }
}

const stale = (now: Date, leaseMs: number) => new Date(now.getTime() - leaseMs).toISOString()

const isConditionFailure = (error: unknown): error is ConditionalCheckFailedException =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException')

export type MailClaim =
  | { kind: 'claimed'; mail: MailMessage }
  /** Sent, failed, or being sent by another delivery whose lease has not run out. */
  | { kind: 'taken'; mail: MailMessage }
  | { kind: 'missing' }

/**
 * Takes a pending mail for one sending attempt (`pending -> sending`, attempts + 1), or a `sending` one whose
 * sender gave no word within `leaseMs` (it crashed or timed out). Conditional, so of two deliveries of the same
 * mail only one sends.
 */
export const claimMail = async (db: Db, key: MailKey, now: Date, leaseMs: number): Promise<MailClaim> => {
  try {
    const result = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression:
          'SET delivery = :sending, attempts = attempts + :one, sendingSince = :now, gsi1pk = :index, gsi1sk = :sk',
        ConditionExpression: 'delivery = :pending OR (delivery = :sending AND sendingSince < :stale)',
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':one': 1,
          ':now': now.toISOString(),
          ':stale': stale(now, leaseMs),
          ':index': indexPk,
          ':sk': key.sk,
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return { kind: 'claimed', mail: parseItem(mailMessage, result.Attributes ?? {}) }
  } catch (error) {
    if (!isConditionFailure(error)) throw error
    if (!error.Item) return { kind: 'missing' }
    return { kind: 'taken', mail: parseItem(mailMessage, unmarshall(error.Item as never)) }
  }
}

export type MailSettlement =
  | { delivery: 'sent'; messageId: string; at: Date }
  | { delivery: 'failed'; reason: string; at: Date }
  /** Another attempt is due: back to `pending`, which starts it (the table's stream, or the local loop). */
  | { delivery: 'pending'; reason: string }

/**
 * Records how the attempt numbered `attempt` ended; only while the mail is still that attempt's (a stale
 * claim taken over by another delivery is not overwritten). False when it no longer was.
 */
export const settleMail = async (
  db: Db,
  key: MailKey,
  attempt: number,
  outcome: MailSettlement,
): Promise<boolean> => {
  const set =
    outcome.delivery === 'sent'
      ? {
          expression: 'sentAt = :at, messageId = :id',
          remove: ', reason',
          values: { ':at': outcome.at.toISOString(), ':id': outcome.messageId },
        }
      : outcome.delivery === 'failed'
        ? {
            expression: 'failedAt = :at, reason = :reason',
            remove: '',
            values: { ':at': outcome.at.toISOString(), ':reason': outcome.reason },
          }
        : { expression: 'reason = :reason', remove: '', values: { ':reason': outcome.reason } }
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: `SET delivery = :to, ${set.expression} REMOVE sendingSince${set.remove}`,
        ConditionExpression: 'delivery = :sending AND attempts = :attempt',
        ExpressionAttributeValues: {
          ':to': outcome.delivery,
          ':sending': 'sending',
          ':attempt': attempt,
          ...set.values,
        },
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

/**
 * Sends a failed mail again (or one stuck in `sending` past its lease): back to `pending` with its attempts
 * counted afresh, which starts its delivery. `not_failed` when it was sent or is still being sent.
 */
export const resendMail = async (
  db: Db,
  key: MailKey,
  now: Date,
  leaseMs: number,
): Promise<'queued' | 'not_failed' | 'missing'> => {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET delivery = :pending, attempts = :zero REMOVE failedAt, sendingSince',
        ConditionExpression: 'delivery = :failed OR (delivery = :sending AND sendingSince < :stale)',
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':zero': 0,
          ':failed': 'failed',
          ':sending': 'sending',
          ':stale': stale(now, leaseMs),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return 'queued'
  } catch (error) {
    if (!isConditionFailure(error)) throw error
    return error.Item ? 'not_failed' : 'missing'
  }
}

export const getMail = async (db: Db, key: MailKey): Promise<MailMessage | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }),
  )
  return result.Item && parseItem(mailMessage, result.Item)
}

/** At most this many items are read to find the failed ones among the newest (a month's mail is far fewer). */
const filterReadLimit = 2000

/**
 * The newest mails first, of every scope (a tenant's appear once delivery took them); with `delivery`, only
 * those in that state, looked for among the newest 2,000. One index Query per page, never a Scan.
 */
export const listMail = async (
  db: Db,
  options: { limit?: number; delivery?: MailDelivery } = {},
): Promise<MailMessage[]> => {
  const limit = options.limit ?? 100
  const found: MailMessage[] = []
  let read = 0
  let start: Record<string, unknown> | undefined
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: {
          ':pk': indexPk,
          ...(options.delivery ? { ':delivery': options.delivery } : {}),
        },
        ...(options.delivery ? { FilterExpression: 'delivery = :delivery' } : {}),
        ScanIndexForward: false,
        Limit: options.delivery ? 200 : limit,
        ExclusiveStartKey: start,
      }),
    )
    for (const item of result.Items ?? []) found.push(parseItem(mailMessage, item))
    read += result.ScannedCount ?? 0
    start = result.LastEvaluatedKey
  } while (start && found.length < limit && options.delivery && read < filterReadLimit)
  return found.slice(0, limit)
}

import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { batchGet, itemWithKey } from './batch-get'
import type { Db } from './client'
import { keys, type Scope } from './keys'

/** Failed logins of one subject (an account, an address, or both): how many, and the latest. */
export interface LoginFailures {
  failures: number
  lastAt: number
}

/** Failures older than this are forgotten, so a subject starts afresh the next day. */
export const forgetFailuresAfterSeconds = 24 * 3600

const keyOf = (scope: Scope, subject: string) => keys.rateLimit(scope, `LF#${subject}`)

/** The failures of each subject (zero for none, or none lately), in one BatchGetItem. */
export const readLoginFailures = async (
  db: Db,
  scope: Scope,
  subjects: string[],
  now: Date,
): Promise<LoginFailures[]> => {
  const items = await batchGet(
    db,
    subjects.map((s) => keyOf(scope, s)),
  )
  const nowSeconds = Math.floor(now.getTime() / 1000)
  return subjects.map((s) => {
    const item = itemWithKey(items, keyOf(scope, s))
    const lastAt = Number(item?.lastAt ?? 0)
    const fresh = item !== undefined && nowSeconds - lastAt < forgetFailuresAfterSeconds
    return fresh ? { failures: Number(item.failures ?? 0), lastAt } : { failures: 0, lastAt: 0 }
  })
}

/** Counts one failure of a subject; a subject quiet for a day starts again from one. */
export const recordLoginFailure = async (db: Db, scope: Scope, subject: string, now: Date) => {
  const nowSeconds = Math.floor(now.getTime() / 1000)
  const stale = nowSeconds - forgetFailuresAfterSeconds
  const write = (expression: string, condition?: string) =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keyOf(scope, subject),
        UpdateExpression: expression,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeValues: {
          ':one': 1,
          ':now': nowSeconds,
          ':expires': nowSeconds + forgetFailuresAfterSeconds,
          ...(condition ? { ':stale': stale } : {}),
        },
      }),
    )
  try {
    await write('ADD failures :one SET lastAt = :now, expiresAt = :expires', 'lastAt > :stale')
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error
    await write('SET failures = :one, lastAt = :now, expiresAt = :expires')
  }
}

/** Forgets a subject's failures (after a successful login from that address). */
export const clearLoginFailures = (db: Db, scope: Scope, subject: string) =>
  db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keyOf(scope, subject) }))

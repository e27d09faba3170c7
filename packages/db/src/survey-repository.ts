import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { type SurveyResponse, surveyResponse } from '@mpp/core/satisfaction'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { putOnce, type TransactItem } from './transactions'

/**
 * Stores a response once per ticket, with its roll-up writes (`also`) in the same transaction. False when the
 * ticket was already rated: nothing is written, nothing counted twice.
 */
export const saveSurveyResponse = async (
  db: Db,
  tenantId: TenantId,
  response: SurveyResponse,
  also: TransactItem[],
): Promise<boolean> =>
  putOnce(db, { ...keys.surveyResponse(tenantId, response.ticketKey), ...response }, also)

export const getSurveyResponse = async (db: Db, tenantId: TenantId, ticketKey: string) => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.surveyResponse(tenantId, ticketKey) }),
  )
  return result.Item && parseItem(surveyResponse, result.Item)
}

/** How many wrong survey codes a ticket takes at the kiosk; after them only its link (the QR) rates it. */
export const maxSurveyCodeTries = 5

const surveyCodeTriesKey = (tenantId: TenantId, ticketKey: string) =>
  keys.rateLimit({ kind: 'tenant', tenantId }, `SVCODE#${ticketKey}`)

/**
 * Takes one of a ticket's tries at its survey code, before the code is compared: however many guesses arrive
 * at once, at most `maxSurveyCodeTries` wrong ones are ever compared. False when none is left.
 */
export const takeSurveyCodeTry = async (db: Db, tenantId: TenantId, ticketKey: string, expiresAt: number) => {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: surveyCodeTriesKey(tenantId, ticketKey),
        UpdateExpression: 'ADD tries :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ConditionExpression: 'attribute_not_exists(tries) OR tries < :max',
        ExpressionAttributeValues: { ':one': 1, ':max': maxSurveyCodeTries, ':expires': expiresAt },
      }),
    )
    return true
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false
    throw error
  }
}

/** Gives the try back after the right code: only wrong codes use tries up. */
export const giveBackSurveyCodeTry = async (db: Db, tenantId: TenantId, ticketKey: string) => {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: surveyCodeTriesKey(tenantId, ticketKey),
      UpdateExpression: 'ADD tries :minusOne',
      ExpressionAttributeValues: { ':minusOne': -1 },
    }),
  )
}

/**
 * The latest responses with a comment between two days (inclusive), newest first, up to `limit`; reads at most
 * five 1 MB pages, so a year of responses without comments costs a bounded read.
 */
export const recentComments = async (db: Db, tenantId: TenantId, from: string, to: string, limit: number) => {
  const comments: SurveyResponse[] = []
  let start: Record<string, unknown> | undefined
  let pages = 0
  do {
    pages++
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: 'attribute_exists(#comment)',
        ExpressionAttributeNames: { '#comment': 'comment' },
        ExpressionAttributeValues: {
          ':pk': keys.surveyResponse(tenantId, '').pk,
          ':from': from,
          // Ticket keys are `day.queue.number`: every key of the last day sorts before `day/`.
          ':to': `${to}/`,
        },
        ScanIndexForward: false,
        ExclusiveStartKey: start,
      }),
    )
    comments.push(...(page.Items ?? []).map((i) => parseItem(surveyResponse, i)))
    start = page.LastEvaluatedKey
  } while (start && comments.length < limit && pages < 5)
  return comments.slice(0, limit)
}

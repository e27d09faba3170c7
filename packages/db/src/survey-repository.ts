import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
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

import { createHash } from 'node:crypto'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { keys } from './keys'
import type { TransactItem } from './transactions'

/** A client retries within minutes; a day covers any outage in between. */
const idempotencyTtlSeconds = 24 * 3600

/** An `Idempotency-Key` and the hash of the request it came with: the key stands for that request only. */
export interface IdempotencyClaim {
  key: string
  requestHash: string
}

/** Objects with their keys sorted (and undefined left out), so equal content always serialises alike. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]),
  )
}

/**
 * SHA-256 of what a request means: the write it asks for (`operation`), the tenant it applies to and its
 * validated body (defaults filled in, so an omitted default and the default sent are the same request).
 */
export const requestHashOf = (operation: string, tenantId: TenantId, body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical({ operation, tenantId, body })))
    .digest('base64url')

/**
 * Claims the key in the transaction of the write it guards, recording `result` (what a replay answers with)
 * and the request's hash; a taken key fails the transaction and returns the record (`earlierResult`).
 */
export const idempotencyPut = (
  db: Db,
  tenantId: TenantId,
  claim: IdempotencyClaim,
  result: Record<string, string>,
  at: string,
): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: {
      ...keys.idempotency(tenantId, claim.key),
      ...result,
      requestHash: claim.requestHash,
      expiresAt: Math.floor(Date.parse(at) / 1000) + idempotencyTtlSeconds,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  },
})

/**
 * The record of a taken key when it was claimed by this very request (same hash), or 'reused' when the key
 * came with other content: then it must not return another request's result. A record without a hash
 * predates the check and is treated as another request's.
 */
export const earlierResult = (claim: IdempotencyClaim, stored: Record<string, unknown> | undefined) =>
  stored && stored.requestHash === claim.requestHash ? stored : ('reused' as const)

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { Db } from './client'

export interface CancelReason {
  code: string
  /** The item as it was, when the failed condition asked for it (ReturnValuesOnConditionCheckFailure). */
  item?: Record<string, unknown>
}

/**
 * The per-item reasons of a cancelled transaction, or undefined for any other error (which the caller rethrows).
 * `ConditionalCheckFailed` means the item was not as expected; `TransactionConflict` that another transaction
 * held it at that moment and a retry may succeed.
 */
export const cancelReasons = (error: unknown): CancelReason[] | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined
  return (error.CancellationReasons ?? []).map((r) => ({
    code: r.Code ?? 'None',
    item: r.Item ? unmarshall(r.Item as never) : undefined,
  }))
}

/** One write of a TransactWriteItems call. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number]

/**
 * Puts `item` only if no item has its key, together with `also` in one transaction: true when written, false
 * when the item was there already (nothing of `also` is written then either). Other failures are thrown.
 */
export const putOnce = async (
  db: Db,
  item: Record<string, unknown>,
  also: TransactItem[] = [],
): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: db.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...also,
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

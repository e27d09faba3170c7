import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'

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

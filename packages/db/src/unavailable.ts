import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry'

/**
 * The table did not answer in time, refused for load, or failed on its side, after the SDK's own retries:
 * nothing the request did wrong, so worth trying again shortly (a 503, never a 500).
 */
export class TableUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the table is unavailable', { cause })
    this.name = 'TableUnavailableError'
  }
}

interface CancellationReason {
  Code?: string
}

/** A transaction cancelled because one of its items was throttled (not because a condition failed). */
const throttledTransaction = (error: { name?: string; CancellationReasons?: CancellationReason[] }) =>
  error.name === 'TransactionCanceledException' &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ThrottlingError')

/** `error` as a TableUnavailableError when it says the table is unreachable, throttling or failing; else itself. */
export const asTableUnavailable = (error: unknown): unknown => {
  if (!(error instanceof Error)) return error
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's errors carry $metadata and codes beside Error's fields
  const sdkError = error as any
  const unavailable =
    isThrottlingError(sdkError) ||
    isTransientError(sdkError) ||
    isServerError(sdkError) ||
    throttledTransaction(sdkError)
  return unavailable ? new TableUnavailableError(error) : error
}

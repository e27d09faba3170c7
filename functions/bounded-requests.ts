/**
 * The request handler options of every AWS client a function makes besides the table's: at most `connectMs`
 * to connect and `requestMs` for an answer. Without `throwOnRequestTimeout` the SDK only logs a warning when
 * `requestTimeout` passes and keeps waiting.
 */
export const boundedRequests = (connectMs: number, requestMs: number) => ({
  connectionTimeout: connectMs,
  requestTimeout: requestMs,
  throwOnRequestTimeout: true,
})

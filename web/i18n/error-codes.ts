/** Every `error.code` the API can answer with; each has a message in both catalogs. */
export const errorCodes = [
  'invalid_request',
  'malformed_json',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'origin_mismatch',
  'not_found',
  'tenant_not_found',
  'invalid_credentials',
  'too_many_requests',
  'internal',
  'unavailable',
] as const
export type ErrorCode = (typeof errorCodes)[number]

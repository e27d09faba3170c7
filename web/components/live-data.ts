/**
 * What a client needs to open its live-updates socket (docs/live-updates.md): the signed token, when it stops
 * counting for a new connection (ISO 8601) and the socket's URL.
 */
export interface LiveAccess {
  token: string
  expiresAt: string
  url: string
}

/**
 * The attributes a page puts on the element its script already reads, so the script connects without first
 * asking `GET /api/live/token`.
 */
export const liveData = (access: LiveAccess | undefined) =>
  access
    ? { 'data-live-token': access.token, 'data-live-url': access.url, 'data-live-expires': access.expiresAt }
    : {}

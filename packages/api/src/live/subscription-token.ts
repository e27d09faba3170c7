import { entityId } from '@mpp/core/catalog'
import { type TenantId, tenantId } from '@mpp/core/tenant'
import { ticketKey } from '@mpp/core/ticket'
import { z } from 'zod'
import { purposeSigner } from '../auth/purpose-key'

/** Long enough to connect, short enough that a leaked token is soon worthless (docs/live-updates.md). */
export const liveTokenSeconds = 15 * 60

/**
 * What a connection may follow: the tenant's display board, one ticket (its secret was checked when the token
 * was minted), or one counter's console (minted for a signed-in officer of that tenant).
 */
export type LiveTopic = 'board' | `ticket:${string}` | `counter:${string}`

const topic = z.union([
  z.literal('board'),
  z.templateLiteral(['ticket:', ticketKey]),
  z.templateLiteral(['counter:', entityId]),
]) as z.ZodType<LiveTopic>

/** The board's filter, as `GET /api/board` takes it. */
export const liveBoardFilter = z
  .object({ queueIds: z.array(entityId).max(20).optional(), floor: z.string().max(40).optional() })
  .strict()
export type LiveBoardFilter = z.infer<typeof liveBoardFilter>

const payload = z
  .object({
    v: z.literal(1),
    tenant: tenantId,
    topics: z.array(topic).min(1).max(3),
    board: liveBoardFilter.optional(),
    /** Seconds since the epoch. */
    exp: z.number().int(),
  })
  .strict()

export interface Subscription {
  tenantId: TenantId
  topics: LiveTopic[]
  board?: LiveBoardFilter
  /** When the token stops counting, in seconds since the epoch. */
  expiresAt: number
}

// The salt names the scheme; the purpose `live` keeps a session token from passing as a live one and back.
const signerFor = (secret: string) => purposeSigner(secret, 'mpp-cloud', 'live')

/**
 * `base64url(payload).base64url(HMAC-SHA256(key, payload))`: the page hands it to the socket, `$connect` reads
 * the tenant and topics from it and from nothing the client says. Never outlives `notAfter` (a session's end).
 */
export const mintSubscriptionToken = (
  secret: string,
  input: { tenantId: TenantId; topics: LiveTopic[]; board?: LiveBoardFilter },
  now: Date,
  notAfter?: number,
): { token: string; expiresAt: number } => {
  const exp = Math.min(
    Math.floor(now.getTime() / 1000) + liveTokenSeconds,
    notAfter ?? Number.MAX_SAFE_INTEGER,
  )
  const body = Buffer.from(
    JSON.stringify({
      v: 1,
      tenant: input.tenantId,
      topics: input.topics,
      ...(input.board && { board: input.board }),
      exp,
    }),
  ).toString('base64url')
  return { token: `${body}.${signerFor(secret).sign(body)}`, expiresAt: exp }
}

/**
 * The subscription a token carries, or undefined when it is forged, expired or malformed. Tokens signed with
 * the key before the last rotation still count (they live 15 minutes, the rotation must not cut boards off).
 */
export const readSubscriptionToken = (
  token: string,
  secrets: { sessionSecret: string; previousSessionSecret?: string },
  now: Date,
): Subscription | undefined => {
  if (token.length > 2048) return undefined
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return undefined
  const keys = [secrets.sessionSecret, secrets.previousSessionSecret].filter((s): s is string => !!s)
  if (!keys.some((secret) => signerFor(secret).valid(body, signature))) return undefined
  let parsed: z.infer<typeof payload>
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')))
  } catch {
    return undefined
  }
  if (parsed.exp <= Math.floor(now.getTime() / 1000)) return undefined
  return {
    tenantId: parsed.tenant,
    topics: parsed.topics,
    ...(parsed.board && { board: parsed.board }),
    expiresAt: parsed.exp,
  }
}

import { role } from '@mpp/core/account'
import { tenantId } from '@mpp/core/tenant'
import { sign, verify } from 'hono/jwt'
import { z } from 'zod'
import type { Session } from '../app-env'

/** Sessions last a working day and a bit: an officer logs in once per shift. */
export const sessionTtlSeconds = 12 * 3600

const claims = z.object({
  sid: z.string().min(16).max(64),
  sub: z.string(),
  name: z.string(),
  role,
  tid: tenantId.nullable(),
  host: z.string(),
  exp: z.number(),
})

/** A signed (HS256) token carrying who, which role, which tenant and which host. */
export const issueSessionToken = (session: Session, secret: string): Promise<string> =>
  sign(
    {
      sid: session.id,
      sub: session.email,
      name: session.name,
      role: session.role,
      tid: session.tenantId,
      host: session.host,
      exp: session.expiresAt,
    },
    secret,
    'HS256',
  )

/**
 * The session a token carries, or undefined when it is forged, expired or malformed. The library checks the
 * signature; the expiry is checked here against the app's clock, because the library would read the machine's.
 */
export const readSessionToken = async (
  token: string,
  secret: string,
  now: Date,
): Promise<Session | undefined> => {
  try {
    const payload = claims.parse(
      await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false }),
    )
    if (payload.exp <= Math.floor(now.getTime() / 1000)) return undefined
    return {
      id: payload.sid,
      email: payload.sub,
      name: payload.name,
      role: payload.role,
      tenantId: payload.tid,
      host: payload.host,
      expiresAt: payload.exp,
    }
  } catch {
    return undefined
  }
}

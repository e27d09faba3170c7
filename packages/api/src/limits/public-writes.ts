import { createHash } from 'node:crypto'
import type { Scope } from '@mpp/db/keys'
import { countHit, hitWithin } from '@mpp/db/rate-limit-repository'
import type { TransactItem } from '@mpp/db/transactions'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'

interface Window {
  hits: number
  seconds: number
}

/**
 * How often anyone may write through a public route: per client address, and for all clients of one MPP (or
 * of the platform) together, so one bot cannot use up a day's share and a bot on one MPP cannot take the
 * others' capacity. Citizens often share an address (mobile carriers' NAT, the MPP's own Wi-Fi), so the
 * per-client figures leave room for a family and a busy hall; README "Limits" gives the reasoning.
 */
export const publicWriteLimits = {
  /** A phone's ticket: one per citizen, a few for a family or neighbours on one address. */
  ticket: { client: { hits: 10, seconds: 600 }, tenant: { hits: 600, seconds: 600 } },
  /** A code to prove a phone number: each one is a message someone pays for and a phone receives. */
  phoneCode: { client: { hits: 5, seconds: 600 }, tenant: { hits: 300, seconds: 600 } },
  /** A citizen's sign-in code: a message sent, as a phone code; and 3 an hour per address (`perAddress`). */
  signInCode: { client: { hits: 5, seconds: 600 }, tenant: { hits: 300, seconds: 600 }, staffToo: true },
  /** A try of a sign-in code: a code dies after 5, so this bounds one client's guessing across addresses. */
  signIn: { client: { hits: 20, seconds: 600 }, tenant: { hits: 1200, seconds: 600 }, staffToo: true },
  booking: { client: { hits: 5, seconds: 600 }, tenant: { hits: 300, seconds: 600 } },
  bookingCancel: { client: { hits: 10, seconds: 600 }, tenant: { hits: 300, seconds: 600 } },
  survey: { client: { hits: 10, seconds: 600 }, tenant: { hits: 600, seconds: 600 } },
  complaint: { client: { hits: 5, seconds: 3600 }, tenant: { hits: 100, seconds: 3600 } },
  complaintReply: { client: { hits: 10, seconds: 3600 }, tenant: { hits: 200, seconds: 3600 } },
  /**
   * A service request's public tracking page or its JSON, read by its code alone (its owner, signed in, is not
   * counted): a bot guessing codes gets 60 tries per 10 minutes against about 2^49 codes.
   */
  trackingLookup: { client: { hits: 60, seconds: 600 }, tenant: { hits: 3000, seconds: 600 } },
  /** Applications come from 514 regencies, each once: a handful an hour is already a busy day. */
  application: { client: { hits: 3, seconds: 3600 }, tenant: { hits: 30, seconds: 3600 } },
  /** Checked as an official types a subdomain: one request per pause in typing. */
  subdomainCheck: { client: { hits: 60, seconds: 60 }, tenant: { hits: 1200, seconds: 60 } },
  /**
   * A live-updates token (its pages carry one): asked only to reconnect after it expired, at most every 15
   * minutes per page, so a full hall on the MPP's Wi-Fi (a few hundred phones on one address) stays well within.
   */
  liveToken: { client: { hits: 120, seconds: 600 }, tenant: { hits: 6000, seconds: 600 } },
} as const satisfies Record<string, { client: Window; tenant: Window; staffToo?: true }>
export type PublicWrite = keyof typeof publicWriteLimits

/** A limit on one address (an email, a phone number), kept as a hash: counters hold no personal data. */
export const perAddress = (address: string, hits: number, seconds: number) => ({
  key: createHash('sha256').update(address).digest('base64url').slice(0, 22),
  hits,
  seconds,
})

/** Three applications a day per applicant's address: each one mails it. */
export const perApplicantEmail = (email: string) => ({
  key: createHash('sha256').update(email).digest('base64url').slice(0, 22),
  hits: 3,
  seconds: 24 * 3600,
})

/** An IPv6 client owns its whole /64, so it counts as one address; an IPv4 address counts as itself. */
export const clientKey = (ip: string | undefined) => {
  if (!ip) return 'unknown'
  const address = ip.replace(/^::ffff:(?=\d+\.)/i, '').replace(/%.*$/, '')
  if (!address.includes(':')) return address
  const [head = '', tail] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** Staff on their own MPP's host (the kiosk is armed by a staff login) are never held by public limits. */
const isStaffHere = (c: Context<AppEnv>) => {
  const session = c.var.session
  const site = c.var.site
  return (
    session !== undefined &&
    site.kind === 'tenant' &&
    session.tenantId === site.tenant.id &&
    (session.role === 'admin' || session.role === 'officer')
  )
}

const tooMany = (retryAfterSeconds: number) =>
  new ApiError(429, 'too_many_requests', { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) })

interface Counted {
  name: string
  hits: number
  seconds: number
}

/** The counters one public write counts against, or none for staff on their own MPP. */
const countersOf = (
  deps: AppDeps,
  c: Context<AppEnv>,
  write: PublicWrite,
  extra?: { key: string; hits: number; seconds: number },
): { scope: Scope; counted: Counted[] } | undefined => {
  const rule: { client: Window; tenant: Window; staffToo?: true } = publicWriteLimits[write]
  // A citizen's sign-in is no staff channel: a staff session here must not send codes or guess unlimited.
  if (!rule.staffToo && isStaffHere(c)) return undefined
  const site = c.var.site
  const scope: Scope =
    site.kind === 'tenant' ? { kind: 'tenant', tenantId: site.tenant.id } : { kind: 'platform' }
  return {
    scope,
    counted: [
      { name: `PW#${write}#IP#${clientKey(deps.clientIp(c))}`, ...rule.client },
      { name: `PW#${write}#ALL`, ...rule.tenant },
      ...(extra ? [{ name: `PW#${write}#K#${extra.key}`, hits: extra.hits, seconds: extra.seconds }] : []),
    ],
  }
}

/** 429 with the wait until the latest of the windows that are full ends. */
const refusalFor = (over: Counted[], now: Date) => {
  const epoch = Math.floor(now.getTime() / 1000)
  return tooMany(Math.max(...over.map((w) => w.seconds - (epoch % w.seconds))))
}

/**
 * Counts one public write of this client and of its MPP (or the platform), in counters every instance
 * shares, and refuses with 429 and `Retry-After` past either limit. `extra` adds a limit on something else
 * the request names (an email, a phone number), with the client's figures.
 */
export const countPublicWrite = async (
  deps: AppDeps,
  c: Context<AppEnv>,
  write: PublicWrite,
  extra?: { key: string; hits: number; seconds: number },
) => {
  const counters = countersOf(deps, c, write, extra)
  if (!counters) return
  const now = deps.now()
  const hits = await Promise.all(
    counters.counted.map((w) => countHit(deps.db, counters.scope, w.name, w.seconds, now)),
  )
  const over = counters.counted.filter((w, i) => (hits[i] ?? 0) > w.hits)
  if (over.length > 0) throw refusalFor(over, now)
}

/** A public write's limits as writes of the transaction they guard (`publicWriteItems`). */
export interface PublicWriteItems {
  items: TransactItem[]
  /** The 429 to answer when the items at these indexes failed their condition (their windows are full). */
  refusal: (failed: number[]) => ApiError
  /** Counts the write on its own (one round trip), for a request refused before its transaction. */
  countAlone: () => Promise<void>
}

/**
 * The limits of `countPublicWrite` as condition-checked counter updates to add to the write's own
 * transaction: on the hot path they cost no round trip of their own, and a refusal writes nothing. Undefined
 * for staff on their own MPP.
 */
export const publicWriteItems = (
  deps: AppDeps,
  c: Context<AppEnv>,
  write: PublicWrite,
): PublicWriteItems | undefined => {
  const counters = countersOf(deps, c, write)
  if (!counters) return undefined
  const now = deps.now()
  const { scope, counted } = counters
  return {
    items: counted.map((w) => hitWithin(deps.db, scope, w.name, w.seconds, w.hits, now)),
    refusal: (failed) => refusalFor(failed.length ? failed.map((i) => counted[i] as Counted) : counted, now),
    countAlone: () => countPublicWrite(deps, c, write),
  }
}

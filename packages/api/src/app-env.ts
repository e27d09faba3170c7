import type { Logger } from '@aws-lambda-powertools/logger'
import type { Role } from '@mpp/core/account'
import type { Clock } from '@mpp/core/clock'
import type { Tenant, TenantId } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import type { Lang, Messages } from '@mpp/web/i18n/messages'
import type { Context } from 'hono'
import type { SecureHeadersVariables } from 'hono/secure-headers'
import type { FileStore } from './files/file-store'
import type { Mailer } from './mail/mailer'

export interface AppConfig {
  /** The platform's host name: `localhost` locally, the production domain in AWS. Tenants live one label below. */
  rootDomain: string
  /** HMAC key for session tokens; at least 32 characters. */
  sessionSecret: string
  /**
   * The key before the last rotation: tokens it signed still count until they expire (12 hours), so rotating
   * the key signs nobody out. New tokens are always signed with `sessionSecret`.
   */
  previousSessionSecret?: string
  /** Origin of the static assets (CloudFront in AWS); empty for the same origin. */
  assetBaseUrl: string
  /** Changes whenever the assets do, so their URLs can be cached forever. */
  assetVersion: string
  /** Where upload forms post to when that is not this origin (the S3 bucket in AWS), for the CSP. */
  uploadOrigins?: string[]
  /**
   * Where live-update sockets connect (AWS: the WebSocket API's `wss://` URL); unset, the same host's `/live`
   * (the node server's socket).
   */
  liveSocketUrl?: string
}

export interface AppDeps {
  db: Db
  config: AppConfig
  logger: Logger
  /** The app's one clock (`systemClock` in production): every rule that depends on time reads it. */
  now: Clock
  /** The caller's IP address as the runtime sees it (API Gateway or the node server). */
  clientIp: (c: Context) => string | undefined
  mailer: Mailer
  files: FileStore
}

/** Which site a request is for: the platform itself or one tenant's MPP. */
export type Site = { kind: 'platform' } | { kind: 'tenant'; tenant: Tenant }

export interface Session {
  /** This session's own id, so a logout can end it and no other. */
  id: string
  email: string
  name: string
  role: Role
  /** The tenant the session belongs to, or null for the platform (ministry). */
  tenantId: TenantId | null
  /** The host the session was issued on; it is refused anywhere else. */
  host: string
  expiresAt: number
}

/** A citizen signed in with a one-time code on one MPP's host: never a staff session, and no role. */
export interface CitizenSession {
  id: string
  /** The email address (lower case) or mobile number (E.164) the citizen signs in with. */
  address: string
  tenantId: TenantId
  host: string
  expiresAt: number
}

export type AppEnv = {
  Variables: SecureHeadersVariables & {
    requestId: string
    log: Logger
    lang: Lang
    m: Messages
    site: Site
    session: Session | undefined
    citizen: CitizenSession | undefined
  }
}

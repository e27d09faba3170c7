import type { Role } from '@mpp/core/account'
import type { TenantStage } from '@mpp/core/tenant'
import type { Lang, Messages } from '../i18n/messages'

/** What every page needs from the request, gathered once by the api. */
export interface PageContext {
  lang: Lang
  m: Messages
  /** CSP nonce for the one inline style block (the tenant's colours). */
  nonce: string
  cssUrl: string
  /** The versioned address of a built asset, e.g. `assetUrl('board.js')`. */
  assetUrl: (file: string) => string
  /** The current address in the other language. */
  switchLangHref: string
  requestId: string
  brand?: Brand
  session?: { name: string; role: Role }
}

export interface Brand {
  name: string
  /** Trial sites carry a banner; suspended and closed ones say why they take no tickets. */
  stage: TenantStage
  suspendedReason?: string
  primary: string
  accent: string
  onPrimary: string
  logoUrl: string
}

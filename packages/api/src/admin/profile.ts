import { checkBranding, formatRatio } from '@mpp/core/branding'
import { type Tenant, tenant as tenantSchema } from '@mpp/core/tenant'
import type { Db } from '@mpp/db/client'
import {
  type LogoFile,
  removeLogo,
  replaceLogo,
  type TenantProfile,
  updateTenantProfile,
} from '@mpp/db/tenant-repository'
import type { Lang, Messages } from '@mpp/web/i18n/messages'
import { z } from 'zod'
import { ApiError } from '../errors'
import type { TenantCache } from '../tenant-cache'
import { checkPng, maxLogoBytes } from './logo-check'

/**
 * The tenant admin's profile and branding: name, tagline, address, map link, contact, colours and logo. The
 * JSON routes and the admin page both call these, so a rule holds the same in both.
 */

const shape = tenantSchema.shape

/** What `updateProfile` takes: the tenant schema's own fields, the map link https only. */
export const profileInput = z
  .object({
    // Trimmed before the length checks, as stored: a name or address that is only long with its spaces would
    // be saved short and fail the tenant schema on every later read.
    name: z.string().trim().min(3).max(120),
    tagline: shape.tagline,
    address: z.string().trim().min(5).max(240),
    /** https only: checked by `updateProfile`, with a message that says so. */
    mapUrl: shape.mapUrl,
    phone: shape.phone,
    email: shape.email,
    branding: shape.branding,
  })
  .strict()
export type ProfileInput = z.infer<typeof profileInput>

/** The profile as the admin sees it, with the contrast each colour reaches. */
export const profileOf = (tenant: Tenant) => ({
  name: tenant.name,
  ...(tenant.tagline ? { tagline: tenant.tagline } : {}),
  address: tenant.address,
  ...(tenant.mapUrl ? { mapUrl: tenant.mapUrl } : {}),
  ...(tenant.phone ? { phone: tenant.phone } : {}),
  ...(tenant.email ? { email: tenant.email } : {}),
  branding: { primary: tenant.branding.primary.toLowerCase(), accent: tenant.branding.accent.toLowerCase() },
  contrast: checkBranding(tenant.branding),
  logoUrl: tenant.logoVersion ? `/logo?v=${tenant.logoVersion}` : null,
})

/**
 * Saves the profile: each colour must reach its WCAG AA contrast (400 naming the measured ratio otherwise).
 * The tenant cache forgets the tenant, so the site shows the change at once.
 */
export const updateProfile = async (
  db: Db,
  tenants: TenantCache,
  tenant: Tenant,
  input: ProfileInput,
  m: Messages,
  lang: Lang,
) => {
  if (input.mapUrl !== undefined && !/^https:\/\/[^/]/i.test(input.mapUrl.trim()))
    throw new ApiError(400, 'invalid_request', [{ path: 'mapUrl', message: m.profileAdmin.httpsOnly }])
  const branding = {
    primary: input.branding.primary.toLowerCase(),
    accent: input.branding.accent.toLowerCase(),
  }
  const failing = checkBranding(branding).filter((check) => !check.ok)
  if (failing.length > 0)
    throw new ApiError(
      400,
      'invalid_request',
      failing.map((check) => ({
        path: `branding.${check.field}`,
        message: m.profileAdmin.contrastTooLow(
          formatRatio(check.ratio, lang),
          check.against,
          formatRatio(check.minimum, lang),
        ),
        ratio: check.ratio,
        minimum: check.minimum,
        against: check.against,
      })),
    )
  const clean = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
  const profile: TenantProfile = {
    name: input.name.trim(),
    tagline: clean(input.tagline),
    address: input.address.trim(),
    mapUrl: clean(input.mapUrl),
    phone: clean(input.phone),
    email: clean(input.email),
    branding,
  }
  await updateTenantProfile(db, tenant.id, profile)
  tenants.forget(tenant.slug)
  return profileOf({ ...tenant, ...profile })
}

export type LogoType = LogoFile['contentType']
export const logoTypes: readonly LogoType[] = ['image/svg+xml', 'image/png']

/**
 * Checks and stores a logo. Over 200 KB: 413. A PNG must be one (signature, header, end); an SVG must pass
 * every check of `checkSvg` (400 `unsafe_svg` with the reason otherwise) and is stored as re-serialised.
 * Nothing is written unless the file passed.
 */
export const uploadLogo = async (
  db: Db,
  tenants: TenantCache,
  tenant: Tenant,
  contentType: string,
  bytes: Uint8Array,
  now: Date,
  m: Messages,
) => {
  const t = m.profileAdmin
  const type = contentType.split(';')[0]?.trim().toLowerCase()
  if (type !== 'image/svg+xml' && type !== 'image/png')
    throw new ApiError(415, 'invalid_logo', { contentType: type ?? '', message: t.logoType })
  if (bytes.length === 0) throw new ApiError(400, 'invalid_logo', { message: t.logoMissing })
  if (bytes.length > maxLogoBytes)
    throw new ApiError(413, 'file_too_large', {
      bytes: bytes.length,
      maxBytes: maxLogoBytes,
      message: t.logoTooLarge(Math.ceil(bytes.length / 1024)),
    })
  let logo: LogoFile
  if (type === 'image/png') {
    const png = checkPng(bytes)
    if (!png.ok)
      throw new ApiError(400, 'invalid_logo', { reason: png.reason, message: t.pngProblems[png.reason] })
    logo = { contentType: type, png: Buffer.from(bytes).toString('base64') }
  } else {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new ApiError(400, 'unsafe_svg', {
        reason: 'malformed',
        message: t.svgProblems.malformed('UTF-8'),
      })
    }
    const { checkSvg } = await import('./svg-check')
    const svg = checkSvg(text)
    if (!svg.ok) {
      const { reason } = svg.problem
      const detail = 'detail' in svg.problem ? svg.problem.detail : ''
      throw new ApiError(400, 'unsafe_svg', {
        reason,
        ...(detail ? { detail } : {}),
        message: t.svgProblems[reason](detail),
      })
    }
    logo = { contentType: type, svg: svg.svg }
  }
  const version = now.getTime().toString(36)
  await replaceLogo(db, tenant.id, logo, version, now)
  tenants.forget(tenant.slug)
  return { contentType: logo.contentType, url: `/logo?v=${version}` }
}

export const deleteLogo = async (db: Db, tenants: TenantCache, tenant: Tenant) => {
  if (!(await removeLogo(db, tenant.id))) throw new ApiError(404, 'not_found')
  tenants.forget(tenant.slug)
}

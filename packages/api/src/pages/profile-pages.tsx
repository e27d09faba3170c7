import { getLogo } from '@mpp/db/tenant-repository'
import type { FormRefusal } from '@mpp/web/components/admin-form'
import type { Messages } from '@mpp/web/i18n/messages'
import { ProfileAdminPage } from '@mpp/web/views/profile-admin-view'
import { type Context, Hono } from 'hono'
import { sniffLogoType } from '../admin/logo-check'
import { deleteLogo, profileInput, profileOf, updateProfile, uploadLogo } from '../admin/profile'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { TenantCache } from '../tenant-cache'
import { formValues, optional, type RefusalStatus, refusalMessage, text } from './admin-refusal'
import { pageContext } from './page-context'

type FormValues = Record<string, string | string[]>
type PageRefusal = FormRefusal & { status: RefusalStatus }

const labelsOf = (m: Messages): Record<string, string> => {
  const t = m.profileAdmin
  return {
    name: t.name,
    tagline: t.tagline,
    address: t.address,
    mapUrl: t.mapUrl,
    phone: t.phone,
    email: t.email,
    'branding.primary': t.primary,
    'branding.accent': t.accent,
  }
}

/**
 * A colour field is a picker and a text box. Without script both are sent: what was typed wins when it differs
 * from the saved colour (the admin typed it), otherwise the picker (the admin picked it). With script they are
 * kept the same as the admin works.
 */
const chosenColour = (values: FormValues, name: 'primary' | 'accent', saved: string) => {
  const typed = text(values[name]).toLowerCase()
  const picked = text(values[`${name}Picker`]).toLowerCase()
  return typed && typed !== saved.toLowerCase() ? typed : picked || typed
}

/**
 * The tenant admin's profile page: profile and colours (with the contrast they reach), and the logo. Plain
 * forms: a refusal re-renders the page with its message and what was typed; a success redirects (303).
 */
export const profilePages = (deps: AppDeps, tenants: TenantCache) => {
  const pages = new Hono<AppEnv>()
  const { db } = deps
  pages.use('/admin/profil', requireSite('tenant'), requireRole('admin'))
  pages.use('/admin/profil/*', requireSite('tenant'), requireRole('admin'))

  const render = async (c: Context<AppEnv>, refusal?: PageRefusal) => {
    const tenant = tenantOf(c.var.site)
    const stored = await getLogo(db, tenant.id)
    const profile = profileOf(tenant)
    const saved =
      c.req.query('tersimpan') !== undefined
        ? 'profile'
        : c.req.query('logo') !== undefined
          ? 'logo'
          : c.req.query('logo-dihapus') !== undefined
            ? 'logoRemoved'
            : undefined
    c.header('Cache-Control', 'no-store')
    return c.html(
      <ProfileAdminPage
        ctx={pageContext(c, deps.config)}
        profile={profile}
        logo={stored && { url: profile.logoUrl ?? '/logo.svg', contentType: stored.contentType }}
        saved={saved}
        refusal={refusal}
      />,
      refusal?.status ?? 200,
    )
  }

  const handle = async (
    c: Context<AppEnv>,
    form: string,
    values: FormValues,
    save: () => Promise<unknown>,
    redirect: string,
  ) => {
    try {
      await save()
      return c.redirect(redirect, 303)
    } catch (error) {
      const refusal = refusalMessage(error, c, labelsOf(c.var.m))
      if (!refusal) throw error
      return render(c, { form, values, ...refusal })
    }
  }

  pages.get('/admin/profil', (c) => render(c))

  pages.post('/admin/profil', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    const tenant = tenantOf(c.var.site)
    return handle(
      c,
      'profile',
      values,
      () =>
        updateProfile(
          db,
          tenants,
          tenant,
          profileInput.parse({
            name: text(values.name),
            tagline: optional(values.tagline),
            address: text(values.address),
            mapUrl: optional(values.mapUrl),
            phone: optional(values.phone),
            email: optional(values.email),
            branding: {
              primary: chosenColour(values, 'primary', tenant.branding.primary),
              accent: chosenColour(values, 'accent', tenant.branding.accent),
            },
          }),
          c.var.m,
          c.var.lang,
        ),
      '/admin/profil?tersimpan',
    )
  })

  pages.post('/admin/profil/logo', async (c) => {
    const body = await c.req.parseBody()
    const file = body.logo
    return handle(
      c,
      'logo',
      {},
      async () => {
        if (!(file instanceof File) || file.size === 0)
          throw new ApiError(400, 'invalid_logo', { message: c.var.m.profileAdmin.logoMissing })
        const bytes = new Uint8Array(await file.arrayBuffer())
        const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? ''
        // Browsers name SVG and PNG files reliably; anything else (an empty or generic type) is judged by its bytes.
        const type =
          declared === 'image/png' || declared === 'image/svg+xml'
            ? declared
            : (sniffLogoType(bytes) ?? declared)
        return uploadLogo(db, tenants, tenantOf(c.var.site), type, bytes, deps.now(), c.var.m)
      },
      '/admin/profil?logo',
    )
  })

  pages.post('/admin/profil/logo/hapus', (c) =>
    handle(
      c,
      'logo:delete',
      {},
      () => deleteLogo(db, tenants, tenantOf(c.var.site)),
      '/admin/profil?logo-dihapus',
    ),
  )

  return pages
}

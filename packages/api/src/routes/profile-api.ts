import { createRoute, z } from '@hono/zod-openapi'
import { deleteLogo, profileInput, profileOf, updateProfile, uploadLogo } from '../admin/profile'
import type { AppDeps } from '../app-env'
import { errorResponse } from '../errors'
import { requireSite, tenantOf } from '../middleware/require-site'
import { requireRole } from '../middleware/session'
import type { TenantCache } from '../tenant-cache'
import { createRouter } from '../validation'

const adminOnly = [requireSite('tenant'), requireRole('admin')]
const adminErrors = { 401: errorResponse('No session'), 403: errorResponse('Not an admin of this MPP') }

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, middleware: adminOnly, tags: ['admin'] })

const contrastCheck = z.object({
  field: z.enum(['primary', 'accent']),
  against: z.string().meta({ description: 'The colour measured against' }),
  ratio: z.number(),
  minimum: z.number(),
  ok: z.boolean(),
})

const profileOut = profileInput
  .extend({
    contrast: z.array(contrastCheck),
    logoUrl: z.string().nullable().meta({ description: 'The versioned logo address; null without a logo' }),
  })
  .meta({ id: 'TenantProfile' })

const getProfileRoute = route({
  method: 'get',
  path: '/api/admin/profile',
  operationId: 'getProfile',
  summary: "The MPP's profile and branding, with the contrast each colour reaches",
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: profileOut } } },
    ...adminErrors,
  },
})

const updateProfileRoute = route({
  method: 'put',
  path: '/api/admin/profile',
  operationId: 'updateProfile',
  summary: 'Replace the profile and branding (optional fields left out are removed)',
  description:
    'The map link must be https. The primary colour must reach 4.5:1 against the text colour the site puts on it (white or near-black, whichever reads better), the accent 3:1 against white (WCAG AA); a refusal names the measured ratio in `details: [{ path, message, ratio, minimum, against }]`.',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: profileInput.meta({ id: 'ProfileInput' }) } },
    },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: profileOut } } },
    400: errorResponse('Invalid, not https, or too little contrast (details with the measured ratio)'),
    ...adminErrors,
  },
})

const logoOut = z
  .object({ contentType: z.enum(['image/svg+xml', 'image/png']), url: z.string() })
  .meta({ id: 'LogoStored' })

const uploadLogoRoute = route({
  method: 'put',
  path: '/api/admin/logo',
  operationId: 'uploadLogo',
  summary: 'Replace the logo: the body is the file, PNG or SVG, at most 200 KB',
  description:
    'A PNG is checked by its signature, header and end. An SVG is parsed as XML and refused (`unsafe_svg`, `details.reason`) when it has a DOCTYPE or ENTITY, a script, foreignObject, an on* attribute, an href that is not a #fragment or a data:image/png|jpeg URI, an external url() in an attribute or in CSS, an embedded document, or any element that does not just draw; a clean SVG is stored re-serialised, comments and editor metadata left out.',
  request: {
    body: {
      required: true,
      content: {
        'image/svg+xml': { schema: z.string() },
        'image/png': { schema: z.string().meta({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: { description: 'Stored', content: { 'application/json': { schema: logoOut } } },
    400: errorResponse('Not a valid PNG (invalid_logo) or an unsafe SVG (unsafe_svg, details.reason)'),
    ...adminErrors,
    413: errorResponse('Over 200 KB (file_too_large)'),
    415: errorResponse('Neither image/png nor image/svg+xml (invalid_logo)'),
  },
})

const deleteLogoRoute = route({
  method: 'delete',
  path: '/api/admin/logo',
  operationId: 'deleteLogo',
  summary: 'Remove the logo',
  responses: { 204: { description: 'Removed' }, ...adminErrors, 404: errorResponse('No logo') },
})

/** The tenant admin's profile, branding and logo as JSON. */
export const profileApi = (deps: AppDeps, tenants: TenantCache) =>
  createRouter()
    .openapi(getProfileRoute, (c) => c.json(profileOf(tenantOf(c.var.site)), 200))
    .openapi(updateProfileRoute, async (c) =>
      c.json(
        await updateProfile(deps.db, tenants, tenantOf(c.var.site), c.req.valid('json'), c.var.m, c.var.lang),
        200,
      ),
    )
    .openapi(uploadLogoRoute, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const stored = await uploadLogo(
        deps.db,
        tenants,
        tenantOf(c.var.site),
        c.req.header('content-type') ?? '',
        bytes,
        deps.now(),
        c.var.m,
      )
      return c.json(stored, 200)
    })
    .openapi(deleteLogoRoute, async (c) => {
      await deleteLogo(deps.db, tenants, tenantOf(c.var.site))
      return c.body(null, 204)
    })

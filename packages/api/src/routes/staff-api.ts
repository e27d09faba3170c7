import { z } from '@hono/zod-openapi'
import { email, tenantRole } from '@mpp/core/account'
import {
  inviteInput,
  inviteStaff,
  listStaff,
  pendingInvite,
  setStaffActive,
  setStaffAgencies,
  setStaffRole,
  staffAgencies,
  staffMember,
} from '../admin/staff'
import type { AppDeps, Session } from '../app-env'
import { errorResponse } from '../errors'
import { tenantOf } from '../middleware/require-site'
import { originOf } from '../onboarding/origin'
import { createRouter } from '../validation'
import { adminErrors, body, json, adminRoute as route } from './admin-route'

const emailParam = z.object({ email })

const listRoute = route({
  method: 'get',
  path: '/api/admin/staff',
  operationId: 'listStaff',
  summary: "The MPP's accounts (never password hashes) and the invites not yet used or expired",
  responses: {
    200: json(
      z.object({ staff: z.array(staffMember), invites: z.array(pendingInvite) }).meta({ id: 'StaffList' }),
      'Staff and pending invites',
    ),
    ...adminErrors,
  },
})

const inviteRoute = route({
  method: 'post',
  path: '/api/admin/staff/invites',
  operationId: 'inviteStaff',
  summary: 'Invite someone as officer or admin: the link (72 hours, single use) goes to their email',
  description:
    "The link opens /undangan/{token} on this MPP's site, where the invitee chooses a password. A new invite for the same email replaces the older pending ones.",
  request: { body: body(inviteInput.meta({ id: 'StaffInvite' })) },
  responses: {
    201: json(pendingInvite, 'Invited and mailed'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    409: errorResponse('An active account has that email (staff_exists)'),
  },
})

const activeRoute = route({
  method: 'put',
  path: '/api/admin/staff/{email}/active',
  operationId: 'setStaffActive',
  summary: 'Deactivate or reactivate an account; deactivation ends its sessions',
  description:
    'A deactivated account cannot log in, and its open sessions stop working (at once on this server, within 30 seconds on every other). An admin cannot deactivate themself (own_account), and the last active admin stays (last_admin).',
  request: {
    params: emailParam,
    body: body(z.object({ active: z.boolean() }).strict().meta({ id: 'StaffActive' })),
  },
  responses: {
    200: json(staffMember, 'Saved'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    404: errorResponse('No such account'),
    409: errorResponse('Your own account (own_account) or the last active admin (last_admin)'),
  },
})

const roleRoute = route({
  method: 'put',
  path: '/api/admin/staff/{email}/role',
  operationId: 'setStaffRole',
  summary: 'Make an account an officer or an admin; its sessions end, so it logs in again with the new role',
  request: {
    params: emailParam,
    body: body(z.object({ role: tenantRole }).strict().meta({ id: 'StaffRole' })),
  },
  responses: {
    200: json(staffMember, 'Saved'),
    400: errorResponse('Invalid'),
    ...adminErrors,
    404: errorResponse('No such account'),
    409: errorResponse('The last active admin (last_admin)'),
  },
})

const agenciesRoute = route({
  method: 'put',
  path: '/api/admin/staff/{email}/agencies',
  operationId: 'setStaffAgencies',
  summary: 'Set the agencies an account works for (none or many); its sessions go on',
  description:
    "Each an agency of this MPP (listed by getAdminCatalog). An officer sees and decides only the service requests of their agencies' services (admins see all).",
  request: { params: emailParam, body: body(staffAgencies.meta({ id: 'StaffAgencies' })) },
  responses: {
    200: json(staffMember, 'Saved'),
    400: errorResponse('Invalid, or not an agency of this MPP'),
    ...adminErrors,
    404: errorResponse('No such account'),
  },
})

/** The tenant admin's staff as JSON. */
export const staffApi = (deps: AppDeps) =>
  createRouter()
    .openapi(listRoute, async (c) => c.json(await listStaff(deps, tenantOf(c.var.site)), 200))
    .openapi(inviteRoute, async (c) => {
      const tenant = tenantOf(c.var.site)
      const site = originOf(c, deps.config.rootDomain).tenant(tenant.slug)
      const invited = await inviteStaff(deps, tenant, c.req.valid('json'), c.var.session as Session, site)
      return c.json(invited, 201)
    })
    .openapi(activeRoute, async (c) =>
      c.json(
        await setStaffActive(
          deps,
          tenantOf(c.var.site),
          c.req.valid('param').email,
          c.req.valid('json').active,
          c.var.session as Session,
        ),
        200,
      ),
    )
    .openapi(agenciesRoute, async (c) =>
      c.json(
        await setStaffAgencies(
          deps,
          tenantOf(c.var.site),
          c.req.valid('param').email,
          c.req.valid('json').agencyIds,
        ),
        200,
      ),
    )
    .openapi(roleRoute, async (c) =>
      c.json(
        await setStaffRole(deps, tenantOf(c.var.site), c.req.valid('param').email, c.req.valid('json').role),
        200,
      ),
    )

import { createRoute, type z } from '@hono/zod-openapi'
import { errorResponse } from '../errors'
import { requireSite } from '../middleware/require-site'
import { requireRole } from '../middleware/session'

/** What the tenant admin's JSON routes share: the guard, its refusals, and the shapes of bodies and answers. */

export const adminErrors = {
  401: errorResponse('No session'),
  403: errorResponse('Not an admin of this MPP'),
}

/** A route only the tenant's admins reach, on the tenant's host, tagged `admin`. */
export const adminRoute = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, middleware: [requireSite('tenant'), requireRole('admin')], tags: ['admin'] })

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})

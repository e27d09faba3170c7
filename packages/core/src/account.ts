import { z } from 'zod'
import { entityId } from './catalog'

/** Tenant roles live on a tenant's host; `ministry` lives only on the platform host. */
export const tenantRole = z.enum(['admin', 'officer'])
export const role = z.enum(['admin', 'officer', 'ministry'])
export type Role = z.infer<typeof role>

/**
 * An email address as zod checks it, except that no domain label may end with a hyphen (`a@b-.id`): such an
 * address is no hostname, so mail servers and the document's `format: email` refuse it.
 */
export const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/

/** An email address, exactly (what responses carry). */
export const emailAddress = z.email({ pattern: emailPattern })

/** An email address as people type it: case and surrounding spaces do not matter. */
export const email = z.string().trim().toLowerCase().pipe(emailAddress.max(254)).meta({
  format: 'email',
  pattern: emailPattern.source,
  description: 'An email address; case and surrounding spaces are ignored',
})

export const account = z
  .object({
    email,
    name: z.string().min(2).max(120),
    role,
    passwordHash: z.string().min(20),
    active: z.boolean(),
    /** A tenant's staff: the agencies they work for (an officer will see only their service requests). */
    agencyIds: z.array(entityId).max(50).optional(),
  })
  .strict()
export type Account = z.infer<typeof account>

/** What a login form or the login API sends. */
export const credentials = z.object({ email, password: z.string().min(1).max(200) }).strict()
export type Credentials = z.infer<typeof credentials>

/** A password someone chooses: long enough to resist guessing, which matters more than its character mix. */
export const newPassword = z.string().min(10).max(200)

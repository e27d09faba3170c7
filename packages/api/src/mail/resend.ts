import { tenantId } from '@mpp/core/tenant'
import { mailKeyOf, resendMail } from '@mpp/db/mail-repository'
import { z } from 'zod'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { sendingLeaseMs } from './delivery'

/** Which mail: its id and time, and the tenant whose request wrote it (none for the platform's own). */
export const mailRef = z
  .object({ id: z.uuid(), at: z.iso.datetime(), tenantId: tenantId.optional() })
  .strict()
export type MailRef = z.infer<typeof mailRef>

/**
 * Sends a failed mail again (or one whose sender went silent past its lease): its attempts start afresh and
 * its delivery starts as a new mail's does. 404 for no such mail (it expired), 409 when it is not failed.
 */
export const resendFailedMail = async (deps: Pick<AppDeps, 'db' | 'now' | 'mailer'>, ref: MailRef) => {
  const key = mailKeyOf(ref)
  const outcome = await resendMail(deps.db, key, deps.now(), sendingLeaseMs)
  if (outcome === 'missing') throw new ApiError(404, 'not_found')
  if (outcome === 'not_failed') throw new ApiError(409, 'invalid_transition')
  deps.mailer.written([key])
}

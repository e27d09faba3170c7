import { randomUUID } from 'node:crypto'
import type { Application, ApplicationInput } from '@mpp/core/application'
import { findRegency } from '@mpp/core/regions'
import { holdsClaims, type LifecycleAction, nextLifecycleState } from '@mpp/core/tenant-lifecycle'
import {
  type ApplicationSecrets,
  type ClaimConflict,
  claimConflict,
  claimWrites,
  createApplicationRecord,
  getApplicationRecord,
  moveSubdomainClaim,
  releaseClaims,
  saveApplication,
} from '@mpp/db/application-repository'
import { auditPut } from '@mpp/db/audit-repository'
import { tenantCreation } from '@mpp/db/tenant-repository'
import type { TransactItem } from '@mpp/db/transactions'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { acceptUpload, type UploadKind, uploadFormFor } from '../files/accept-upload'
import { pdfType } from '../files/file-types'
import type { RuleIssue } from '../issue-messages'
import { outboxMail } from '../mail/outbox'
import { inviteFirstAdmin } from './invites'
import { newTenantFromApplication } from './new-tenant'
import { hashToken, newToken } from './tokens'

/** How long the revision link, and the attachment link after the email's confirmation, work. */
const linkDays = 7
/** An unconfirmed application, and its confirmation link, end after this; it claims nothing meanwhile. */
export const confirmHours = 72

/** Mail about applications is the platform's own. */
const platformScope = { kind: 'platform' } as const

const secondsFrom = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 24 * 3600

/** A refused claim: when the regency was applied for (never who: that is the applicant's own text). */
const claimRefusal = (conflict: ClaimConflict, subdomain: string) =>
  conflict.kind === 'subdomain_taken'
    ? new ApiError(409, 'subdomain_taken', [{ path: 'subdomain', message: subdomain }])
    : new ApiError(409, 'regency_taken', {
        ...(conflict.claim?.createdAt ? { appliedAt: conflict.claim.createdAt } : {}),
        ...(conflict.tenantExists || conflict.claim?.tenantId ? { tenant: true } : {}),
      })

/** Where links in mails point: the platform's origin and a tenant's site (from the request being answered). */
export interface Origin {
  platform: string
  tenant: (slug: string) => string
}

export const applicationSubject = (id: string) => `app:${id}`

/** What the ministry decides on an application. */
export type ApplicationDecision = 'approve' | 'reject' | 'request_revision' | 'withdraw'
export const tenantSubject = (tenantId: string) => `tenant:${tenantId}`

/**
 * Files a regency's application: the regency must be one of the 514, not already held by a tenant or a
 * confirmed application, and the subdomain free. The applicant gets a link to confirm the email address;
 * only that claims the regency and the subdomain and shows the application to the ministry. Unconfirmed, it
 * holds nothing and vanishes after `confirmHours`.
 */
export const createApplication = async (deps: AppDeps, input: ApplicationInput, origin: Origin) => {
  const regency = findRegency(input.regencyCode)
  if (!regency)
    throw new ApiError(400, 'unknown_regency', [
      { path: 'regencyCode', word: 'chooseOption' } satisfies RuleIssue,
    ])
  const now = deps.now()
  const at = now.toISOString()
  const application: Application = {
    ...input,
    id: randomUUID(),
    regencyName: regency.name,
    provinceName: regency.provinceName,
    status: 'applied',
    createdAt: at,
    updatedAt: at,
  }
  const conflict = await claimConflict(deps.db, input.regencyCode, input.subdomain)
  if (conflict) throw claimRefusal(conflict, input.subdomain)
  const email = newToken()
  const file = newToken()
  const ends = Math.floor(now.getTime() / 1000) + confirmHours * 3600
  // Only the platform's own words: whoever files can choose the address, so the mail carries none of theirs.
  const mail = outboxMail(deps, platformScope, {
    to: input.applicant.email,
    subject: `Konfirmasi email permohonan MPP ${regency.name}`,
    text: [
      'Yth. Bapak/Ibu,',
      '',
      `Permohonan Mal Pelayanan Publik ${regency.name} telah kami terima dengan alamat email ini.`,
      'Konfirmasikan alamat email ini agar Kementerian PANRB dapat memverifikasinya:',
      `${origin.platform}/daftar/verifikasi/${application.id}/${email.token}`,
      '',
      `Tautan berlaku ${confirmHours} jam; tanpa konfirmasi, permohonan ini terhapus dengan sendirinya.`,
      'Bila Anda tidak mengajukan permohonan ini, abaikan email ini.',
    ].join('\n'),
  })
  await createApplicationRecord(
    deps.db,
    application,
    { emailTokenHash: email.hash, fileTokenHash: file.hash, tokensExpireAt: ends, expiresAt: ends },
    [mail.write],
  )
  mail.committed()
  return { application, fileToken: file.token }
}

type LinkKind = 'emailTokenHash' | 'editTokenHash' | 'fileTokenHash'

/** The application a secret link belongs to, and its secrets, when the token matches and has not expired. */
const recordByLink = async (deps: AppDeps, id: string, token: string, which: LinkKind) => {
  const found = await getApplicationRecord(deps.db, id)
  const expires = found?.secrets.tokensExpireAt ?? 0
  if (!found || found.secrets[which] !== hashToken(token) || expires * 1000 < deps.now().getTime()) {
    throw new ApiError(404, 'link_invalid')
  }
  return found
}

export const applicationByLink = async (deps: AppDeps, id: string, token: string, which: LinkKind) =>
  (await recordByLink(deps, id, token, which)).application

const nextStatus = (a: Application, action: LifecycleAction): Application['status'] => {
  const to = nextLifecycleState(a.status, action)
  if (!to) throw new ApiError(409, 'invalid_transition', { status: a.status, action })
  return to as Application['status']
}

/** Saves a step; a concurrent change of the same application is a 409, as is a failed claim (`onAlsoFailed`). */
const save = async (
  deps: AppDeps,
  current: Application,
  next: Application,
  secrets: ApplicationSecrets,
  also: TransactItem[],
  onAlsoFailed: ApiError = new ApiError(409, 'invalid_transition'),
) => {
  const result = await saveApplication(deps.db, next, current.status, secrets, also)
  if (result.kind === 'moved') throw new ApiError(409, 'invalid_transition', { status: current.status })
  if (result.kind === 'also_failed') throw onAlsoFailed
  return next
}

/**
 * The applicant confirms the email address from the mailed link: the application claims its regency and its
 * subdomain (refused when a tenant or another confirmed application got either first), stops expiring, and
 * the ministry now sees it.
 */
export const verifyApplicationEmail = async (deps: AppDeps, id: string, token: string) => {
  const { application, secrets } = await recordByLink(deps, id, token, 'emailTokenHash')
  const now = deps.now()
  const at = now.toISOString()
  const next: Application = {
    ...application,
    status: nextStatus(application, 'verify_email'),
    verifiedAt: at,
    updatedAt: at,
  }
  // The email link is spent; the attachment link stays, for an applicant who confirms before attaching.
  const keep = { fileTokenHash: secrets.fileTokenHash, tokensExpireAt: secondsFrom(now, linkDays) }
  const result = await saveApplication(deps.db, next, application.status, keep, [
    ...claimWrites(deps.db, application),
    auditPut(deps.db, applicationSubject(id), {
      at,
      by: application.applicant.email,
      action: 'verify_email',
    }),
  ])
  if (result.kind === 'moved') throw new ApiError(409, 'invalid_transition', { status: application.status })
  if (result.kind === 'also_failed') {
    // Someone else's claim won meanwhile: say which, as filing would have.
    const conflict = await claimConflict(deps.db, application.regencyCode, application.subdomain)
    throw claimRefusal(conflict ?? { kind: 'subdomain_taken' }, application.subdomain)
  }
  return next
}

export const getApplication = async (deps: AppDeps, id: string) => {
  const found = await getApplicationRecord(deps.db, id)
  if (!found) throw new ApiError(404, 'application_not_found')
  return found.application
}

/**
 * The ministry decides on a verified application. Approval creates the tenant in trial with its subdomain
 * live and invites the applicant as its first admin; rejection gives the regency and the subdomain back;
 * a revision request mails the applicant a link to edit and resubmit. Each decision is audited.
 */
export const decideApplication = async (
  deps: AppDeps,
  input: { id: string; action: ApplicationDecision; by: string; note?: string },
  origin: Origin,
) => {
  const { db } = deps
  const application = await getApplication(deps, input.id)
  const status = nextStatus(application, input.action)
  const now = deps.now()
  const at = now.toISOString()
  const note = input.note ? { note: input.note } : {}
  const next: Application = {
    ...application,
    status,
    updatedAt: at,
    decidedAt: at,
    ...(input.note ? { decisionNote: input.note } : {}),
  }
  const entry = { at, by: input.by, action: input.action, ...note }
  const also: TransactItem[] = [auditPut(db, applicationSubject(application.id), entry)]
  let secrets: ApplicationSecrets = {}
  let mail: string[]
  let subject: string
  const name = application.regencyName
  switch (input.action) {
    case 'approve': {
      const tenant = newTenantFromApplication(application)
      const invite = inviteFirstAdmin(deps, tenant.id, application, input.by, now)
      also.push(
        ...tenantCreation(db, tenant, application.id),
        ...invite.writes,
        auditPut(db, tenantSubject(tenant.id), entry),
      )
      const site = origin.tenant(application.subdomain)
      subject = `Permohonan MPP ${name} disetujui`
      mail = [
        `Permohonan Mal Pelayanan Publik ${name} disetujui. Situsnya kini berjalan dalam tahap uji coba:`,
        site,
        '',
        'Buat kata sandi admin MPP Anda melalui tautan ini (berlaku 72 jam, sekali pakai):',
        `${site}undangan/${invite.token}`,
      ]
      break
    }
    case 'withdraw':
      if (holdsClaims(application.status)) also.push(...releaseClaims(db, application))
      subject = `Permohonan MPP ${name} ditarik`
      mail = [
        `Permohonan Mal Pelayanan Publik ${name} ditarik oleh Kementerian PANRB.`,
        '',
        `Alasan: ${input.note ?? '-'}`,
        '',
        'Kabupaten/kota ini dapat mengajukan permohonan baru.',
      ]
      break
    case 'reject':
      also.push(...releaseClaims(db, application))
      subject = `Permohonan MPP ${name} ditolak`
      mail = [`Permohonan Mal Pelayanan Publik ${name} ditolak.`, '', `Alasan: ${input.note ?? '-'}`]
      break
    case 'request_revision': {
      const edit = newToken()
      secrets = { editTokenHash: edit.hash, tokensExpireAt: secondsFrom(now, linkDays) }
      subject = `Permohonan MPP ${name} perlu diperbaiki`
      mail = [
        `Kementerian PANRB meminta perbaikan permohonan Mal Pelayanan Publik ${name}:`,
        input.note ?? '-',
        '',
        'Perbaiki dan kirim ulang melalui tautan ini:',
        `${origin.platform}/daftar/revisi/${application.id}/${edit.token}`,
      ]
      break
    }
  }
  const decisionMail = outboxMail(deps, platformScope, {
    to: application.applicant.email,
    subject,
    text: mail.join('\n'),
  })
  await save(deps, application, next, secrets, [...also, decisionMail.write])
  decisionMail.committed()
  return next
}

/**
 * The applicant resubmits after a revision request, from the mailed link (which is then spent). The regency
 * cannot change; a new subdomain is claimed, and the old one given back, in the same write.
 */
export const resubmitApplication = async (
  deps: AppDeps,
  id: string,
  token: string,
  input: ApplicationInput,
) => {
  const application = await applicationByLink(deps, id, token, 'editTokenHash')
  if (input.regencyCode !== application.regencyCode) {
    throw new ApiError(400, 'invalid_request', [
      { path: 'regencyCode', word: 'cannotChange' } satisfies RuleIssue,
    ])
  }
  const at = deps.now().toISOString()
  const next: Application = {
    ...input,
    id,
    regencyName: application.regencyName,
    provinceName: application.provinceName,
    createdAt: application.createdAt,
    ...(application.verifiedAt ? { verifiedAt: application.verifiedAt } : {}),
    ...(application.urgencyStudyFile ? { urgencyStudyFile: application.urgencyStudyFile } : {}),
    status: nextStatus(application, 'resubmit'),
    updatedAt: at,
  }
  const also: TransactItem[] = [
    auditPut(deps.db, applicationSubject(id), { at, by: input.applicant.email, action: 'resubmit' }),
    ...(input.subdomain === application.subdomain
      ? []
      : moveSubdomainClaim(deps.db, application, input.subdomain)),
  ]
  return save(
    deps,
    application,
    next,
    {},
    also,
    new ApiError(409, 'subdomain_taken', [{ path: 'subdomain', message: input.subdomain }]),
  )
}

/** The urgency study's PDF: where it is stored and how large it may be. */
export const urgencyStudyUpload = {
  key: (id: string) => `applications/${id}/kajian-urgensi.pdf`,
  maxBytes: 5 * 1024 * 1024,
  types: [pdfType],
  refusal: 'file_not_pdf',
} satisfies UploadKind & { key: (id: string) => string }

/** The form that sends the PDF straight to the file store, which then sends the browser to `redirect`. */
export const urgencyStudyForm = async (deps: AppDeps, id: string, token: string, redirect: string) => {
  await recordByLink(deps, id, token, 'fileTokenHash')
  return uploadFormFor(deps.files, urgencyStudyUpload, urgencyStudyUpload.key(id), redirect)
}

/**
 * Records the uploaded PDF on the application once it is what it claims to be (the store's form limits its
 * size and type; a browser can still send any bytes labelled as PDF) and the store keeps it where the form,
 * which works for an hour, cannot replace it.
 */
export const attachUrgencyStudy = async (deps: AppDeps, id: string, token: string) => {
  const { application, secrets } = await recordByLink(deps, id, token, 'fileTokenHash')
  if (application.status !== 'applied' && application.status !== 'verified') {
    throw new ApiError(409, 'invalid_transition', { status: application.status })
  }
  const key = urgencyStudyUpload.key(id)
  const stored = await acceptUpload(deps.files, urgencyStudyUpload, key)
  const at = deps.now().toISOString()
  const next: Application = {
    ...application,
    urgencyStudyFile: { key, name: `kajian-urgensi-${application.subdomain}.pdf`, bytes: stored.bytes },
    updatedAt: at,
  }
  return save(deps, application, next, secrets, [
    auditPut(deps.db, applicationSubject(id), { at, by: application.applicant.email, action: 'attach_file' }),
  ])
}

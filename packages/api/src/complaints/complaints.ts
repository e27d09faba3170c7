import { randomBytes } from 'node:crypto'
import type { Logger } from '@aws-lambda-powertools/logger'
import { businessDay, type IsoDate } from '@mpp/core/business-day'
import {
  type Complaint,
  type ComplaintAction,
  type ComplaintInput,
  type ComplaintStatus,
  canDo,
  complaintDeadlines,
  formatTrackingCode,
  isQuietSinceResponse,
  maxComplaintMessages,
  normaliseTrackingCode,
  overdueStep,
  replyDeadline,
  respondAgainBy,
  respondedOnTime,
  trackingCodeFrom,
} from '@mpp/core/complaint'
import type { Rollup } from '@mpp/core/rollup'
import type { Tenant } from '@mpp/core/tenant'
import { servesCitizens } from '@mpp/core/tenant-lifecycle'
import { getService } from '@mpp/db/catalog-repository'
import type { Db } from '@mpp/db/client'
import {
  fileComplaint,
  getComplaint,
  openComplaints,
  quietComplaintCodes,
  recentlyClosedComplaints,
  saveComplaint,
} from '@mpp/db/complaint-repository'
import { requestHashOf } from '@mpp/db/idempotency'
import { type RollupBreakdown, rollupWrites } from '@mpp/db/rollup-repository'
import { getTenant, listDirectory } from '@mpp/db/tenant-repository'
import type { TransactItem } from '@mpp/db/transactions'
import { formatDate } from '@mpp/web/components/local-time'
import type { Lang } from '@mpp/web/i18n/languages'
import type { Messages } from '@mpp/web/i18n/messages'
import { loadMessages } from '@mpp/web/i18n/server-messages'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { outboxMail } from '../mail/outbox'

export interface ComplaintDeps {
  db: Db
  now: () => Date
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const holidaysOf = (tenant: Tenant) => new Set(tenant.holidays.map((h) => h.date))
export const complaintToday = (tenant: Tenant, now: Date) => businessDay(now, tenant.timeZone)

/** The roll-up writes of a complaint event, with the service's share when the complaint names one. */
const complaintRollup = (
  deps: ComplaintDeps,
  tenant: Tenant,
  day: IsoDate,
  serviceId: string | undefined,
  counters: Partial<Rollup>,
): TransactItem[] => {
  const breakdown: RollupBreakdown = serviceId ? { svc: { [serviceId]: counters } } : {}
  return rollupWrites(deps.db, tenant.id, day, counters, breakdown)
}

/** Where the receipt mail sends the citizen: the tenant's site, in the language the complaint was filed in. */
export interface ReceiptMail {
  /** The tenant's site, e.g. `https://lubuklinggau.mpp.go.id/`. */
  site: string
  lang: Lang
}

/** The receipt a citizen who gave an email gets: the tracking code, its page and the deadlines. */
const receiptMail = (
  deps: ComplaintDeps & Pick<AppDeps, 'mailer'>,
  tenant: Tenant,
  c: Complaint,
  to: ReceiptMail,
  words: Messages['complaints'],
) => {
  const email = c.contact?.email
  if (!email) return undefined
  const code = formatTrackingCode(c.code)
  return outboxMail(
    deps,
    { kind: 'tenant', tenantId: tenant.id },
    {
      to: email,
      subject: words.mailSubject(tenant.name),
      text: words.mailText({
        name: c.contact?.name ?? '',
        mpp: tenant.name,
        code,
        link: `${to.site.replace(/\/?$/, '/')}pengaduan/${code}`,
        verifyBy: formatDate(c.verifyBy, to.lang),
        respondBy: formatDate(c.respondBy, to.lang),
      }),
    },
  )
}

/**
 * Files a complaint (submitComplaint): a fresh tracking code, the deadlines in the tenant's working days,
 * `cpFiled` in the day's roll-up and, when the citizen gave an email, the receipt mail with the tracking code,
 * all in one transaction. The same idempotency key with the same input returns the first complaint (and mails
 * nothing again); with other input it is refused (422), never showing another citizen's complaint.
 */
export const submitComplaint = async (
  deps: ComplaintDeps & Pick<AppDeps, 'mailer'>,
  tenant: Tenant,
  input: ComplaintInput,
  receipt: ReceiptMail,
  idempotencyKey?: string,
): Promise<{ complaint: Complaint; replayed: boolean }> => {
  if (!servesCitizens(tenant.stage)) throw new ApiError(409, 'tenant_unavailable', { stage: tenant.stage })
  const service = input.serviceId ? await getService(deps.db, tenant.id, input.serviceId) : undefined
  if (input.serviceId && !service) throw new ApiError(404, 'service_not_found')
  const now = deps.now()
  const filedOn = complaintToday(tenant, now)
  const contact = input.anonymous ? undefined : input.contact
  const idempotency = idempotencyKey
    ? { key: idempotencyKey, requestHash: requestHashOf('submitComplaint', tenant.id, input) }
    : undefined
  const words = (await loadMessages(receipt.lang)).complaints
  for (let attempt = 0; attempt < 8; attempt++) {
    const complaint: Complaint = {
      code: trackingCodeFrom((n) => randomBytes(n)),
      status: 'received',
      category: input.category,
      text: input.text,
      ...(service ? { serviceId: service.id, serviceName: service.name } : {}),
      anonymous: input.anonymous,
      ...(contact ? { contact } : {}),
      filedAt: now.toISOString(),
      filedOn,
      ...complaintDeadlines(filedOn, holidaysOf(tenant)),
      messages: [],
      version: 1,
    }
    const mail = receiptMail(deps, tenant, complaint, receipt, words)
    const result = await fileComplaint(deps.db, tenant.id, complaint, {
      ...(idempotency ? { idempotency } : {}),
      also: [
        ...complaintRollup(deps, tenant, filedOn, service?.id, { cpFiled: 1 }),
        ...(mail ? [mail.write] : []),
      ],
    })
    if (result.kind === 'filed') {
      mail?.committed()
      return { complaint, replayed: false }
    }
    if (result.kind === 'key_reused') throw new ApiError(422, 'idempotency_key_reused')
    if (result.kind === 'replayed') {
      const earlier = await getComplaint(deps.db, tenant.id, result.code)
      if (!earlier) throw new Error(`idempotency key points at missing complaint ${result.code}`)
      return { complaint: earlier, replayed: true }
    }
    // The code was taken (about one in 10^14), or a retry with the same key raced the first: try again.
    if (result.kind === 'conflict') await pause(20 * (attempt + 1))
  }
  throw new ApiError(503, 'busy')
}

/** A complaint of this tenant by its tracking code as typed (any case, with or without dashes), or a 404. */
export const complaintOr404 = async (deps: ComplaintDeps, tenant: Tenant, typed: string) => {
  const code = normaliseTrackingCode(typed)
  const found = code ? await getComplaint(deps.db, tenant.id, code) : undefined
  if (!found) throw new ApiError(404, 'complaint_not_found')
  return found
}

/**
 * Applies a change decided on the complaint as it is now; when somebody changed it in between, reads it
 * again and decides again, so two officers acting at once never overwrite each other.
 */
const changeComplaint = async (
  deps: ComplaintDeps,
  tenant: Tenant,
  typedCode: string,
  decide: (c: Complaint, now: Date, today: IsoDate) => { next: Complaint; also?: TransactItem[] },
): Promise<Complaint> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await complaintOr404(deps, tenant, typedCode)
    const now = deps.now()
    const { next, also } = decide(current, now, complaintToday(tenant, now))
    const saved = { ...next, version: current.version + 1 }
    if (await saveComplaint(deps.db, tenant.id, saved, current.version, also)) return saved
  }
  throw new ApiError(503, 'busy')
}

const mustBeAble = (action: ComplaintAction, status: ComplaintStatus) => {
  if (!canDo(action, status)) throw new ApiError(409, 'invalid_transition', { status })
}

const tooManyMessages = (c: Complaint) => {
  if (c.messages.length >= maxComplaintMessages) throw new ApiError(409, 'complaint_thread_full')
}

/** Staff verified the complaint (and forwarded it): optionally with the LAPOR! reference it got there. */
export const verifyComplaint = (
  deps: ComplaintDeps,
  tenant: Tenant,
  code: string,
  by: string,
  laporRef?: string,
) =>
  changeComplaint(deps, tenant, code, (c, now) => {
    mustBeAble('verify', c.status)
    return {
      next: {
        ...c,
        status: 'verified',
        verifiedAt: now.toISOString(),
        verifiedBy: by,
        ...(laporRef ? { laporRef } : {}),
      },
    }
  })

/**
 * The follow-up (respondComplaint): the response is recorded with who and when, the citizen then has 10
 * working days to reply before it closes. The first response counts for the ministry, on time or not.
 */
export const respondComplaint = (
  deps: ComplaintDeps,
  tenant: Tenant,
  code: string,
  by: string,
  text: string,
) =>
  changeComplaint(deps, tenant, code, (c, now, today) => {
    mustBeAble('respond', c.status)
    tooManyMessages(c)
    const first = c.firstRespondedOn === undefined
    const next: Complaint = {
      ...c,
      status: 'responded',
      respondedAt: now.toISOString(),
      replyBy: replyDeadline(today, holidaysOf(tenant)),
      messages: [...c.messages, { from: 'staff', text, at: now.toISOString(), by }],
      ...(first ? { firstRespondedOn: today } : {}),
    }
    const also = first
      ? complaintRollup(deps, tenant, today, c.serviceId, {
          cpResponded: 1,
          cpRespondedOnTime: respondedOnTime(c, today) ? 1 : 0,
        })
      : []
    return { next, also }
  })

/** Staff close it: after a response, or before one with a note saying why (for instance "not a complaint"). */
export const closeComplaint = (
  deps: ComplaintDeps,
  tenant: Tenant,
  code: string,
  by: string,
  note?: string,
) =>
  changeComplaint(deps, tenant, code, (c, now) => {
    mustBeAble('close', c.status)
    if (!note && c.status !== 'responded') throw new ApiError(400, 'close_note_required')
    const { replyBy: _, ...rest } = c
    return {
      next: {
        ...rest,
        status: 'closed',
        closedAt: now.toISOString(),
        closedBy: by,
        ...(note ? { closeNote: note } : {}),
      },
    }
  })

/** Records (or, with undefined, removes) the reference LAPOR! gave the complaint; allowed at any status. */
export const setLaporReference = (deps: ComplaintDeps, tenant: Tenant, code: string, laporRef?: string) =>
  changeComplaint(deps, tenant, code, (c) => {
    const { laporRef: _, ...rest } = c
    return { next: laporRef ? { ...rest, laporRef } : rest }
  })

/**
 * The citizen answers a response within the quiet period: it is open again and awaits another response,
 * due 5 working days after the reply.
 */
export const replyToComplaint = (deps: ComplaintDeps, tenant: Tenant, code: string, text: string) =>
  changeComplaint(deps, tenant, code, (c, now, today) => {
    if (c.status !== 'responded' || !c.replyBy || today > c.replyBy)
      throw new ApiError(409, 'complaint_reply_closed', { status: c.status })
    tooManyMessages(c)
    const { replyBy: _, ...rest } = c
    return {
      next: {
        ...rest,
        status: 'verified',
        respondBy: respondAgainBy(today, holidaysOf(tenant)),
        messages: [...c.messages, { from: 'citizen', text, at: now.toISOString() }],
      },
    }
  })

export type ComplaintFilter = 'open' | 'overdue' | ComplaintStatus

/** The staff's list: open complaints (or one status of them, or the late ones), or the latest closed ones. */
export const listComplaints = async (deps: ComplaintDeps, tenant: Tenant, filter: ComplaintFilter) => {
  const today = complaintToday(tenant, deps.now())
  if (filter === 'closed') return { today, complaints: await recentlyClosedComplaints(deps.db, tenant.id) }
  const open = (await openComplaints(deps.db, tenant.id)).sort((a, b) => a.filedAt.localeCompare(b.filedAt))
  const complaints =
    filter === 'open'
      ? open
      : filter === 'overdue'
        ? open.filter((c) => overdueStep(c, today))
        : open.filter((c) => c.status === filter)
  // Late ones first, then by filing.
  const late = (c: Complaint) => (overdueStep(c, today) ? 0 : 1)
  return { today, complaints: complaints.sort((a, b) => late(a) - late(b)) }
}

/** What the citizen sees: no contact details and no staff identity. */
export const citizenView = (c: Complaint) => ({
  code: c.code,
  status: c.status,
  category: c.category,
  ...(c.serviceId ? { service: { id: c.serviceId, name: c.serviceName ?? c.serviceId } } : {}),
  text: c.text,
  anonymous: c.anonymous,
  filedAt: c.filedAt,
  filedOn: c.filedOn,
  verifyBy: c.verifyBy,
  respondBy: c.respondBy,
  ...(c.verifiedAt ? { verifiedAt: c.verifiedAt } : {}),
  ...(c.replyBy ? { replyBy: c.replyBy } : {}),
  ...(c.closedAt ? { closedAt: c.closedAt, closedBySystem: c.closedBy === 'system' } : {}),
  ...(c.closeNote ? { closeNote: c.closeNote } : {}),
  ...(c.laporRef ? { laporRef: c.laporRef } : {}),
  messages: c.messages.map(({ from, text, at }) => ({ from, text, at })),
})

/** What staff see: everything, and whether a step is late today. */
export const staffView = (c: Complaint, today: IsoDate) => {
  const { version: _, ...rest } = c
  const late = overdueStep(c, today)
  return { ...rest, overdue: late ?? null }
}

/**
 * The scheduled job's complaint part: closes every responded complaint whose citizen stayed quiet for 10
 * working days. Reads only the due ones of each tenant (a key range of gsi1), never the whole table.
 */
export const closeQuietComplaints = async (deps: ComplaintDeps & { logger: Logger }) => {
  const closed: { tenantId: string; code: string }[] = []
  for (const entry of await listDirectory(deps.db)) {
    if (entry.stage === 'closed') continue
    try {
      const tenant = await getTenant(deps.db, entry.id)
      if (!tenant) continue
      const today = complaintToday(tenant, deps.now())
      for (const code of await quietComplaintCodes(deps.db, tenant.id, today)) {
        try {
          await changeComplaint(deps, tenant, code, (c, now, day) => {
            // Read again inside the change: a citizen may have replied a moment ago.
            if (!isQuietSinceResponse(c, day)) throw new NotDue()
            const { replyBy: _, ...rest } = c
            return { next: { ...rest, status: 'closed', closedAt: now.toISOString(), closedBy: 'system' } }
          })
          closed.push({ tenantId: tenant.id, code })
        } catch (error) {
          if (!(error instanceof NotDue)) throw error
        }
      }
    } catch (error) {
      deps.logger.error('closing quiet complaints failed', { tenant: entry.id, error })
    }
  }
  return closed
}

class NotDue extends Error {}

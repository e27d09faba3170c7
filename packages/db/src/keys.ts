import type { TenantId } from '@mpp/core/tenant'

/**
 * Key builders. Every tenant-owned key starts with `T#{tenantId}` so an IAM LeadingKeys condition can confine
 * a request to one tenant; platform items start with `P#`.
 */
export type Scope = { kind: 'tenant'; tenantId: TenantId } | { kind: 'platform' }

/** gsi1's partition of every tenant's directory entry: the platform lists them all with one Query. */
export const directoryIndexPk = 'DIRECTORY'

export const tenantPk = (tenantId: TenantId) => `T#${tenantId}`

export const keys = {
  tenant: (tenantId: TenantId) => ({ pk: tenantPk(tenantId), sk: 'TENANT' }),
  logo: (tenantId: TenantId) => ({ pk: tenantPk(tenantId), sk: 'LOGO' }),
  agency: (tenantId: TenantId, agencyId: string) => ({ pk: tenantPk(tenantId), sk: `CAT#A#${agencyId}` }),
  service: (tenantId: TenantId, serviceId: string) => ({ pk: tenantPk(tenantId), sk: `CAT#S#${serviceId}` }),
  /** The eight internal components of a service's standard, apart from it so no citizen read fetches them. */
  serviceInternal: (tenantId: TenantId, serviceId: string) => ({
    pk: tenantPk(tenantId),
    sk: `STD#${serviceId}`,
  }),
  /** A document kind the tenant added, or one of the defaults as the tenant renamed or retired it. */
  documentKind: (tenantId: TenantId, kindId: string) => ({ pk: tenantPk(tenantId), sk: `DOCK#${kindId}` }),
  /** A service's online form (issue 14): apart from the service, which the editor and the CSV import replace. */
  serviceOnlineForm: (tenantId: TenantId, serviceId: string) => ({
    pk: tenantPk(tenantId),
    sk: `ONL#${serviceId}`,
  }),
  /** One stop of the mobile service; by date, so upcoming ones read with one Query from today on. */
  mobileVisit: (tenantId: TenantId, date: string, id: string) => ({
    pk: tenantPk(tenantId),
    sk: `MOB#${date}#${id}`,
  }),
  slug: (slug: string) => ({ pk: `P#SLUG#${slug}`, sk: 'SLUG' }),
  /** Held by a pending application or a tenant: one per regency. */
  regencyClaim: (regencyCode: string) => ({ pk: `P#REGENCY#${regencyCode}`, sk: 'CLAIM' }),
  application: (id: string) => ({ pk: `P#APP#${id}`, sk: 'APP' }),
  /** One decision or event about an application or a tenant, newest last. */
  audit: (subject: string, at: string, id: string) => ({ pk: `P#AUDIT#${subject}`, sk: `${at}#${id}` }),
  /** One mail in the outbox: the platform's own (`P#MAIL`) or one a tenant's request wrote (`T#{tenant}#MAIL`). */
  mail: (scope: Scope, at: string, id: string) => ({
    pk: scope.kind === 'platform' ? 'P#MAIL' : `${tenantPk(scope.tenantId)}#MAIL`,
    sk: `${at}#${id}`,
  }),
  invite: (tenantId: TenantId, tokenHash: string) => ({ pk: `${tenantPk(tenantId)}#INVITE`, sk: tokenHash }),
  /** What the platform lists of a tenant, in the tenant's own partition (so its role can rename it). */
  directoryEntry: (tenantId: TenantId) => ({ pk: tenantPk(tenantId), sk: 'DIRECTORY' }),
  account: (scope: Scope, email: string) => ({ pk: scopePk(scope, 'USERS'), sk: `USER#${email}` }),
  /** Which of an account's sessions no longer count, beside the account. */
  sessionRevocation: (scope: Scope, email: string) => ({
    pk: scopePk(scope, 'USERS'),
    sk: `SESSREV#${email}`,
  }),
  rateLimit: (scope: Scope, bucket: string) => ({ pk: scopePk(scope, 'RL'), sk: bucket }),
  health: () => ({ pk: 'P#HEALTH', sk: 'HEALTH' }),

  queue: (tenantId: TenantId, queueId: string) => ({ pk: tenantPk(tenantId), sk: `QCFG#Q#${queueId}` }),
  counter: (tenantId: TenantId, counterId: string) => ({ pk: tenantPk(tenantId), sk: `QCFG#C#${counterId}` }),
  /** The day's live state of a queue: its ticket counter and its roll-up for the statistics. */
  liveQueue: (tenantId: TenantId, day: string, queueId: string) => ({
    pk: livePk(tenantId, day),
    sk: `Q#${queueId}`,
  }),
  /** One per waiting ticket, removed when it is called: the line itself, in arrival order. */
  waiting: (tenantId: TenantId, day: string, arrivedAt: string, ticketKey: string) => ({
    pk: livePk(tenantId, day),
    sk: `W#${arrivedAt}#${ticketKey}`,
  }),
  /** A ticket put on hold, out of the line until a counter resumes it. */
  held: (tenantId: TenantId, day: string, ticketKey: string) => ({
    pk: livePk(tenantId, day),
    sk: `H#${ticketKey}`,
  }),
  /** A counter's own share of the day's statistics: counters never write a shared item, so they never collide. */
  counterStats: (tenantId: TenantId, day: string, counterId: string) => ({
    pk: livePk(tenantId, day),
    sk: `K#${counterId}`,
  }),
  /** What a counter is doing now: the ticket it called, for the display board and the console. */
  counterCall: (tenantId: TenantId, day: string, counterId: string) => ({
    pk: livePk(tenantId, day),
    sk: `C#${counterId}`,
  }),
  ticket: (tenantId: TenantId, ticketKey: string) => ({
    pk: `${tenantPk(tenantId)}#TK#${ticketKey.slice(0, 10)}`,
    sk: ticketKey,
  }),
  /** Bookings and slot counts of one day share a partition, so a day's slots read in one Query. */
  slot: (tenantId: TenantId, date: string, serviceId: string, time: string) => ({
    pk: appointmentPk(tenantId, date),
    sk: `SLOT#${serviceId}#${time}`,
  }),
  booking: (tenantId: TenantId, date: string, code: string) => ({
    pk: appointmentPk(tenantId, date),
    sk: `B#${code}`,
  }),
  /** The one-time code last sent to a phone number (a booking proves the number with it). */
  phoneCode: (tenantId: TenantId, phone: string) => ({ pk: `${tenantPk(tenantId)}#PH#${phone}`, sk: 'CODE' }),
  /** The sign-in code last sent to a citizen's address (hashed, TTL 10 minutes). */
  signInCode: (tenantId: TenantId, address: string) => ({
    pk: `${tenantPk(tenantId)}#CIT`,
    sk: `CODE#${address}`,
  }),
  /** A citizen of this MPP, by the address they sign in with, and the sessions they signed out of. */
  citizen: (tenantId: TenantId, address: string) => ({ pk: `${tenantPk(tenantId)}#CIT`, sk: `C#${address}` }),
  /** A missed appointment, kept per phone number for the no-show rule. */
  noShow: (tenantId: TenantId, phone: string, date: string, code: string) => ({
    pk: `${tenantPk(tenantId)}#PH#${phone}`,
    sk: `NS#${date}#${code}`,
  }),
  /** A closed day's totals; `gsi1` lists every tenant's summary of one day for the ministry. */
  daySummary: (tenantId: TenantId, day: string) => ({
    pk: `${tenantPk(tenantId)}#R`,
    sk: `D#${day}`,
    gsi1pk: `DAY#${day}`,
    gsi1sk: tenantId,
  }),
  /** One survey response, keyed by the ticket it rates: one per ticket. Keys start with the day, for ranges. */
  surveyResponse: (tenantId: TenantId, ticketKey: string) => ({
    pk: `${tenantPk(tenantId)}#SV`,
    sk: ticketKey,
  }),
  /** A tenant's roll-up of one day: tickets, survey and complaint counters, with per service/queue/agency ones. */
  rollupDay: (tenantId: TenantId, day: string) => ({ pk: `${tenantPk(tenantId)}#R`, sk: `S#${day}` }),
  /** A tenant's roll-up of one month; `gsi1` lists every tenant's month for the ministry (514 items). */
  rollupMonth: (tenantId: TenantId, month: string) => ({
    pk: `${tenantPk(tenantId)}#R`,
    sk: `M#${month}`,
    gsi1pk: `MONTH#${month}`,
    gsi1sk: tenantId,
  }),
  /** The nation's roll-up of one day: every tenant's counters added up. */
  nationalDay: (day: string) => ({ pk: 'P#NATIONAL', sk: `D#${day}` }),
  /**
   * A complaint, by its tracking code. `gsi1` keeps a tenant's open complaints together (the responded ones
   * by their reply deadline, so the quiet-period close reads only those due) and its closed ones newest last.
   */
  complaint: (tenantId: TenantId, code: string) => ({ pk: complaintPk(tenantId), sk: code }),
  /**
   * A service request (issue 14), by its tracking code. `gsi1` (not for drafts, which are the citizen's alone)
   * keeps each agency's open requests together, oldest submission first, and its finished ones apart.
   */
  serviceRequest: (tenantId: TenantId, code: string) => ({ pk: serviceRequestPk(tenantId), sk: `R#${code}` }),
  /** One look at one of a service request's documents: who opened which, when (kept with the request). */
  serviceRequestView: (tenantId: TenantId, code: string, at: string, id: string) => ({
    pk: serviceRequestPk(tenantId),
    sk: `R#${code}#V#${at}#${id}`,
  }),
  /** A citizen's own line for one of their service requests, with its status: their list is one Query. */
  citizenServiceRequest: (tenantId: TenantId, address: string, code: string) => ({
    pk: `${tenantPk(tenantId)}#CIT`,
    sk: `C#${address}#R#${code}`,
  }),
  /** The citizen's draft for a service, if any: a second start finds it instead of making another. */
  citizenDraft: (tenantId: TenantId, address: string, serviceId: string) => ({
    pk: `${tenantPk(tenantId)}#CIT`,
    sk: `C#${address}#DRAFT#${serviceId}`,
  }),
  /** A document a citizen keeps for later requests, one per document kind (the newest handed in). */
  keptDocument: (tenantId: TenantId, address: string, kindId: string) => ({
    pk: `${tenantPk(tenantId)}#CIT`,
    sk: `C#${address}#D#${kindId}`,
  }),
  idempotency: (tenantId: TenantId, key: string) => ({ pk: `${tenantPk(tenantId)}#IDEM`, sk: key }),
  outbox: (tenantId: TenantId, at: string, id: string) => ({
    pk: `${tenantPk(tenantId)}#OUT`,
    sk: `${at}#${id}`,
  }),
} as const

/** Every complaint of a tenant, one item each, keyed by tracking code. */
export function complaintPk(tenantId: TenantId): string {
  return `${tenantPk(tenantId)}#CP`
}

/** Every service request of a tenant, one item each, keyed by tracking code. */
export const serviceRequestPk = (tenantId: TenantId) => `${tenantPk(tenantId)}#SR`

/** The gsi1 partitions of one agency's open and finished service requests. */
export const serviceRequestIndexPk = (tenantId: TenantId, agencyId: string, open: boolean) =>
  `${serviceRequestPk(tenantId)}#A#${agencyId}#${open ? 'OPEN' : 'DONE'}`

/** The gsi1 partitions of a tenant's open and closed complaints. */
export const complaintIndexPk = (tenantId: TenantId, open: boolean) =>
  `${complaintPk(tenantId)}#${open ? 'OPEN' : 'CLOSED'}`

export function appointmentPk(tenantId: TenantId, date: string): string {
  return `${tenantPk(tenantId)}#AP#${date}`
}

/**
 * Everything live about one tenant's day in one partition (queue counters, waiting line, counters' calls),
 * so the display board, the console and the ticket page each read it with a single Query.
 */
export function livePk(tenantId: TenantId, day: string): string {
  return `${tenantPk(tenantId)}#L#${day}`
}

export const skPrefix = {
  agencies: 'CAT#A#',
  services: 'CAT#S#',
  catalog: 'CAT#',
  documentKinds: 'DOCK#',
  onlineForms: 'ONL#',
  accounts: 'USER#',
  queueConfig: 'QCFG#',
  queues: 'QCFG#Q#',
  counters: 'QCFG#C#',
  liveQueues: 'Q#',
  waiting: 'W#',
  held: 'H#',
  slots: 'SLOT#',
  bookings: 'B#',
  counterCalls: 'C#',
  counterStats: 'K#',
} as const

/** The partition a scope's items of one kind live in: accounts share the tenant's main partition. */
function scopePk(scope: Scope, kind: 'USERS' | 'RL'): string {
  if (scope.kind === 'platform') return `P#${kind}`
  return kind === 'USERS' ? tenantPk(scope.tenantId) : `${tenantPk(scope.tenantId)}#${kind}`
}

import type { IsoDate, TimeZone } from '@mpp/core/business-day'
import type { FormFieldType } from '@mpp/core/service-online-form'
import type {
  RequestDocumentStatus,
  ServiceRequestAction,
  ServiceRequestResult,
  ServiceRequestStatus,
} from '@mpp/core/service-request'
import { describedBy, ErrorSummary, FieldError } from '../components/form-errors'
import { Layout } from '../components/layout'
import { formatDate, formatInstant, formatTime } from '../components/local-time'
import type { PageContext } from '../components/page-context'

/**
 * A citizen's online application (issue 14) as pages, all plain forms without script: the draft with its
 * documents and form, the request as its owner follows it, the printable receipt, their list, their kept
 * documents, and the public tracking page.
 */
const styles = ['complaints.css', 'service-requests.css']

/** A file size as people read it: "350 KB", "1,2 MB". */
export const fileSize = (bytes: number, lang: 'id' | 'en') => {
  const number = (n: number) =>
    n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })
  return bytes >= 1024 * 1024
    ? `${number(bytes / 1024 / 1024)} MB`
    : `${number(Math.max(1, bytes / 1024))} KB`
}

export interface HandedInDocument {
  fileName: string
  bytes: number
  version: number
  status: RequestDocumentStatus
  reason?: string
}

/** One document a form asks for, as the draft page shows it. */
export interface DocumentRow {
  kindId: string
  name: string
  note?: string
  handedIn?: HandedInDocument
  /** The form that sends a file straight to the store (none while the citizen may not change it). */
  upload?: { url: string; fields: Record<string, string> }
  /** The citizen's kept document of this kind, offered instead of an upload. */
  kept?: { fileName: string; keptAt: string }
  /** Why the submission was refused for this document. */
  error?: string
}

/** One field of the form, with what was typed and why it was refused. */
export interface FieldRow {
  id: string
  type: FormFieldType
  label: string
  required: boolean
  options?: { value: string; label: string }[]
  value: string
  error?: string
}

export interface StepRow {
  at: string
  action: ServiceRequestAction
  status: ServiceRequestStatus
  note?: string
}

export interface DeadlineView {
  completionDays?: number
  deadline?: { dueOn?: IsoDate; state: string; used: number; overdue: boolean }
}

const TrackingCode = ({ ctx, display }: { ctx: PageContext; display: string }) => (
  <p class="tracking-code">
    <span class="tracking-code__caption">{ctx.m.serviceRequests.code}</span>
    <strong class="tracking-code__value">{display}</strong>
  </p>
)

const Steps = ({ ctx, steps, timeZone }: { ctx: PageContext; steps: StepRow[]; timeZone: TimeZone }) => {
  const t = ctx.m.serviceRequests
  return (
    <section aria-labelledby="steps">
      <h2 id="steps">{t.steps}</h2>
      <ol class="request-steps">
        {steps.map((s) => (
          <li>
            <time datetime={s.at}>{formatInstant(s.at, timeZone, ctx.lang)}</time>
            <br />
            <strong>{ctx.m.serviceRequestStep[s.action]}</strong> · {ctx.m.serviceRequestStatus[s.status]}
            {s.note && <p class="prewrap">{s.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}

const Deadline = ({ ctx, view }: { ctx: PageContext; view: DeadlineView }) => {
  const t = ctx.m.serviceRequests
  const { completionDays, deadline } = view
  if (!completionDays) return null
  return (
    <div>
      <dt>{t.deadline}</dt>
      <dd>
        {t.deadlineDays(completionDays)}
        {deadline?.state === 'running' && deadline.dueOn && (
          <>
            <br />
            <strong>{t.dueOn(formatDate(deadline.dueOn, ctx.lang))}</strong>
          </>
        )}
        {deadline?.state === 'paused' && (
          <>
            <br />
            {t.deadlinePaused}
          </>
        )}
        {deadline?.state === 'stopped' && (
          <>
            <br />
            {t.deadlineStopped(deadline.used)}
          </>
        )}
        {deadline?.overdue && (
          <>
            <br />
            <strong class="overdue">{t.deadlineOverdue}</strong>
          </>
        )}
      </dd>
    </div>
  )
}

const HandedIn = ({ ctx, doc }: { ctx: PageContext; doc: HandedInDocument }) => {
  const t = ctx.m.serviceRequests
  return (
    <>
      <p>
        {t.handedIn(doc.fileName, fileSize(doc.bytes, ctx.lang), doc.version)} ·{' '}
        <strong class={doc.status === 'fix' ? 'overdue' : undefined}>
          {ctx.m.serviceRequestDocument[doc.status]}
        </strong>
      </p>
      {doc.status === 'fix' && doc.reason && <p class="prewrap">{t.fixReason(doc.reason)}</p>}
    </>
  )
}

export interface DraftPageProps {
  ctx: PageContext
  code: string
  display: string
  serviceName: string
  status: 'draft' | 'needs_fix'
  documents: DocumentRow[]
  fields: FieldRow[]
  /** The top of the page: a refusal, with each refused part linked. */
  alert?: string
  notice?: string
  timeZone: TimeZone
  steps: StepRow[]
}

const fieldControl = (f: FieldRow, ctx: PageContext) => {
  const t = ctx.m.serviceRequests
  const id = `isian-${f.id}`
  const common = {
    id,
    name: `isian.${f.id}`,
    'aria-invalid': f.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(f.error && `${id}-error`, f.type === 'nik' && `${id}-hint`),
    required: f.required || undefined,
  }
  if (f.type === 'choice')
    return (
      <select {...common}>
        <option value="">{t.choose}</option>
        {(f.options ?? []).map((o) => (
          <option value={o.value} selected={o.value === f.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  if (f.type === 'date') return <input {...common} type="date" value={f.value} />
  if (f.type === 'number') return <input {...common} inputmode="decimal" value={f.value} maxlength={30} />
  if (f.type === 'nik')
    return <input {...common} inputmode="numeric" autocomplete="off" maxlength={16} value={f.value} />
  return <input {...common} value={f.value} maxlength={2000} />
}

/** The draft (or the request sent back for fixes): documents first, then the form and its buttons. */
export const ServiceRequestDraftPage = (p: DraftPageProps) => {
  const { ctx } = p
  const t = ctx.m.serviceRequests
  const base = `/warga/permohonan/${p.display}`
  const refused = [
    ...p.documents.flatMap((d) =>
      d.error ? [{ href: `#dokumen-${d.kindId}`, label: d.name, message: d.error }] : [],
    ),
    ...p.fields.flatMap((f) =>
      f.error ? [{ href: `#isian-${f.id}`, label: f.label, message: f.error }] : [],
    ),
  ]
  return (
    <Layout ctx={ctx} title={`${p.serviceName} · ${p.display}`} styles={styles}>
      <p>
        <a href="/warga/permohonan">{t.myRequests}</a>
      </p>
      <h1>{p.serviceName}</h1>
      <TrackingCode ctx={ctx} display={p.display} />
      <p class="lead">{p.status === 'needs_fix' ? t.fixLead : t.draftLead}</p>
      {p.alert && <ErrorSummary alert={p.alert} title={t.summaryTitle} items={refused} id="refusal" />}
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}

      {p.documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">{t.documents}</h2>
          <p class="hint">{t.documentsHint}</p>
          <ul class="request-documents">
            {p.documents.map((d) => (
              <li id={`dokumen-${d.kindId}`} class={d.error ? 'request-document--refused' : undefined}>
                <h3>
                  {d.name}
                  {d.note && <span class="muted"> ({d.note})</span>}
                </h3>
                {d.handedIn ? <HandedIn ctx={ctx} doc={d.handedIn} /> : <p>{t.notYet}</p>}
                <FieldError id={`dokumen-${d.kindId}`} message={d.error} />
                {d.upload && (
                  <form
                    method="post"
                    action={d.upload.url}
                    enctype="multipart/form-data"
                    class="form upload-form"
                  >
                    {Object.entries(d.upload.fields).map(([name, value]) => (
                      <input type="hidden" name={name} value={value} />
                    ))}
                    <label for={`berkas-${d.kindId}`}>{t.chooseFile(d.name)}</label>
                    <input
                      id={`berkas-${d.kindId}`}
                      type="file"
                      name="file"
                      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                      required
                      aria-describedby={describedBy(d.error && `dokumen-${d.kindId}-error`)}
                    />
                    <button type="submit" class="button button--secondary">
                      {d.handedIn ? t.replace : t.upload}
                    </button>
                  </form>
                )}
                {d.kept && (
                  <form method="post" action={`${base}/dokumen/${d.kindId}/tersimpan`} class="form">
                    <p class="muted">
                      {t.useKeptLabel(
                        d.name,
                        d.kept.fileName,
                        formatInstant(d.kept.keptAt, p.timeZone, ctx.lang),
                      )}
                    </p>
                    <button type="submit" class="button button--secondary">
                      {t.useKept}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="answers">
        <h2 id="answers">{t.answers}</h2>
        <form method="post" action={base} class="form narrow" novalidate>
          {p.fields.map((f) => (
            <>
              <label for={`isian-${f.id}`}>
                {f.label}
                {!f.required && <span class="muted"> {t.optional}</span>}
              </label>
              {f.type === 'nik' && (
                <p class="hint" id={`isian-${f.id}-hint`}>
                  {t.nikHint}
                </p>
              )}
              <FieldError id={`isian-${f.id}`} message={f.error} />
              {fieldControl(f, ctx)}
            </>
          ))}
          <button type="submit" name="aksi" value="kirim" class="button">
            {p.status === 'needs_fix' ? t.resubmit : t.submit}
          </button>
          <button type="submit" name="aksi" value="simpan" class="button button--secondary">
            {t.saveDraft}
          </button>
        </form>
      </section>
      {p.status === 'needs_fix' && <Steps ctx={ctx} steps={p.steps} timeZone={p.timeZone} />}
    </Layout>
  )
}

export interface RequestSummary extends DeadlineView {
  display: string
  serviceName: string
  status: ServiceRequestStatus
  startedAt: string
  submittedAt?: string
  steps: StepRow[]
  /** How a ready result reaches the citizen: to collect (with the slot booked, once it is). */
  result?: ServiceRequestResult
}

/** A result waiting at the counter: the time booked to collect it, or the way to book one. */
const Collection = ({
  ctx,
  request,
  timeZone,
}: {
  ctx: PageContext
  request: RequestSummary
  timeZone: TimeZone
}) => {
  const t = ctx.m.serviceRequestCollection
  const result = request.result
  if (request.status !== 'ready' || result?.kind !== 'collect') return null
  if (result.bookingCode && result.slotDate && result.slotTime)
    return (
      <p class="notice">
        {t.booked(
          result.bookingCode,
          `${formatDate(result.slotDate, ctx.lang)} ${formatTime(result.slotTime, timeZone)}`,
        )}
      </p>
    )
  return (
    <p>
      <a class="button" href={`/warga/permohonan/${request.display}/jadwal`}>
        {t.choose}
      </a>
    </p>
  )
}

/** The request as its owner follows it once sent: status, deadline, documents, answers and every step. */
export const ServiceRequestPage = ({
  ctx,
  request,
  documents,
  answers,
  timeZone,
  notice,
}: {
  ctx: PageContext
  request: RequestSummary
  documents: { name: string; handedIn?: HandedInDocument }[]
  answers: { label: string; value: string }[]
  timeZone: TimeZone
  notice?: string
}) => {
  const t = ctx.m.serviceRequests
  return (
    <Layout ctx={ctx} title={`${request.serviceName} · ${request.display}`} styles={styles}>
      <p>
        <a href="/warga/permohonan">{t.myRequests}</a>
      </p>
      <h1>{request.serviceName}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <TrackingCode ctx={ctx} display={request.display} />
      <dl class="facts">
        <div>
          <dt>{t.status}</dt>
          <dd>{ctx.m.serviceRequestStatus[request.status]}</dd>
        </div>
        {request.submittedAt && (
          <div>
            <dt>{t.submittedOn}</dt>
            <dd>{formatInstant(request.submittedAt, timeZone, ctx.lang)}</dd>
          </div>
        )}
        <Deadline ctx={ctx} view={request} />
      </dl>
      <Collection ctx={ctx} request={request} timeZone={timeZone} />
      {request.submittedAt && (
        <p>
          <a href={`/warga/permohonan/${request.display}/tanda-terima`}>{t.receiptLink}</a>
        </p>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">{t.documents}</h2>
          <ul class="request-documents">
            {documents.map((d) => (
              <li>
                <h3>{d.name}</h3>
                {d.handedIn ? <HandedIn ctx={ctx} doc={d.handedIn} /> : <p>{t.notYet}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {answers.length > 0 && (
        <section aria-labelledby="answers">
          <h2 id="answers">{t.answers}</h2>
          <dl class="facts">
            {answers.map((a) => (
              <div>
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <Steps ctx={ctx} steps={request.steps} timeZone={timeZone} />
    </Layout>
  )
}

/** The receipt after submission: the code to write down, what was handed in and what comes next; it prints. */
export const ServiceRequestReceiptPage = ({
  ctx,
  request,
  documents,
  trackingUrl,
  timeZone,
  justSubmitted,
}: {
  ctx: PageContext
  request: RequestSummary
  documents: { name: string; fileName: string }[]
  trackingUrl: string
  timeZone: TimeZone
  justSubmitted: boolean
}) => {
  const t = ctx.m.serviceRequests
  return (
    <Layout ctx={ctx} title={`${t.receiptTitle} · ${request.display}`} styles={styles}>
      <div class="receipt">
        {justSubmitted && (
          <p class="notice" role="status">
            {t.submittedNow}
          </p>
        )}
        <h1>{t.receiptTitle}</h1>
        <p class="brand-line">{ctx.brand?.name}</p>
        <TrackingCode ctx={ctx} display={request.display} />
        <p>
          <strong>{t.writeDown}</strong>
        </p>
        <dl class="facts">
          <div>
            <dt>{t.service}</dt>
            <dd>{request.serviceName}</dd>
          </div>
          {request.submittedAt && (
            <div>
              <dt>{t.submittedOn}</dt>
              <dd>{formatInstant(request.submittedAt, timeZone, ctx.lang)}</dd>
            </div>
          )}
          <div>
            <dt>{t.status}</dt>
            <dd>{ctx.m.serviceRequestStatus[request.status]}</dd>
          </div>
          <Deadline ctx={ctx} view={request} />
        </dl>
        {documents.length > 0 && (
          <>
            <h2>{t.documentsHandedIn}</h2>
            <ul class="checklist">
              {documents.map((d) => (
                <li>
                  {d.name}: {d.fileName}
                </li>
              ))}
            </ul>
          </>
        )}
        {request.completionDays && (
          <>
            <h2>{t.nextSteps}</h2>
            <p>{t.nextStepsText(request.completionDays)}</p>
          </>
        )}
        <p>
          {t.trackAt} <a href={trackingUrl}>{trackingUrl}</a>
        </p>
        <p class="muted screen-only">{t.printHint}</p>
        <p class="screen-only">
          <a href={`/warga/permohonan/${request.display}`}>{t.openRequest}</a> ·{' '}
          <a href="/warga/permohonan">{t.myRequests}</a>
        </p>
      </div>
    </Layout>
  )
}

export interface RequestLineRow {
  display: string
  serviceName: string
  status: ServiceRequestStatus
  startedAt: string
}

/** "Permohonan saya": the citizen's requests, drafts first to continue. */
export const MyServiceRequestsPage = ({
  ctx,
  lines,
  timeZone,
}: {
  ctx: PageContext
  lines: RequestLineRow[]
  timeZone: TimeZone
}) => {
  const t = ctx.m.serviceRequests
  return (
    <Layout ctx={ctx} title={t.myRequests} styles={styles}>
      <p>
        <a href="/warga">{ctx.m.citizenSignIn.accountTitle}</a>
      </p>
      <h1>{t.myRequests}</h1>
      <p class="lead">{t.myRequestsLead}</p>
      {lines.length === 0 ? (
        <p>{t.noRequests}</p>
      ) : (
        <ul class="request-list">
          {lines.map((l) => (
            <li>
              <a href={`/warga/permohonan/${l.display}`}>
                <strong>{l.serviceName}</strong>
              </a>
              <br />
              <span class="mono">{l.display}</span> · {ctx.m.serviceRequestStatus[l.status]}
              <br />
              <span class="muted">
                {t.startedOn}: {formatInstant(l.startedAt, timeZone, ctx.lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/warga/dokumen">{t.myDocuments}</a>
      </p>
    </Layout>
  )
}

/** "Dokumen saya": what is kept for the next application, each with its delete button. */
export const MyDocumentsPage = ({
  ctx,
  documents,
  timeZone,
  notice,
}: {
  ctx: PageContext
  documents: { kindId: string; name: string; fileName: string; bytes: number; keptAt: string }[]
  timeZone: TimeZone
  notice?: string
}) => {
  const t = ctx.m.serviceRequests
  return (
    <Layout ctx={ctx} title={t.myDocuments} styles={styles}>
      <p>
        <a href="/warga">{ctx.m.citizenSignIn.accountTitle}</a>
      </p>
      <h1>{t.myDocuments}</h1>
      <p class="lead">{t.myDocumentsLead}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {documents.length === 0 ? (
        <p>{t.noDocuments}</p>
      ) : (
        <ul class="request-documents">
          {documents.map((d) => (
            <li>
              <h2>{d.name}</h2>
              <p>
                {d.fileName} ({fileSize(d.bytes, ctx.lang)}) ·{' '}
                <span class="muted">{t.keptOn(formatInstant(d.keptAt, timeZone, ctx.lang))}</span>
              </p>
              <form method="post" action={`/warga/dokumen/${d.kindId}/hapus`} class="form">
                <button
                  type="submit"
                  class="button button--secondary"
                  aria-label={t.deleteDocumentLabel(d.name)}
                >
                  {t.deleteDocument}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/warga/permohonan">{t.myRequests}</a>
      </p>
    </Layout>
  )
}

/** The public tracking page: the lookup form, and the request when a code was given. */
export const ServiceRequestTrackPage = ({
  ctx,
  request,
  typed,
  error,
  timeZone,
}: {
  ctx: PageContext
  request?: RequestSummary
  typed?: string
  error?: string
  timeZone: TimeZone
}) => {
  const t = ctx.m.serviceRequests
  return (
    <Layout ctx={ctx} title={request ? `${t.trackTitle} · ${request.display}` : t.trackTitle} styles={styles}>
      <h1>{t.trackTitle}</h1>
      {request ? (
        <>
          <TrackingCode ctx={ctx} display={request.display} />
          <dl class="facts">
            <div>
              <dt>{t.service}</dt>
              <dd>{request.serviceName}</dd>
            </div>
            <div>
              <dt>{t.status}</dt>
              <dd>{ctx.m.serviceRequestStatus[request.status]}</dd>
            </div>
            {request.submittedAt && (
              <div>
                <dt>{t.submittedOn}</dt>
                <dd>{formatInstant(request.submittedAt, timeZone, ctx.lang)}</dd>
              </div>
            )}
            <Deadline ctx={ctx} view={request} />
          </dl>
          <Steps ctx={ctx} steps={request.steps} timeZone={timeZone} />
          <p class="muted">{t.trackNoPersonal}</p>
        </>
      ) : (
        <form method="get" action="/permohonan" class="form narrow" novalidate>
          <p class="lead">{t.trackLead}</p>
          <label for="kode">{t.code}</label>
          <FieldError id="kode" message={error} />
          <input
            id="kode"
            name="kode"
            autocomplete="off"
            maxlength={20}
            value={typed ?? ''}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(error && 'kode-error')}
          />
          <button type="submit" class="button">
            {t.trackButton}
          </button>
        </form>
      )}
    </Layout>
  )
}

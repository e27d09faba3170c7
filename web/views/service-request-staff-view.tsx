import type { TimeZone } from '@mpp/core/business-day'
import type { ServiceRequest } from '@mpp/core/service-request'
import type { Deadline } from '@mpp/core/service-request-deadline'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { Layout } from '../components/layout'
import { formatDate, formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'

const styles = ['complaints.css']

export type StaffRequest = Omit<ServiceRequest, 'version'> & { display: string; deadline: Deadline }
export type RequestListFilter = 'open' | 'overdue' | 'done'
const filters: RequestListFilter[] = ['open', 'overdue', 'done']

/** The overdue mark: words and an icon, in bold, never colour alone. */
const LateMark = ({ ctx }: { ctx: PageContext }) => (
  <span class="late">
    <span aria-hidden="true">⚠ </span>
    <strong>{ctx.m.serviceRequestStaff.overdue}</strong>
  </span>
)

/** Where the deadline stands: its day, or why there is none now. */
const Due = ({ ctx, d }: { ctx: PageContext; d: Deadline }) => {
  const t = ctx.m.serviceRequestStaff
  if (d.state === 'paused') return <>{t.paused}</>
  return <>{d.dueOn ? formatDate(d.dueOn, ctx.lang) : '–'}</>
}

interface ListProps {
  ctx: PageContext
  filter: RequestListFilter
  agencies: { id: string; name: string }[]
  agencyId?: string
  requests: StaffRequest[]
  timeZone: TimeZone
}

/** `/staf/permohonan`: the requests of the staff member's agencies, overdue first and marked. */
export const ServiceRequestListPage = ({
  ctx,
  filter,
  agencies,
  agencyId,
  requests,
  timeZone,
}: ListProps) => {
  const { m, lang } = ctx
  const t = m.serviceRequestStaff
  return (
    <Layout ctx={ctx} title={t.title} styles={styles}>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {agencies.length === 0 ? (
        <p class="notice" role="status">
          {t.noAgencies}
        </p>
      ) : (
        <form method="get" action="/staf/permohonan" class="filter-form">
          <label for="status">{t.filter}</label>
          <select id="status" name="status">
            {filters.map((f) => (
              <option value={f} selected={f === filter}>
                {t.filters[f]}
              </option>
            ))}
          </select>
          {agencies.length > 1 && (
            <>
              <label for="agency">{t.agency}</label>
              <select id="agency" name="instansi">
                <option value="">{t.allAgencies}</option>
                {agencies.map((a) => (
                  <option value={a.id} selected={a.id === agencyId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="submit" class="button button--secondary">
            {t.filterSubmit}
          </button>
        </form>
      )}
      <p class="muted" role="status">
        {t.count(requests.length)}
      </p>
      {requests.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="complaint-table">
            <thead>
              <tr>
                <th scope="col">{t.colCode}</th>
                <th scope="col">{t.colSubmitted}</th>
                <th scope="col">{t.colService}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colDue}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr class={r.deadline.overdue ? 'is-late' : undefined}>
                  <th scope="row">
                    <a href={`/staf/permohonan/${r.code}`}>{r.display}</a>
                  </th>
                  <td>{r.submittedAt ? formatInstant(r.submittedAt, timeZone, lang) : '–'}</td>
                  <td>{r.serviceName}</td>
                  <td>
                    {m.serviceRequestStatus[r.status]}
                    {r.deadline.overdue && (
                      <>
                        <br />
                        <LateMark ctx={ctx} />
                      </>
                    )}
                  </td>
                  <td>
                    <Due ctx={ctx} d={r.deadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

interface DetailProps {
  ctx: PageContext
  request: StaffRequest
  /** Names of the form's fields and of the document kinds, in the reader's language. */
  fieldLabels: Record<string, string>
  kindNames: Record<string, string>
  views: { at: string; by: string; kindId: string; version: number }[]
  timeZone: TimeZone
  saved?: boolean
  refusal?: FormRefusal
}

/** `/staf/permohonan/{code}`: the request, its documents to open and judge, its steps, the next decision. */
export const ServiceRequestStaffPage = ({
  ctx,
  request: r,
  fieldLabels,
  kindNames,
  views,
  timeZone,
  saved,
  refusal,
}: DetailProps) => {
  const { m, lang } = ctx
  const t = m.serviceRequestStaff
  const { value, errorOf, Alert } = refusalHelpers(refusal)
  const base = `/staf/permohonan/${r.code}`
  const instant = (iso: string) => formatInstant(iso, timeZone, lang)
  const kind = (id: string) => kindNames[id] ?? id
  const waiting = r.documents.filter((d) => d.status === 'handed_in')
  const canReject = r.status === 'submitted' || r.status === 'needs_fix' || r.status === 'in_process'
  return (
    <Layout ctx={ctx} title={t.pageTitle(r.display)} styles={styles}>
      <p>
        <a href="/staf/permohonan">{t.back}</a>
      </p>
      <h1>{t.pageTitle(r.display)}</h1>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      {r.deadline.overdue && (
        <p class="late-banner">
          <LateMark ctx={ctx} />
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t.service}</dt>
          <dd>{r.serviceName}</dd>
        </div>
        <div>
          <dt>{t.colStatus}</dt>
          <dd>{m.serviceRequestStatus[r.status]}</dd>
        </div>
        <div>
          <dt>{t.submittedAt}</dt>
          <dd>{r.submittedAt ? instant(r.submittedAt) : '–'}</dd>
        </div>
        <div>
          <dt>{t.applicant}</dt>
          <dd>{r.citizen}</dd>
        </div>
        {r.completionDays && (
          <div>
            <dt>{t.deadline}</dt>
            <dd>{t.deadlineDays(r.deadline.used, r.completionDays)}</dd>
          </div>
        )}
        <div>
          <dt>{t.dueOn}</dt>
          <dd>
            <Due ctx={ctx} d={r.deadline} />
          </dd>
        </div>
      </dl>
      {r.rejectReason && (
        <>
          <h2>{t.rejectReason}</h2>
          <p class="prewrap">{r.rejectReason}</p>
        </>
      )}

      <h2>{t.answers}</h2>
      {Object.keys(r.answers).length === 0 ? (
        <p class="muted">–</p>
      ) : (
        <dl class="facts">
          {Object.entries(r.answers).map(([id, answer]) => (
            <div>
              <dt>{fieldLabels[id] ?? id}</dt>
              <dd>{answer || '–'}</dd>
            </div>
          ))}
        </dl>
      )}

      <h2>{t.documents}</h2>
      <ul class="card-list">
        {r.documents.map((d) => (
          <li>
            <strong>{kind(d.kindId)}</strong>: {m.serviceRequestDocument[d.status]}
            {t.version(d.version)} ·{' '}
            <a href={`${base}/dokumen/${d.kindId}`} rel="noopener" target="_blank">
              {t.open}
            </a>
            {d.status === 'fix' && d.reason && (
              <>
                <br />
                <span class="muted">
                  {t.fixReason}: {d.reason}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>

      {r.status === 'submitted' && waiting.length > 0 && (
        <section aria-labelledby="review-heading" class="step">
          <h2 id="review-heading">{t.review}</h2>
          <p id="review-hint">{t.reviewLead}</p>
          <form method="post" action={`${base}/periksa`} class="form wide-form" novalidate>
            <Alert form="review" />
            {waiting.map((d) => {
              const chosen = value('review', `putusan-${d.kindId}`, '')
              return (
                <fieldset>
                  <legend>{kind(d.kindId)}</legend>
                  <label>
                    <input
                      type="radio"
                      name={`putusan-${d.kindId}`}
                      value="accept"
                      checked={chosen === 'accept'}
                    />{' '}
                    {t.accept}
                  </label>
                  <label>
                    <input type="radio" name={`putusan-${d.kindId}`} value="fix" checked={chosen === 'fix'} />{' '}
                    {t.fix}
                  </label>
                  <Field
                    id={`alasan-${d.kindId}`}
                    label={t.fixReason}
                    error={errorOf('review', `alasan-${d.kindId}`)}
                  >
                    <textarea id={`alasan-${d.kindId}`} name={`alasan-${d.kindId}`} rows={2} maxlength={500}>
                      {value('review', `alasan-${d.kindId}`, '')}
                    </textarea>
                  </Field>
                </fieldset>
              )
            })}
            <button type="submit" class="button">
              {t.reviewSubmit}
            </button>
          </form>
        </section>
      )}

      {r.status === 'in_process' && (
        <section aria-labelledby="ready-heading" class="step">
          <h2 id="ready-heading">{t.ready}</h2>
          <p>{t.readyLead}</p>
          <form method="post" action={`${base}/siap`} class="form narrow">
            <Alert form="ready" />
            <button type="submit" class="button">
              {t.readySubmit}
            </button>
          </form>
        </section>
      )}

      {r.status === 'ready' && (
        <section aria-labelledby="complete-heading" class="step">
          <h2 id="complete-heading">{t.complete}</h2>
          <p>{t.completeLead}</p>
          <form method="post" action={`${base}/selesai`} class="form narrow">
            <Alert form="complete" />
            <button type="submit" class="button">
              {t.completeSubmit}
            </button>
          </form>
        </section>
      )}

      {canReject && (
        <section aria-labelledby="reject-heading" class="step">
          <h2 id="reject-heading">{t.reject}</h2>
          <p id="reject-hint">{t.rejectLead}</p>
          <form method="post" action={`${base}/tolak`} class="form wide-form" novalidate>
            <Alert form="reject" />
            <Field id="reject-reason" label={t.rejectReason} error={errorOf('reject', 'alasan')}>
              <textarea
                id="reject-reason"
                name="alasan"
                rows={3}
                maxlength={1000}
                aria-describedby="reject-hint"
              >
                {value('reject', 'alasan', '')}
              </textarea>
            </Field>
            <button type="submit" class="button button--secondary">
              {t.rejectSubmit}
            </button>
          </form>
        </section>
      )}

      <h2>{t.steps}</h2>
      <ol class="thread">
        {r.steps.map((s) => (
          <li class="thread__item">
            <p class="thread__meta">
              <strong>{m.serviceRequestStep[s.action]}</strong> · {instant(s.at)} ·{' '}
              {t.by(s.by === 'citizen' ? t.citizen : s.by)}
            </p>
            {s.kinds && <p>{s.kinds.map(kind).join(', ')}</p>}
            {s.note && <p class="prewrap">{s.note}</p>}
          </li>
        ))}
      </ol>

      <h2>{t.views}</h2>
      {views.length === 0 ? (
        <p class="muted">{t.noViews}</p>
      ) : (
        <div class="table-scroll">
          <table class="complaint-table">
            <thead>
              <tr>
                <th scope="col">{t.colWhen}</th>
                <th scope="col">{t.colWho}</th>
                <th scope="col">{t.colDocument}</th>
              </tr>
            </thead>
            <tbody>
              {views.map((v) => (
                <tr>
                  <td>{instant(v.at)}</td>
                  <td>{v.by}</td>
                  <td>
                    {kind(v.kindId)}
                    {t.version(v.version)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

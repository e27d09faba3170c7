import type { TimeZone } from '@mpp/core/business-day'
import { type Complaint, formatTrackingCode, laporUrl } from '@mpp/core/complaint'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { Layout } from '../components/layout'
import { formatDate, formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'

const styles = ['complaints.css']

export type StaffComplaint = Omit<Complaint, 'version'> & { overdue: 'verify' | 'respond' | null }
export const complaintListFilters = [
  'open',
  'overdue',
  'received',
  'verified',
  'responded',
  'closed',
] as const
export type ComplaintListFilter = (typeof complaintListFilters)[number]

/** The "late" mark: words and an icon, in bold, never colour alone. */
const LateMark = ({ ctx, c }: { ctx: PageContext; c: StaffComplaint }) => {
  const t = ctx.m.complaints
  if (!c.overdue) return null
  const due = formatDate(c.overdue === 'verify' ? c.verifyBy : c.respondBy, ctx.lang)
  return (
    <span class="late">
      <span aria-hidden="true">⚠ </span>
      <strong>{t.overdue}</strong>
      <span class="late__detail">: {t.overdueSteps[c.overdue](due)}</span>
    </span>
  )
}

/** The deadline that matters next for staff, or a dash. */
const nextDeadline = (c: StaffComplaint) =>
  c.status === 'received' ? c.verifyBy : c.status === 'verified' ? c.respondBy : c.replyBy

interface ListProps {
  ctx: PageContext
  filter: ComplaintListFilter
  complaints: StaffComplaint[]
  timeZone: TimeZone
}

/** `/staf/pengaduan`: complaints by status, late ones first and marked "Terlambat". */
export const ComplaintListPage = ({ ctx, filter, complaints, timeZone }: ListProps) => {
  const { m, lang } = ctx
  const t = m.complaints
  return (
    <Layout ctx={ctx} title={t.staffTitle} styles={styles}>
      <h1>{t.staffTitle}</h1>
      <p>{t.staffLead}</p>
      <form method="get" action="/staf/pengaduan" class="filter-form">
        <label for="status">{t.filter}</label>
        <select id="status" name="status">
          {complaintListFilters.map((f) => (
            <option value={f} selected={f === filter}>
              {t.filters[f]}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary">
          {t.filterSubmit}
        </button>
      </form>
      <p class="muted" role="status">
        {t.count(complaints.length)}
      </p>
      {complaints.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="complaint-table">
            <thead>
              <tr>
                <th scope="col">{t.colCode}</th>
                <th scope="col">{t.colFiled}</th>
                <th scope="col">{t.colAbout}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colDeadline}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.map((c) => {
                const deadline = nextDeadline(c)
                return (
                  <tr class={c.overdue ? 'is-late' : undefined}>
                    <th scope="row">
                      <a href={`/staf/pengaduan/${c.code}`}>{formatTrackingCode(c.code)}</a>
                    </th>
                    <td>{formatInstant(c.filedAt, timeZone, lang)}</td>
                    <td>
                      {t.categories[c.category]}
                      {c.serviceName && (
                        <>
                          <br />
                          <span class="muted small">{c.serviceName}</span>
                        </>
                      )}
                    </td>
                    <td>
                      {t.statuses[c.status]}
                      {c.overdue && (
                        <>
                          <br />
                          <LateMark ctx={ctx} c={c} />
                        </>
                      )}
                    </td>
                    <td>{deadline ? formatDate(deadline, lang) : t.noDeadline}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

interface DetailProps {
  ctx: PageContext
  complaint: StaffComplaint
  timeZone: TimeZone
  saved?: boolean
  refusal?: FormRefusal & { status?: number }
}

/** `/staf/pengaduan/{code}`: the complaint, the contact, and the forms for the next step and the LAPOR! number. */
export const ComplaintStaffPage = ({ ctx, complaint: c, timeZone, saved, refusal }: DetailProps) => {
  const { m, lang } = ctx
  const t = m.complaints
  const { value, Alert } = refusalHelpers(refusal)
  const display = formatTrackingCode(c.code)
  const base = `/staf/pengaduan/${c.code}`
  const instant = (iso: string) => formatInstant(iso, timeZone, lang)
  const who = (by: string | undefined) => (by === 'system' ? t.system : (by ?? ''))
  const shown: Record<string, boolean> = {
    verify: c.status === 'received',
    respond: c.status === 'verified' || c.status === 'responded',
    close: c.status !== 'closed',
    lapor: true,
  }
  return (
    <Layout ctx={ctx} title={t.pageTitle(display)} styles={styles}>
      <p>
        <a href="/staf/pengaduan">{t.back}</a>
      </p>
      <h1>{t.pageTitle(display)}</h1>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      {refusal && !shown[refusal.form] && (
        <p class="alert" role="alert">
          {refusal.message}
        </p>
      )}
      {c.overdue && (
        <p class="late-banner">
          <LateMark ctx={ctx} c={c} />
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t.status}</dt>
          <dd>{t.statuses[c.status]}</dd>
        </div>
        <div>
          <dt>{t.filedOn}</dt>
          <dd>{instant(c.filedAt)}</dd>
        </div>
        <div>
          <dt>{t.verifyBy}</dt>
          <dd>{formatDate(c.verifyBy, lang)}</dd>
        </div>
        <div>
          <dt>{t.respondBy}</dt>
          <dd>{formatDate(c.respondBy, lang)}</dd>
        </div>
        {c.replyBy && (
          <div>
            <dt>{t.replyBy}</dt>
            <dd>{formatDate(c.replyBy, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t.laporRef}</dt>
          <dd>{c.laporRef ?? t.noDeadline}</dd>
        </div>
      </dl>
      {c.verifiedAt && <p class="muted">{t.verifiedBy(who(c.verifiedBy), instant(c.verifiedAt))}</p>}
      {c.closedAt && <p class="muted">{t.closedBy(who(c.closedBy), instant(c.closedAt))}</p>}
      {c.closeNote && (
        <>
          <h2>{t.closeNote}</h2>
          <p class="prewrap">{c.closeNote}</p>
        </>
      )}

      <h2>{t.yourText}</h2>
      <p class="muted">
        {t.categories[c.category]}
        {c.serviceName && ` · ${c.serviceName}`}
      </p>
      <blockquote class="complaint-text prewrap">{c.text}</blockquote>

      <h2>{t.contactOf}</h2>
      {c.anonymous || !c.contact ? (
        <p>{t.anonymousStaff}</p>
      ) : (
        <dl class="facts">
          <div>
            <dt>{t.name}</dt>
            <dd>{c.contact.name ?? t.noContact}</dd>
          </div>
          <div>
            <dt>{m.tenantHome.phone}</dt>
            <dd>
              {c.contact.phone ? <a href={`tel:${c.contact.phone}`}>{c.contact.phone}</a> : t.noContact}
            </dd>
          </div>
          <div>
            <dt>{m.tenantHome.email}</dt>
            <dd>
              {c.contact.email ? <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a> : t.noContact}
            </dd>
          </div>
        </dl>
      )}

      <h2>{t.conversation}</h2>
      {c.messages.length === 0 ? (
        <p>{t.noResponse}</p>
      ) : (
        <ol class="thread">
          {c.messages.map((msg) => (
            <li class={`thread__item thread__item--${msg.from}`}>
              <p class="thread__meta">
                <strong>{msg.from === 'staff' ? `${t.fromStaff} (${msg.by ?? ''})` : t.fromCitizen}</strong> ·{' '}
                {instant(msg.at)}
              </p>
              <p class="prewrap">{msg.text}</p>
            </li>
          ))}
        </ol>
      )}

      {shown.verify && (
        <section aria-labelledby="verify-heading" class="step">
          <h2 id="verify-heading">{t.verify}</h2>
          <p id="verify-hint">{t.verifyLead}</p>
          <form method="post" action={`${base}/verifikasi`} class="form narrow" novalidate>
            <Alert form="verify" />
            <Field id="verify-lapor" label={t.laporRef}>
              <input
                id="verify-lapor"
                name="laporRef"
                value={value('verify', 'laporRef', c.laporRef ?? '')}
                maxlength={30}
                aria-describedby="verify-hint"
              />
            </Field>
            <button type="submit" class="button">
              {t.verifySubmit}
            </button>
          </form>
        </section>
      )}

      {shown.respond && (
        <section aria-labelledby="respond-heading" class="step">
          <h2 id="respond-heading">{t.respond}</h2>
          <p id="respond-hint">{t.respondLead}</p>
          <form method="post" action={`${base}/tanggapi`} class="form wide-form" novalidate>
            <Alert form="respond" />
            <Field id="respond-text" label={t.respondText}>
              <textarea
                id="respond-text"
                name="isi"
                rows={6}
                maxlength={4000}
                required
                aria-describedby="respond-hint"
                aria-invalid={refusal?.form === 'respond' ? 'true' : undefined}
              >
                {value('respond', 'isi', '')}
              </textarea>
            </Field>
            <button type="submit" class="button">
              {t.respondSubmit}
            </button>
          </form>
        </section>
      )}

      {shown.close && (
        <section aria-labelledby="close-heading" class="step">
          <h2 id="close-heading">{t.close}</h2>
          {c.status !== 'responded' && <p id="close-hint">{t.closeLead}</p>}
          <form method="post" action={`${base}/tutup`} class="form wide-form" novalidate>
            <Alert form="close" />
            <Field id="close-note" label={t.closeNoteLabel}>
              <textarea
                id="close-note"
                name="catatan"
                rows={3}
                maxlength={1000}
                aria-describedby={c.status !== 'responded' ? 'close-hint' : undefined}
                aria-invalid={refusal?.form === 'close' ? 'true' : undefined}
              >
                {value('close', 'catatan', '')}
              </textarea>
            </Field>
            <button type="submit" class="button button--secondary">
              {t.closeSubmit}
            </button>
          </form>
        </section>
      )}

      <section aria-labelledby="lapor-heading" class="step">
        <h2 id="lapor-heading">{t.laporTitle}</h2>
        <p id="lapor-hint">
          {t.laporLead}{' '}
          <a href={laporUrl} rel="noopener">
            {t.laporLink}
          </a>
        </p>
        <form method="post" action={`${base}/lapor`} class="form narrow" novalidate>
          <Alert form="lapor" />
          <Field id="lapor-ref" label={t.laporRef}>
            <input
              id="lapor-ref"
              name="laporRef"
              value={value('lapor', 'laporRef', c.laporRef ?? '')}
              maxlength={30}
              aria-describedby="lapor-hint"
              aria-invalid={refusal?.form === 'lapor' ? 'true' : undefined}
            />
          </Field>
          <button type="submit" class="button button--secondary">
            {t.laporSubmit}
          </button>
        </form>
      </section>
    </Layout>
  )
}

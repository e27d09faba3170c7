import type { TimeZone } from '@mpp/core/business-day'
import {
  type ComplaintCategory,
  type ComplaintStatus,
  complaintCategories,
  formatTrackingCode,
  laporUrl,
} from '@mpp/core/complaint'
import { Layout } from '../components/layout'
import { formatDate, formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import type { ServiceGroup } from '../components/service-groups'

const styles = ['complaints.css']

/** The fields of the complaint form, by the names the form posts. */
export interface ComplaintFormValues {
  layanan: string
  jenis: string
  isi: string
  tanpaNama: boolean
  nama: string
  telepon: string
  email: string
}
export type ComplaintField = 'layanan' | 'jenis' | 'isi' | 'tanpaNama' | 'nama' | 'telepon' | 'email'

export const emptyComplaintForm: ComplaintFormValues = {
  layanan: '',
  jenis: '',
  isi: '',
  tanpaNama: false,
  nama: '',
  telepon: '',
  email: '',
}

const LaporNote = ({ ctx }: { ctx: PageContext }) => (
  <p class="lapor-note">
    {ctx.m.complaints.lapor}{' '}
    <a href={laporUrl} rel="noopener">
      {ctx.m.complaints.laporLink}
    </a>
    .
  </p>
)

interface FormProps {
  ctx: PageContext
  groups: ServiceGroup[]
  /** The hidden idempotency key: posting this very form again files no second complaint. */
  formKey: string
  values?: ComplaintFormValues
  /** Per field, what is wrong with what was typed. */
  errors?: Partial<Record<ComplaintField, string>>
  /** A refusal not about one field (the MPP is not serving, an unknown service). */
  refusal?: string
  /** The tracking form's typed code and what was wrong with it. */
  track?: { code: string; error?: string }
  /** Why no complaint can be filed now (the MPP is suspended or closed): shown instead of the form. */
  closed?: string
}

/** `/pengaduan`: file a complaint (optionally about one service, optionally anonymous), or track one by code. */
export const ComplaintFormPage = ({
  ctx,
  groups,
  formKey,
  values = emptyComplaintForm,
  errors = {},
  refusal,
  track,
  closed,
}: FormProps) => {
  const { m } = ctx
  const t = m.complaints
  const errorIds = Object.keys(errors).map((f) => `cp-${f}-error`)
  const described = (field: ComplaintField, hint?: string) =>
    [errors[field] ? `cp-${field}-error` : undefined, hint].filter(Boolean).join(' ') || undefined
  const invalid = (field: ComplaintField) => (errors[field] ? 'true' : undefined)
  const FieldError = ({ field }: { field: ComplaintField }) =>
    errors[field] ? (
      <p class="error-text" id={`cp-${field}-error`}>
        {errors[field]}
      </p>
    ) : null
  return (
    <Layout ctx={ctx} title={t.title} styles={styles}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>{t.deadlines}</p>
      <LaporNote ctx={ctx} />

      <section aria-labelledby="track-heading" class="track-box">
        <h2 id="track-heading">{t.track}</h2>
        <form method="get" action="/pengaduan" class="form narrow" novalidate>
          {track?.error && (
            <p class="alert" role="alert" id="cp-track-error">
              {track.error}
            </p>
          )}
          <label for="kode">{t.trackLabel}</label>
          <p class="hint muted small" id="kode-hint">
            {t.trackHint}
          </p>
          <input
            id="kode"
            name="kode"
            value={track?.code ?? ''}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxlength={20}
            aria-describedby={track?.error ? 'cp-track-error kode-hint' : 'kode-hint'}
            aria-invalid={track?.error ? 'true' : undefined}
          />
          <button type="submit" class="button button--secondary">
            {t.trackSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{t.form}</h2>
        {closed ? (
          <p class="notice" id="cp-closed">
            {closed}
          </p>
        ) : (
          <form method="post" action="/pengaduan" class="form wide-form" novalidate>
            {(refusal || errorIds.length > 0) && (
              <p class="alert" role="alert" id="cp-form-error">
                {refusal ?? t.refused}
              </p>
            )}
            <input type="hidden" name="kunci" value={formKey} />

            <label for="layanan">{t.service}</label>
            <FieldError field="layanan" />
            <select
              id="layanan"
              name="layanan"
              aria-describedby={described('layanan')}
              aria-invalid={invalid('layanan')}
            >
              <option value="" selected={values.layanan === ''}>
                {t.serviceNone}
              </option>
              {groups.map(({ agency, services }) => (
                <optgroup label={agency.name}>
                  {services.map((s) => (
                    <option value={s.id} selected={values.layanan === s.id}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>

            <fieldset class="choices" aria-describedby={described('jenis')}>
              <legend>{t.category}</legend>
              <FieldError field="jenis" />
              {complaintCategories.map((c) => (
                <label class="checkbox">
                  <input type="radio" name="jenis" value={c} checked={values.jenis === c} required />
                  <span>{t.categories[c]}</span>
                </label>
              ))}
            </fieldset>

            <label for="isi">{t.text}</label>
            <p class="hint muted small" id="isi-hint">
              {t.textHint}
            </p>
            <FieldError field="isi" />
            <textarea
              id="isi"
              name="isi"
              rows={8}
              maxlength={4000}
              required
              aria-describedby={described('isi', 'isi-hint')}
              aria-invalid={invalid('isi')}
            >
              {values.isi}
            </textarea>

            <fieldset class="choices">
              <legend>{t.contact}</legend>
              <p class="muted small" id="contact-hint">
                {t.contactHint}
              </p>
              <FieldError field="tanpaNama" />
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="tanpaNama"
                  value="ya"
                  checked={values.tanpaNama}
                  aria-describedby={described('tanpaNama', 'anonymous-hint')}
                  aria-invalid={invalid('tanpaNama')}
                />
                <span>{t.anonymous}</span>
              </label>
              <p class="muted small" id="anonymous-hint">
                {t.anonymousHint}
              </p>
              <label for="nama">{t.name}</label>
              <FieldError field="nama" />
              <input
                id="nama"
                name="nama"
                value={values.nama}
                autocomplete="name"
                maxlength={120}
                aria-describedby={described('nama', 'contact-hint')}
                aria-invalid={invalid('nama')}
              />
              <label for="telepon">{t.phone}</label>
              <FieldError field="telepon" />
              <input
                id="telepon"
                name="telepon"
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                value={values.telepon}
                aria-describedby={described('telepon')}
                aria-invalid={invalid('telepon')}
              />
              <label for="email">{t.email}</label>
              <FieldError field="email" />
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                value={values.email}
                maxlength={254}
                aria-describedby={described('email')}
                aria-invalid={invalid('email')}
              />
            </fieldset>

            <button type="submit" class="button">
              {t.submit}
            </button>
          </form>
        )}
      </section>
    </Layout>
  )
}

/** The citizen's view of a complaint, as the API's getComplaint returns it. */
export interface CitizenComplaint {
  code: string
  status: ComplaintStatus
  category: ComplaintCategory
  service?: { id: string; name: string }
  text: string
  anonymous: boolean
  filedAt: string
  filedOn: string
  verifyBy: string
  respondBy: string
  replyBy?: string
  closedAt?: string
  closedBySystem?: boolean
  closeNote?: string
  laporRef?: string
  messages: { from: 'staff' | 'citizen'; text: string; at: string }[]
}

interface TrackProps {
  ctx: PageContext
  complaint: CitizenComplaint
  timeZone: TimeZone
  /** Just filed: say so above the code. */
  justFiled?: boolean
  /** The reply was just sent. */
  replySent?: boolean
  /** A refused reply: its message and what was typed. */
  reply?: { text: string; error: string }
}

/** `/pengaduan/{code}`: the tracking code large, the status and deadlines, the conversation, a reply form. */
export const ComplaintTrackPage = ({
  ctx,
  complaint: c,
  timeZone,
  justFiled,
  replySent,
  reply,
}: TrackProps) => {
  const { m, lang } = ctx
  const t = m.complaints
  const display = formatTrackingCode(c.code)
  const date = (d: string) => formatDate(d, lang)
  const instant = (iso: string) => formatInstant(iso, timeZone, lang)
  return (
    <Layout ctx={ctx} title={t.pageTitle(display)} styles={styles}>
      <h1>{t.heading}</h1>
      {justFiled && (
        <p class="notice" role="status">
          {t.filedNow}
        </p>
      )}
      {replySent && (
        <p class="notice" role="status">
          {t.replySent}
        </p>
      )}
      <p class="tracking-code">
        <span class="tracking-code__caption">{t.code}</span>
        <strong class="tracking-code__value">{display}</strong>
      </p>
      <p>
        <strong>{t.writeDown}</strong>
      </p>

      <dl class="facts">
        <div>
          <dt>{t.status}</dt>
          <dd>{t.statuses[c.status]}</dd>
        </div>
        <div>
          <dt>{t.filedOn}</dt>
          <dd>{instant(c.filedAt)}</dd>
        </div>
        {c.status === 'received' && (
          <div>
            <dt>{t.verifyBy}</dt>
            <dd>{date(c.verifyBy)}</dd>
          </div>
        )}
        {(c.status === 'received' || c.status === 'verified') && (
          <div>
            <dt>{t.respondBy}</dt>
            <dd>{date(c.respondBy)}</dd>
          </div>
        )}
        {c.replyBy && (
          <div>
            <dt>{t.replyBy}</dt>
            <dd>{date(c.replyBy)}</dd>
          </div>
        )}
        {c.closedAt && (
          <div>
            <dt>{t.closedOn}</dt>
            <dd>{instant(c.closedAt)}</dd>
          </div>
        )}
        {c.laporRef && (
          <div>
            <dt>{t.laporRef}</dt>
            <dd>{c.laporRef}</dd>
          </div>
        )}
      </dl>
      {c.closedBySystem && <p>{t.closedQuiet}</p>}
      {c.closeNote && (
        <>
          <h2>{t.closeNote}</h2>
          <p class="prewrap">{c.closeNote}</p>
        </>
      )}

      <h2>{t.yourText}</h2>
      <p class="muted">
        {t.categories[c.category]}
        {c.service && ` · ${c.service.name}`}
        {c.anonymous && ` · ${t.anonymousNote}`}
      </p>
      <blockquote class="complaint-text prewrap">{c.text}</blockquote>

      <h2>{t.conversation}</h2>
      {c.messages.length === 0 ? (
        <p>{t.noResponse}</p>
      ) : (
        <ol class="thread">
          {c.messages.map((msg) => (
            <li class={`thread__item thread__item--${msg.from}`}>
              <p class="thread__meta">
                <strong>{msg.from === 'staff' ? t.fromStaff : t.fromCitizen}</strong> · {instant(msg.at)}
              </p>
              <p class="prewrap">{msg.text}</p>
            </li>
          ))}
        </ol>
      )}

      {/* A refused reply comes back with its text even when replying is over, so nothing typed is lost. */}
      {((c.status === 'responded' && c.replyBy) || reply) && (
        <section aria-labelledby="reply-heading">
          <h2 id="reply-heading">{t.reply}</h2>
          {c.status === 'responded' && c.replyBy && <p id="reply-hint">{t.replyHint(date(c.replyBy))}</p>}
          <form method="post" action={`/pengaduan/${display}/balas`} class="form wide-form" novalidate>
            {reply && (
              <p class="alert" role="alert" id="reply-error">
                {reply.error}
              </p>
            )}
            <label for="balasan">{t.replyText}</label>
            <textarea
              id="balasan"
              name="isi"
              rows={5}
              maxlength={4000}
              required
              aria-describedby={
                [reply ? 'reply-error' : '', c.status === 'responded' && c.replyBy ? 'reply-hint' : '']
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              aria-invalid={reply ? 'true' : undefined}
            >
              {reply?.text ?? ''}
            </textarea>
            <button type="submit" class="button">
              {t.replySubmit}
            </button>
          </form>
        </section>
      )}

      <LaporNote ctx={ctx} />
      <p>
        <a href="/pengaduan">{t.title}</a>
      </p>
    </Layout>
  )
}

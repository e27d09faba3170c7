import type { Application } from '@mpp/core/application'
import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import { type AuditLine, AuditTable, MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  application: Application
  audit: AuditLine[]
  saved?: boolean
  /** A refused decision: its message, and the form's typed note to put back. */
  refusal?: { form: string; message: string; note: string }
}

/** An application's full record, its history and, while it awaits one, the ministry's decision. */
export const MinistryApplicationPage = ({ ctx, application: a, audit, saved, refusal }: Props) => {
  const t = ctx.m.ministryConsole
  const action = `/kementerian/permohonan/${a.id}/keputusan`
  const Decision = ({
    kind,
    label,
    noteLabel,
    required,
  }: {
    kind: string
    label: string
    noteLabel: string
    required: boolean
  }) => (
    <form method="post" action={action} class="form decision-form">
      <input type="hidden" name="action" value={kind} />
      {refusal?.form === kind && (
        <p class="alert" role="alert">
          {refusal.message}
        </p>
      )}
      <label for={`note-${kind}`}>{noteLabel}</label>
      <textarea id={`note-${kind}`} name="note" rows={2} required={required}>
        {refusal?.form === kind ? refusal.note : ''}
      </textarea>
      <button type="submit" class={kind === 'approve' ? 'button' : 'button button--secondary'}>
        {label}
      </button>
    </form>
  )
  return (
    <Layout ctx={ctx} title={t.record(a.regencyName)}>
      <MinistryNav m={ctx.m} current="applications" within />
      <h1>{t.record(a.regencyName)}</h1>
      {saved && (
        <p class="notice" role="status">
          {t.decided}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t.status}</dt>
          <dd>{t.statuses[a.status]}</dd>
        </div>
        <div>
          <dt>{t.regency}</dt>
          <dd>
            {a.regencyName}, {a.provinceName} ({a.regencyCode})
          </dd>
        </div>
        <div>
          <dt>{t.subdomain}</dt>
          <dd>{a.subdomain}</dd>
        </div>
        <div>
          <dt>{t.applicant}</dt>
          <dd>
            {a.applicant.name}, {a.applicant.position}
          </dd>
        </div>
        <div>
          <dt>{t.contact}</dt>
          <dd>
            {a.applicant.email} · {a.applicant.phone}
          </dd>
        </div>
        <div>
          <dt>{t.filed}</dt>
          <dd>{formatInstant(a.createdAt, 'Asia/Jakarta', ctx.lang)}</dd>
        </div>
        {a.decisionNote && (
          <div>
            <dt>{t.decisionNote}</dt>
            <dd>{a.decisionNote}</dd>
          </div>
        )}
      </dl>
      <h2>{t.plannedAgencies}</h2>
      <p class="prewrap">{a.plannedAgencies}</p>
      <h2>{t.plannedServices}</h2>
      <p class="prewrap">{a.plannedServices}</p>
      <h2>{t.urgencyStudy}</h2>
      <p class="prewrap">{a.urgencyStudy}</p>
      {a.urgencyStudyFile && (
        <p>
          <a href={`/kementerian/permohonan/${a.id}/kajian`}>
            {t.urgencyStudyFile(Math.ceil(a.urgencyStudyFile.bytes / 1024))}
          </a>
        </p>
      )}

      {(a.status === 'applied' || a.status === 'verified' || a.status === 'revision_requested') && (
        <section aria-labelledby="decide">
          <h2 id="decide">{t.decide}</h2>
          <div class="grid-2">
            {a.status === 'verified' && (
              <Decision kind="approve" label={t.approve} noteLabel={t.approveNote} required={false} />
            )}
            {a.status === 'verified' && (
              <Decision kind="request_revision" label={t.revise} noteLabel={t.reviseNote} required />
            )}
            {a.status !== 'applied' && (
              <Decision kind="reject" label={t.reject} noteLabel={t.rejectReason} required />
            )}
            <Decision kind="withdraw" label={t.withdraw} noteLabel={t.withdrawReason} required />
          </div>
        </section>
      )}

      <section aria-labelledby="audit">
        <h2 id="audit">{t.audit}</h2>
        <AuditTable m={ctx.m} lang={ctx.lang} entries={audit} />
      </section>
    </Layout>
  )
}

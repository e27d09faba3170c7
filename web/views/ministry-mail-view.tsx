import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

export interface MailLine {
  id: string
  at: string
  to: string
  subject: string
  text: string
  tenantId?: string
  delivery: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
  sentAt?: string
  failedAt?: string
  reason?: string
}

const MailItem = ({ ctx, mail, resend }: { ctx: PageContext; mail: MailLine; resend?: boolean }) => {
  const t = ctx.m.ministryConsole
  const when = (iso: string) => formatInstant(iso, 'Asia/Jakarta', ctx.lang)
  return (
    <li>
      <strong>{mail.subject}</strong>
      <span class="muted small">
        {t.to}: {mail.to} · {when(mail.at)}
      </span>
      <p class="small">
        <span class="badge">{t.mailDelivery[mail.delivery]}</span>{' '}
        {mail.delivery === 'sent' && mail.sentAt && when(mail.sentAt)}
        {mail.delivery === 'failed' &&
          mail.failedAt &&
          `${when(mail.failedAt)} · ${t.mailAttempts(mail.attempts)}`}
      </p>
      {mail.reason && mail.delivery !== 'sent' && (
        <p class="small">
          {t.mailReason}: {mail.reason}
        </p>
      )}
      {resend && mail.delivery === 'failed' && (
        <form method="post" action="/kementerian/surat/kirim-ulang" class="inline-form">
          <input type="hidden" name="id" value={mail.id} />
          <input type="hidden" name="at" value={mail.at} />
          {mail.tenantId && <input type="hidden" name="tenantId" value={mail.tenantId} />}
          <button type="submit" class="button button--secondary">
            {t.mailResend}
          </button>
        </form>
      )}
      <pre class="mail-text">{mail.text}</pre>
    </li>
  )
}

/**
 * The platform's mail outbox: what failed to send first (with the server's reason and a resend button), then
 * every mail newest first with its state (sent, waiting, failed).
 */
export const MinistryMailPage = ({
  ctx,
  mail,
  failed,
  resent,
}: {
  ctx: PageContext
  mail: MailLine[]
  failed: MailLine[]
  resent?: boolean
}) => {
  const t = ctx.m.ministryConsole
  return (
    <Layout ctx={ctx} title={t.mail}>
      <MinistryNav m={ctx.m} current="mail" />
      <h1>{t.mail}</h1>
      {resent && (
        <p class="notice" role="status">
          {t.mailResent}
        </p>
      )}
      {failed.length > 0 && (
        <section aria-labelledby="mail-failed">
          <h2 id="mail-failed">{t.mailFailedTitle(failed.length)}</h2>
          <p>{t.mailFailedLead}</p>
          <ul class="card-list">
            {failed.map((m) => (
              <MailItem ctx={ctx} mail={m} resend />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="mail-all">
        <h2 id="mail-all">{t.mailAll}</h2>
        {mail.length === 0 ? (
          <p>{t.mailEmpty}</p>
        ) : (
          <ul class="card-list">
            {mail.map((m) => (
              <MailItem ctx={ctx} mail={m} />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  )
}

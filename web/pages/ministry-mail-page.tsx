import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

export interface MailLine {
  at: string
  to: string
  subject: string
  text: string
}

/** The mails the platform sent (the local outbox): verification links, decisions, invites. */
export const MinistryMailPage = ({ ctx, mail }: { ctx: PageContext; mail: MailLine[] }) => {
  const t = ctx.m.ministryConsole
  return (
    <Layout ctx={ctx} title={t.mail}>
      <MinistryNav m={ctx.m} />
      <h1>{t.mail}</h1>
      {mail.length === 0 ? (
        <p>{t.mailEmpty}</p>
      ) : (
        <ul class="card-list">
          {mail.map((mm) => (
            <li>
              <strong>{mm.subject}</strong>
              <span class="muted small">
                {t.to}: {mm.to} · {formatInstant(mm.at, 'Asia/Jakarta', ctx.lang)}
              </span>
              <pre class="mail-text">{mm.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

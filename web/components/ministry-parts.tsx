import type { Lang, Messages } from '../i18n/messages'
import { formatInstant } from './local-time'

export interface AuditLine {
  at: string
  by: string
  action: string
  note?: string
}

type MinistrySection = 'home' | 'applications' | 'statistics' | 'mail' | 'accounts'

/**
 * The ministry console's sections; the current one is marked as the admin menu marks its own: `page` on the
 * section's page, `true` on a page inside it (one application, one MPP's figures).
 */
export const MinistryNav = ({
  m,
  current,
  within = false,
}: {
  m: Messages
  current: MinistrySection
  within?: boolean
}) => {
  const links: [MinistrySection, string, string][] = [
    ['home', '/kementerian', m.ministryConsole.tenants],
    ['applications', '/kementerian/permohonan', m.ministryConsole.applications],
    ['statistics', '/kementerian/statistik', m.ministryStats.nav],
    ['mail', '/kementerian/surat', m.ministryConsole.mail],
    ['accounts', '/kementerian/akun', m.ministryAccounts.nav],
  ]
  return (
    <nav aria-label={m.ministryConsole.nav} class="subnav">
      {links.map(([section, href, label]) => (
        <a href={href} aria-current={section === current ? (within ? 'true' : 'page') : undefined}>
          {label}
        </a>
      ))}
    </nav>
  )
}

/** Who decided what and when, in Jakarta time (the ministry's own). */
export const AuditTable = ({ m, lang, entries }: { m: Messages; lang: Lang; entries: AuditLine[] }) => {
  const t = m.ministryConsole
  return entries.length === 0 ? (
    <p>{t.auditEmpty}</p>
  ) : (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.what}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.note}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{formatInstant(e.at, 'Asia/Jakarta', lang)}</td>
              <td>{t.actions[e.action] ?? e.action}</td>
              <td>{e.by}</td>
              <td>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

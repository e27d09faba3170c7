import type { Lang, Messages } from '../i18n/messages'
import { formatInstant } from './local-time'

export interface AuditLine {
  at: string
  by: string
  action: string
  note?: string
}

/** The ministry console's sections. */
export const MinistryNav = ({ m }: { m: Messages }) => (
  <nav aria-label={m.ministryConsole.nav} class="subnav">
    <a href="/kementerian">{m.ministryConsole.tenants}</a>
    <a href="/kementerian/permohonan">{m.ministryConsole.applications}</a>
    <a href="/kementerian/statistik">{m.ministryStats.nav}</a>
    <a href="/kementerian/surat">{m.ministryConsole.mail}</a>
    <a href="/kementerian/akun">{m.ministryAccounts.nav}</a>
  </nav>
)

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

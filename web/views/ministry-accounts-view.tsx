import { Layout } from '../components/layout'
import { MinistryNav } from '../components/ministry-parts'
import type { PageContext } from '../components/page-context'

export interface MinistryAccountRow {
  email: string
  name: string
  active: boolean
}

interface Props {
  ctx: PageContext
  accounts: MinistryAccountRow[]
  /** The ministry official looking at the page. */
  self: string
  saved?: boolean
  /** A refused change: which account, and why. */
  refusal?: { email: string; message: string }
}

/** The ministry's accounts: deactivating one ends its sessions at once. */
export const MinistryAccountsPage = ({ ctx, accounts, self, saved, refusal }: Props) => {
  const { m } = ctx
  const t = m.ministryAccounts
  return (
    <Layout ctx={ctx} title={t.title} styles={['staff-admin.css']}>
      <MinistryNav m={m} current="accounts" />
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {saved && (
        <p class="notice" role="status">
          {m.staffAdmin.saved}
        </p>
      )}
      <ul class="staff-list">
        {accounts.map((a) => (
          <li class={a.active ? undefined : 'staff-list__inactive'}>
            <p class="staff-list__name">
              <strong>{a.name}</strong>
              {a.email === self && ` ${m.staffAdmin.you}`}
            </p>
            <p class="muted small staff-list__email">{a.email}</p>
            <p class="small">{a.active ? m.staffAdmin.active : m.staffAdmin.inactive}</p>
            {refusal?.email === a.email && (
              <p class="alert" role="alert">
                {refusal.message}
              </p>
            )}
            {a.email !== self && (
              <form method="post" action="/kementerian/akun/status">
                <input type="hidden" name="email" value={a.email} />
                <input type="hidden" name="active" value={a.active ? 'no' : 'yes'} />
                <button type="submit" class="button button--secondary">
                  {a.active ? m.staffAdmin.deactivate(a.name) : m.staffAdmin.reactivate(a.name)}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  )
}

import type { TimeZone } from '@mpp/core/business-day'
import { Field, type FormRefusal, refusalHelpers } from '../components/admin-form'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import { formatInstant } from '../components/local-time'
import type { PageContext } from '../components/page-context'

export interface StaffRow {
  email: string
  name: string
  role: 'admin' | 'officer'
  active: boolean
  agencyIds: string[]
}

export interface InviteRow {
  email: string
  name?: string
  role: 'admin' | 'officer'
  invitedBy: string
  validUntil: string
}

interface Props {
  ctx: PageContext
  staff: StaffRow[]
  invites: InviteRow[]
  /** The MPP's agencies, which each account may work for. */
  agencies: { id: string; name: string }[]
  /** The admin looking at the page. */
  self: string
  timeZone: TimeZone
  saved?: boolean
  /** Whom an invite was just sent to. */
  invited?: string
  refusal?: FormRefusal
}

const roles = ['officer', 'admin'] as const

/** The MPP's staff: accounts with their role and status, pending invites, and the invite form. */
export const StaffAdminPage = ({
  ctx,
  staff,
  invites,
  agencies,
  self,
  timeZone,
  saved,
  invited,
  refusal,
}: Props) => {
  const { m } = ctx
  const t = m.staffAdmin
  const { value, checked, refusalOf, Alert, errorOf } = refusalHelpers(refusal)
  const o = m.onlineAdmin
  const inviteRole = value('invite', 'role', 'officer')
  return (
    <Layout ctx={ctx} title={t.title} styles={['catalog.css', 'staff-admin.css']}>
      <AdminNav m={ctx.m} current="staff" />
      <p>
        <a href="/staf">{m.profileAdmin.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {saved && (
        <p class="notice" role="status">
          {t.saved}
        </p>
      )}
      {invited && (
        <p class="notice" role="status">
          {t.invited(invited)}
        </p>
      )}

      <section aria-labelledby="accounts">
        <h2 id="accounts">{t.accounts}</h2>
        <p class="muted small">{t.sessionsHint}</p>
        <ul class="staff-list">
          {staff.map((s) => {
            const role = value(`role:${s.email}`, 'role', s.role)
            return (
              <li class={s.active ? undefined : 'staff-list__inactive'}>
                <p class="staff-list__name">
                  <strong>{s.name}</strong>
                  {s.email === self && ` ${t.you}`}
                </p>
                <p class="muted small staff-list__email">{s.email}</p>
                <p class="small">
                  {m.roles[s.role]} · {s.active ? t.active : t.inactive}
                </p>
                <p class="small">
                  {o.agencies}:{' '}
                  {agencies
                    .filter((a) => s.agencyIds.includes(a.id))
                    .map((a) => a.name)
                    .join(', ') || o.noAgencies}
                </p>
                <Alert form={`status:${s.email}`} />
                <Alert form={`agencies:${s.email}`} />
                <Alert form={`role:${s.email}`} />
                <div class="staff-list__actions">
                  <form method="post" action="/admin/staf/peran" class="staff-role-form">
                    <input type="hidden" name="email" value={s.email} />
                    <label for={`role-${s.email}`} class="visually-hidden">
                      {t.roleOf(s.name)}
                    </label>
                    <select id={`role-${s.email}`} name="role">
                      {roles.map((r) => (
                        <option value={r} selected={r === role}>
                          {m.roles[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="button button--secondary">
                      {t.setRole(s.name)}
                    </button>
                  </form>
                  {agencies.length > 0 && (
                    <details
                      class="admin-details staff-agencies"
                      open={refusalOf(`agencies:${s.email}`) !== undefined}
                    >
                      <summary>{o.agenciesOf(s.name)}</summary>
                      <form method="post" action="/admin/staf/instansi">
                        <input type="hidden" name="email" value={s.email} />
                        <fieldset>
                          <legend>{o.agenciesOf(s.name)}</legend>
                          <p class="muted small">{o.agenciesHint}</p>
                          {agencies.map((a) => (
                            <label class="checkbox">
                              <input
                                type="checkbox"
                                name="agencyIds"
                                value={a.id}
                                checked={checked(
                                  `agencies:${s.email}`,
                                  'agencyIds',
                                  a.id,
                                  s.agencyIds.includes(a.id),
                                )}
                              />{' '}
                              {a.name}
                            </label>
                          ))}
                        </fieldset>
                        <button type="submit" class="button button--secondary">
                          {o.setAgencies(s.name)}
                        </button>
                      </form>
                    </details>
                  )}
                  {s.email !== self && (
                    <form method="post" action="/admin/staf/status">
                      <input type="hidden" name="email" value={s.email} />
                      <input type="hidden" name="active" value={s.active ? 'no' : 'yes'} />
                      <button type="submit" class="button button--secondary">
                        {s.active ? t.deactivate(s.name) : t.reactivate(s.name)}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-labelledby="pending">
        <h2 id="pending">{t.pending}</h2>
        {invites.length === 0 ? (
          <p>{t.noPending}</p>
        ) : (
          <ul class="staff-list">
            {invites.map((i) => (
              <li>
                <p class="staff-list__name">
                  <strong>{i.name ?? i.email}</strong>
                </p>
                <p class="muted small staff-list__email">{i.email}</p>
                <p class="small">
                  {m.roles[i.role]} · {t.validUntil(formatInstant(i.validUntil, timeZone, ctx.lang))} ·{' '}
                  {t.invitedBy(i.invitedBy)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite">
        <h2 id="invite">{t.invite}</h2>
        <p>{t.inviteLead}</p>
        <form method="post" action="/admin/staf/undang" class="form admin-form narrow">
          <Alert form="invite" />
          <Field id="invite-name" label={t.name} error={errorOf('invite', 'name')}>
            <input
              id="invite-name"
              name="name"
              value={value('invite', 'name', '')}
              required
              minlength={2}
              maxlength={120}
              autocomplete="off"
            />
          </Field>
          <Field id="invite-email" label={t.email} error={errorOf('invite', 'email')}>
            <input
              id="invite-email"
              name="email"
              type="email"
              value={value('invite', 'email', '')}
              required
              maxlength={254}
              autocomplete="off"
            />
          </Field>
          <Field id="invite-role" label={t.role} error={errorOf('invite', 'role')}>
            <select id="invite-role" name="role">
              {roles.map((r) => (
                <option value={r} selected={r === inviteRole}>
                  {m.roles[r]}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" class="button">
            {t.send}
          </button>
        </form>
      </section>
    </Layout>
  )
}

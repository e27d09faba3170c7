import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  email: string
  roleName: string
  name: string
  error?: string
}

/** Where an invited admin or officer chooses a password (the link works once, for 72 hours). */
export const InvitePage = ({ ctx, email, roleName, name, error }: Props) => {
  const t = ctx.m.invitePage
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.lead(ctx.brand?.name ?? '', roleName)}</p>
      <form method="post" class="form narrow" novalidate>
        {error && (
          <p class="alert" role="alert" id="invite-error">
            {error}
          </p>
        )}
        <label for="email">{t.email}</label>
        <input id="email" type="email" value={email} readonly autocomplete="username" />
        <label for="name">{t.name}</label>
        <input id="name" name="name" value={name} autocomplete="name" required />
        <label for="password">{t.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength={10}
          required
          aria-describedby={error ? 'password-hint invite-error' : 'password-hint'}
        />
        <p class="muted small" id="password-hint">
          {t.passwordHint}
        </p>
        <label for="confirm">{t.confirm}</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autocomplete="new-password"
          minlength={10}
          required
        />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </Layout>
  )
}

import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  title: string
  /** What the user typed, kept when the form comes back with an error. */
  email?: string
  next?: string
  error?: string
}

export const LoginPage = ({ ctx, title, email, next, error }: Props) => {
  const { m } = ctx
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <form method="post" action="/masuk" class="form narrow" novalidate>
        {error && (
          <p class="alert" role="alert" id="login-error">
            {error}
          </p>
        )}
        {next && <input type="hidden" name="next" value={next} />}
        <label for="email">{m.login.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email ?? ''}
          aria-describedby={error ? 'login-error' : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for="password">{m.login.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" class="button">
          {m.login.submit}
        </button>
      </form>
    </Layout>
  )
}

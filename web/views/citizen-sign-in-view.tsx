import { FieldError } from '../components/form-errors'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

export interface CitizenSignInState {
  /** What was typed, kept when the form comes back refused. */
  address?: string
  code?: string
  /** Where the code went, masked: the form then asks for the code. */
  sentTo?: string
  /** How long a code works, for the hint. */
  minutes: number
  /** A refusal of the whole form (a wrong code, too many tries), at the top. */
  error?: string
  /** A refused field and why, beside it. */
  field?: { name: 'alamat' | 'kode'; message: string }
  /** The page of this site to go back to once signed in (`/layanan/kk`). */
  next?: string
}

/**
 * A citizen signs in in two sends of one form, without script: the address, then the code sent to it. The
 * address stays in the form (and can be changed with "use another address").
 */
export const CitizenSignInPage = ({ ctx, state }: { ctx: PageContext; state: CitizenSignInState }) => {
  const { m } = ctx
  const t = m.citizenSignIn
  const { address, code, sentTo, minutes, error, field, next } = state
  const invalid = (name: 'alamat' | 'kode') => (field?.name === name ? 'true' : undefined)
  const described = (name: 'alamat' | 'kode', hint: string) =>
    [field?.name === name ? `${name}-error` : undefined, error ? 'signin-error' : undefined, hint]
      .filter(Boolean)
      .join(' ')
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <form method="post" action="/warga/masuk" class="form narrow" novalidate>
        {next && <input type="hidden" name="lanjut" value={next} />}
        {error && (
          <p class="alert" role="alert" id="signin-error">
            {error}
          </p>
        )}
        <label for="alamat">{t.address}</label>
        <p class="hint" id="alamat-hint">
          {t.addressHint}
        </p>
        <FieldError id="alamat" message={field?.name === 'alamat' ? field.message : undefined} />
        <input
          id="alamat"
          name="alamat"
          autocomplete="username"
          maxlength={254}
          required
          readonly={sentTo ? true : undefined}
          value={address ?? ''}
          aria-describedby={described('alamat', 'alamat-hint')}
          aria-invalid={invalid('alamat')}
        />
        {sentTo && (
          <>
            <input type="hidden" name="terkirim" value={sentTo} />
            <label for="kode">{t.code}</label>
            <p class="hint" id="kode-hint" role="status">
              {t.codeSent(sentTo, minutes)}
            </p>
            <FieldError id="kode" message={field?.name === 'kode' ? field.message : undefined} />
            <input
              id="kode"
              name="kode"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength={6}
              required
              value={code ?? ''}
              aria-describedby={described('kode', 'kode-hint')}
              aria-invalid={invalid('kode')}
            />
          </>
        )}
        <button type="submit" class="button">
          {sentTo ? t.signIn : t.sendCode}
        </button>
        {sentTo && (
          <button type="submit" name="kirimUlang" value="ya" class="button button--secondary" formnovalidate>
            {t.resendCode}
          </button>
        )}
      </form>
      {sentTo && (
        <p>
          <a href="/warga/masuk">{t.otherAddress}</a>
        </p>
      )}
    </Layout>
  )
}

/** The signed-in citizen's page: who they are here, and the way out. */
export const CitizenHomePage = ({ ctx, address }: { ctx: PageContext; address: string }) => {
  const t = ctx.m.citizenSignIn
  return (
    <Layout ctx={ctx} title={t.accountTitle}>
      <h1>{t.accountTitle}</h1>
      <p role="status">{t.signedIn(address)}</p>
      <ul class="checklist">
        <li>
          <a href="/warga/permohonan">{ctx.m.serviceRequests.myRequests}</a>
        </li>
        <li>
          <a href="/warga/dokumen">{ctx.m.serviceRequests.myDocuments}</a>
        </li>
      </ul>
      <form method="post" action="/warga/keluar" class="form narrow">
        <button type="submit" class="button button--secondary">
          {t.signOut}
        </button>
      </form>
    </Layout>
  )
}

import type { PageContext } from '../components/page-context'
import { KioskFrame } from './kiosk-frame'

interface Props {
  ctx: PageContext
  code?: string
  error?: string
}

/** Checking an appointment in with its six-character code. */
export const KioskCheckIn = ({ ctx, code, error }: Props) => {
  const t = ctx.m.kiosk
  return (
    <KioskFrame ctx={ctx} title={t.checkInTitle}>
      <h1>{t.checkInTitle}</h1>
      <form method="post" action="/kios/janji" class="kiosk-form" novalidate>
        {error && (
          <p class="kiosk-alert" role="alert" id="check-in-error">
            {error}
          </p>
        )}
        <label for="kode">{t.codeLabel}</label>
        <p class="kiosk-explain" id="code-hint">
          {t.codeHint}
        </p>
        <input
          id="kode"
          name="kode"
          class="kiosk-code"
          type="text"
          inputmode="text"
          autocapitalize="characters"
          autocomplete="off"
          maxlength={12}
          required
          value={code ?? ''}
          aria-describedby={error ? 'check-in-error code-hint' : 'code-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        <button type="submit" class="kiosk-button kiosk-button--huge">
          {t.checkInSubmit}
        </button>
      </form>
      <p>
        <a class="kiosk-back" href="/kios">
          {t.back}
        </a>
      </p>
    </KioskFrame>
  )
}

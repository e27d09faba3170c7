import type { PageContext } from '../components/page-context'
import { SurveyForm, type SurveyValues } from '../components/survey-form'
import { KioskFrame } from './kiosk-frame'

/**
 * The kiosk at the exit: the citizen types the number and the survey code of today's ticket (the number alone
 * proves nothing: anyone can read it off the board). A refusal shows beside its field, the typing kept.
 */
export const KioskSurveyStart = ({
  ctx,
  number,
  code,
  error,
}: {
  ctx: PageContext
  number?: string
  code?: string
  error?: { field: 'number' | 'code'; text: string }
}) => {
  const t = ctx.m.survey
  const wrong = (field: 'number' | 'code') => error?.field === field
  const message = (field: 'number' | 'code') =>
    wrong(field) && (
      <p class="kiosk-alert" role="alert" id={`survey-${field}-error`}>
        {error?.text}
      </p>
    )
  return (
    <KioskFrame ctx={ctx} title={t.kioskTitle}>
      <h1>{t.kioskTitle}</h1>
      <p class="kiosk-explain">{t.kioskLead}</p>
      <form method="post" action="/kios/survei" class="kiosk-form" novalidate>
        <label for="nomor">{t.kioskNumber}</label>
        {message('number')}
        <input
          id="nomor"
          name="nomor"
          class="kiosk-code"
          type="text"
          autocapitalize="characters"
          autocomplete="off"
          maxlength={8}
          required
          value={number ?? ''}
          aria-describedby={wrong('number') ? 'survey-number-error' : undefined}
          aria-invalid={wrong('number') ? 'true' : undefined}
        />
        <label for="kode">{t.kioskCode}</label>
        <p class="kiosk-explain" id="survey-code-hint">
          {t.kioskCodeHint}
        </p>
        {message('code')}
        <input
          id="kode"
          name="kode"
          class="kiosk-code"
          type="text"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          maxlength={12}
          required
          value={code ?? ''}
          aria-describedby={wrong('code') ? 'survey-code-error survey-code-hint' : 'survey-code-hint'}
          aria-invalid={wrong('code') ? 'true' : undefined}
        />
        <button type="submit" class="kiosk-button kiosk-button--huge">
          {t.kioskNext}
        </button>
      </form>
      <p>
        <a class="kiosk-back" href="/kios">
          {ctx.m.kiosk.back}
        </a>
      </p>
    </KioskFrame>
  )
}

/** The nine questions on the kiosk, for the ticket found by its number. */
export const KioskSurvey = ({
  ctx,
  ticket,
  action,
  values,
  missing,
}: {
  ctx: PageContext
  ticket: { label: string; service: string }
  action: string
  values?: SurveyValues
  missing?: string[]
}) => {
  const t = ctx.m.survey
  return (
    <KioskFrame ctx={ctx} title={t.kioskTitle}>
      <h1>{t.heading}</h1>
      <p class="kiosk-explain">{t.forTicket(ticket.label, ticket.service)}</p>
      <SurveyForm m={ctx.m} action={action} values={values} missing={missing} kiosk />
    </KioskFrame>
  )
}

/** Thanks, and the way back for the next citizen (the screen also returns by itself when left idle). */
export const KioskSurveyThanks = ({ ctx }: { ctx: PageContext }) => {
  const t = ctx.m.survey
  return (
    <KioskFrame ctx={ctx} title={t.thanksTitle}>
      <h1>{t.thanksTitle}</h1>
      <p class="kiosk-explain">{t.thanks}</p>
      <p>
        <a class="kiosk-button kiosk-button--huge" href="/kios/survei">
          {t.kioskAgain}
        </a>
      </p>
    </KioskFrame>
  )
}

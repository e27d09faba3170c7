import type { PageContext } from '../components/page-context'
import { SurveyForm, type SurveyValues } from '../components/survey-form'
import { KioskFrame } from './kiosk-frame'

/** The kiosk at the exit: the citizen types the number on today's ticket. */
export const KioskSurveyStart = ({
  ctx,
  number,
  error,
}: {
  ctx: PageContext
  number?: string
  error?: string
}) => {
  const t = ctx.m.survey
  return (
    <KioskFrame ctx={ctx} title={t.kioskTitle}>
      <h1>{t.kioskTitle}</h1>
      <form method="post" action="/kios/survei" class="kiosk-form" novalidate>
        {error && (
          <p class="kiosk-alert" role="alert" id="survey-number-error">
            {error}
          </p>
        )}
        <label for="nomor">{t.kioskNumber}</label>
        <p class="kiosk-explain" id="survey-number-hint">
          {t.kioskLead}
        </p>
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
          aria-describedby={error ? 'survey-number-error survey-number-hint' : 'survey-number-hint'}
          aria-invalid={error ? 'true' : undefined}
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

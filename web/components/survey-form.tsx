import { ageBands, educationLevels, genders, occupations, surveyElements } from '@mpp/core/satisfaction'
import type { Messages } from '../i18n/messages'

/** What the form sent, kept as typed when it comes back refused. */
export type SurveyValues = Record<string, string>

interface Props {
  m: Messages
  action: string
  values?: SurveyValues
  /** The elements left unanswered in a refused submission. */
  missing?: string[]
  /** Larger targets on the kiosk's touch screen. */
  kiosk?: boolean
}

const profileFields = [
  ['gender', genders, 'genders'],
  ['ageBand', ageBands, 'ageBands'],
  ['education', educationLevels, 'educationLevels'],
  ['occupation', occupations, 'occupations'],
] as const

/**
 * The nine questions of the SKM (PermenPANRB 14/2017) with their official answers, 1 to 4, as radio buttons:
 * a plain form that works without script on any phone. The fee question has its own wording.
 */
export const SurveyForm = ({ m, action, values = {}, missing = [], kiosk = false }: Props) => {
  const t = m.survey
  return (
    <form method="post" action={action} class={kiosk ? 'form kiosk-survey' : 'form'} novalidate>
      {missing.length > 0 && (
        <div class="alert" role="alert" id="survey-error">
          <p>{t.answerAll}</p>
        </div>
      )}
      {surveyElements.map((code, i) => {
        const element = t.elements[code] as { name: string; question: string; answers: string[] }
        const wrong = missing.includes(code)
        return (
          <fieldset
            class="choices"
            id={`q-${code}`}
            aria-describedby={wrong ? `${code}-error` : undefined}
            aria-invalid={wrong ? 'true' : undefined}
          >
            <legend>
              {i + 1}. {element.name}
            </legend>
            <p>{element.question}</p>
            {wrong && (
              <p class="field-error" id={`${code}-error`}>
                {t.required}
              </p>
            )}
            {element.answers.map((answer, a) => (
              <label class="choice">
                <input
                  type="radio"
                  name={code}
                  value={String(a + 1)}
                  checked={values[code] === String(a + 1)}
                  required
                />
                <span>{answer}</span>
              </label>
            ))}
          </fieldset>
        )
      })}
      <fieldset class="choices">
        <legend>{t.profileHeading}</legend>
        {profileFields.map(([name, options, labels]) => (
          <div class="field">
            <label for={`profile-${name}`}>{t[name]}</label>
            <select id={`profile-${name}`} name={name}>
              <option value="">{t.notGiven}</option>
              {options.map((o) => (
                <option value={o} selected={values[name] === o}>
                  {(t[labels] as Record<string, string>)[o]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="comment">{t.comment}</label>
        <textarea id="comment" name="comment" rows={3} maxlength={1000}>
          {values.comment ?? ''}
        </textarea>
      </div>
      <button type="submit" class={kiosk ? 'kiosk-button kiosk-button--huge' : 'button'}>
        {t.submit}
      </button>
    </form>
  )
}

import { surveyElements } from '@mpp/core/satisfaction'
import type { SurveyValues } from '@mpp/web/components/survey-form'

/** Reads the form: the answers and profile for `surveyInput`, and which elements are unanswered. */
export const readSurveyForm = (form: Record<string, unknown>) => {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
  const values: SurveyValues = Object.fromEntries(
    [...surveyElements, 'gender', 'ageBand', 'education', 'occupation', 'comment'].map((n) => [n, text(n)]),
  )
  const missing = surveyElements.filter((e) => !/^[1-4]$/.test(values[e] ?? ''))
  const profile = Object.fromEntries(
    ['gender', 'ageBand', 'education', 'occupation'].filter((n) => values[n]).map((n) => [n, values[n]]),
  )
  const input = {
    answers: Object.fromEntries(surveyElements.map((e) => [e, Number(values[e])])),
    ...(Object.keys(profile).length ? { profile } : {}),
    ...(values.comment?.trim() ? { comment: values.comment } : {}),
  }
  return { values, missing, input }
}

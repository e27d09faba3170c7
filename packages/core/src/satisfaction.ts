import { z } from 'zod'

/**
 * The citizen satisfaction survey (SKM, PermenPANRB 14/2017): nine elements, each answered 1-4, stored by code
 * because systems disagree on their order.
 */
export const surveyElements = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const
export type SurveyElement = (typeof surveyElements)[number]

export const surveyAnswer = z.number().int().min(1).max(4)
export type SurveyAnswer = 1 | 2 | 3 | 4

export const surveyAnswers = z
  .object(
    Object.fromEntries(surveyElements.map((e) => [e, surveyAnswer])) as Record<
      SurveyElement,
      typeof surveyAnswer
    >,
  )
  .strict()
export type SurveyAnswers = Record<SurveyElement, number>

/** The optional respondent profile the official form asks for. */
export const genders = ['L', 'P'] as const
export const ageBands = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const
// The official questionnaire's lists (PermenPANRB 14/2017, annex).
export const educationLevels = ['SD', 'SMP', 'SMA', 'D1-D3', 'D4-S1', 'S2+'] as const
export const occupations = ['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'] as const

export const respondentProfile = z
  .object({
    gender: z.enum(genders).optional(),
    ageBand: z.enum(ageBands).optional(),
    education: z.enum(educationLevels).optional(),
    occupation: z.enum(occupations).optional(),
  })
  .strict()
export type RespondentProfile = z.infer<typeof respondentProfile>

/** One citizen's response, as submitted. */
export const surveyInput = z
  .object({
    answers: surveyAnswers,
    profile: respondentProfile.optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict()
export type SurveyInput = z.infer<typeof surveyInput>

/** A response as stored: what was answered, for which ticket, service and queue, and where. */
export const surveyResponse = surveyInput.extend({
  ticketKey: z.string(),
  day: z.string(),
  serviceId: z.string(),
  queueId: z.string(),
  via: z.enum(['phone', 'kiosk']),
  at: z.iso.datetime(),
})
export type SurveyResponse = z.infer<typeof surveyResponse>

/**
 * What the index is computed from: the number of respondents and the sum of answers per element. Additive, so
 * tallies of days, queues or tenants add up to the tally of their union.
 */
export interface SatisfactionTally {
  respondents: number
  sums: Record<SurveyElement, number>
}

export const emptyTally = (): SatisfactionTally => ({
  respondents: 0,
  sums: Object.fromEntries(surveyElements.map((e) => [e, 0])) as Record<SurveyElement, number>,
})

export const addTallies = (...tallies: SatisfactionTally[]): SatisfactionTally => {
  const total = emptyTally()
  for (const t of tallies) {
    total.respondents += t.respondents
    for (const e of surveyElements) total.sums[e] += t.sums[e] ?? 0
  }
  return total
}

export const tallyOf = (answers: SurveyAnswers): SatisfactionTally => ({
  respondents: 1,
  sums: { ...answers },
})

export type Grade = 'A' | 'B' | 'C' | 'D'

/** The official cut-offs on the converted value (25-100), in hundredths: A >= 88.31, B >= 76.61, C >= 65.00. */
export const gradeOf = (ikmHundredths: number): Grade =>
  ikmHundredths >= 8831 ? 'A' : ikmHundredths >= 7661 ? 'B' : ikmHundredths >= 6500 ? 'C' : 'D'

export interface SatisfactionIndex {
  respondents: number
  /** Average answer per element (NRR), unrounded. */
  nrr: Record<SurveyElement, number>
  /** The converted index (IKM x 25), rounded half up to two decimals. */
  ikm: number
  /** Graded on the value as reported, so a report never shows 88.31 beside a B. */
  grade: Grade
}

/**
 * NRR per element and the index: IKM = sum(NRR x 1/9) x 25. Every respondent answers all nine elements, so
 * the converted value is 2500·S / (9·n) hundredths for S the sum of all answers: computed in integers, with
 * the exact weight 1/9 and no float drift at the grade boundaries. Undefined without respondents.
 */
export const satisfactionIndex = (tally: SatisfactionTally): SatisfactionIndex | undefined => {
  const n = tally.respondents
  if (n <= 0) return undefined
  const total = surveyElements.reduce((sum, e) => sum + tally.sums[e], 0)
  // round(2500·S / 9n) = floor((2·2500·S + 9n) / (2·9n)), all integers.
  const hundredths = Math.floor((5000 * total + 9 * n) / (18 * n))
  return {
    respondents: n,
    nrr: Object.fromEntries(surveyElements.map((e) => [e, tally.sums[e] / n])) as Record<
      SurveyElement,
      number
    >,
    ikm: hundredths / 100,
    grade: gradeOf(hundredths),
  }
}

/** The elements from weakest to strongest (lowest NRR first), for "what to improve". */
export const weakestElements = (index: SatisfactionIndex): SurveyElement[] =>
  [...surveyElements].sort((a, b) => index.nrr[a] - index.nrr[b] || a.localeCompare(b))

/**
 * The minimum number of respondents for `population` citizens served (Krejcie and Morgan, as the regulation
 * points to): s = 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25), rounded.
 */
export const minimumSample = (population: number): number => {
  if (population <= 0) return 0
  return Math.round((3.841 * population * 0.25) / (0.0025 * (population - 1) + 3.841 * 0.25))
}

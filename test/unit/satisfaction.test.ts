import {
  addTallies,
  emptyTally,
  gradeOf,
  minimumSample,
  type SatisfactionTally,
  type SurveyAnswers,
  satisfactionIndex,
  surveyElements,
  surveyInput,
  tallyOf,
  weakestElements,
} from '@mpp/core/satisfaction'
import { describe, expect, it } from 'vitest'

const all = (answer: number): SurveyAnswers =>
  Object.fromEntries(surveyElements.map((e) => [e, answer])) as SurveyAnswers

/** `respondents` people whose answers add up to `total`, spread over the nine elements as evenly as they go. */
const tallyWithTotal = (respondents: number, total: number): SatisfactionTally => {
  const tally = emptyTally()
  tally.respondents = respondents
  surveyElements.forEach((e, i) => {
    tally.sums[e] = Math.floor(total / 9) + (i < total % 9 ? 1 : 0)
  })
  return tally
}

describe('the satisfaction index (IKM)', () => {
  it('gives 100.00 and grade A for the one respondent answering 4 everywhere (DOMAIN.md)', () => {
    expect(satisfactionIndex(tallyOf(all(4)))).toEqual({
      respondents: 1,
      nrr: all(4),
      ikm: 100,
      grade: 'A',
    })
  })

  it('uses the exact weight 1/9: a rounded 0.111 would give 99.90 for the same answers', () => {
    expect(satisfactionIndex(addTallies(tallyOf(all(4)), tallyOf(all(4)), tallyOf(all(4))))?.ikm).toBe(100)
    expect(satisfactionIndex(tallyOf(all(1)))?.ikm).toBe(25)
    expect(satisfactionIndex(tallyOf(all(3)))?.ikm).toBe(75)
  })

  it('computes NRR per element and the index from them', () => {
    const a = { ...all(3), U4: 4, U8: 2 } as SurveyAnswers
    const b = { ...all(4), U3: 2 } as SurveyAnswers
    const index = satisfactionIndex(addTallies(tallyOf(a), tallyOf(b)))
    expect(index?.nrr).toEqual({
      U1: 3.5,
      U2: 3.5,
      U3: 2.5,
      U4: 4,
      U5: 3.5,
      U6: 3.5,
      U7: 3.5,
      U8: 3,
      U9: 3.5,
    })
    // Sum of NRR = 30.5; 30.5 / 9 x 25 = 84.722...
    expect(index?.ikm).toBe(84.72)
    expect(index?.grade).toBe('B')
    expect(weakestElements(index as NonNullable<typeof index>).slice(0, 2)).toEqual(['U3', 'U8'])
  })

  it.each([
    // respondents, sum of all answers, index as reported, grade
    [24, 763, 88.31, 'A'], // 88.3102 rounds to the boundary: A
    [19, 604, 88.3, 'B'], // 88.3041
    [19, 524, 76.61, 'B'], // 76.6082 rounds up to the boundary: B
    [26, 717, 76.6, 'C'], // 76.6026
    [5, 117, 65, 'C'], // exactly 65.00
    [38, 889, 64.99, 'D'], // 64.9854
  ])('grades %i respondents answering %i in total as %f %s', (n, total, ikm, grade) => {
    const index = satisfactionIndex(tallyWithTotal(n, total))
    expect(index?.ikm).toBe(ikm)
    expect(index?.grade).toBe(grade)
  })

  it('rounds half up: 2812.5 hundredths is reported as 28.13', () => {
    expect(satisfactionIndex(tallyWithTotal(8, 81))?.ikm).toBe(28.13)
  })

  it('puts the grade boundaries where the regulation puts them', () => {
    expect([8831, 8830, 7661, 7660, 6500, 6499].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D'])
    expect(gradeOf(10000)).toBe('A')
    expect(gradeOf(2500)).toBe('D')
  })

  it('has no index without respondents', () => {
    expect(satisfactionIndex(emptyTally())).toBeUndefined()
  })
})

describe('the minimum sample (Krejcie and Morgan)', () => {
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [100, 80],
    [1000, 278],
    [10_000, 370],
    [1_000_000, 384],
  ])('for %i citizens served is %i respondents', (population, sample) => {
    expect(minimumSample(population)).toBe(sample)
  })
})

describe('a survey response', () => {
  it('takes the nine answers, 1 to 4, and an optional profile and comment', () => {
    expect(surveyInput.safeParse({ answers: all(4) }).success).toBe(true)
    expect(
      surveyInput.safeParse({ answers: all(2), profile: { gender: 'P', ageBand: '30-39' }, comment: 'Cepat' })
        .success,
    ).toBe(true)
  })

  it('refuses answers outside 1-4, a missing element and an unknown field', () => {
    expect(surveyInput.safeParse({ answers: { ...all(4), U5: 5 } }).success).toBe(false)
    expect(surveyInput.safeParse({ answers: { ...all(4), U5: 0 } }).success).toBe(false)
    expect(surveyInput.safeParse({ answers: { ...all(4), U5: 2.5 } }).success).toBe(false)
    const { U9: _, ...eight } = all(4)
    expect(surveyInput.safeParse({ answers: eight }).success).toBe(false)
    expect(surveyInput.safeParse({ answers: { ...all(4), U10: 4 } }).success).toBe(false)
  })
})

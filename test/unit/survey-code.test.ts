import { normaliseSurveyCode, surveyCodeOf } from '@mpp/api/queue/secret-link'
import { trackingAlphabet } from '@mpp/core/complaint'
import { describe, expect, it } from 'vitest'

describe("a ticket's survey code", () => {
  it('is six symbols without look-alikes, the same for the same secret', () => {
    const code = surveyCodeOf('Zb3m1x9QpLkV0aN2cT7yWg')
    expect(code).toMatch(new RegExp(`^[${trackingAlphabet}]{6}$`))
    expect(code).not.toMatch(/[01ILOU]/)
    expect(surveyCodeOf('Zb3m1x9QpLkV0aN2cT7yWg')).toBe(code)
  })

  it('spreads over the code space: secrets a character apart get unrelated codes', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => surveyCodeOf(`secret-of-ticket-${i}`))
    // 2000 draws from 30^6 codes: a repeat would be a one-in-360 event, far more means a weak derivation.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(1999)
    for (const position of [0, 5]) expect(new Set(codes.map((c) => c[position])).size).toBe(30)
  })

  it('is read as people type it, and anything else is malformed', () => {
    expect(normaliseSurveyCode(' kx7-pm2 ')).toBe('KX7PM2')
    for (const typed of ['', 'KX7PM', 'KX7PM2Q', 'KX7PM0', 'KX7PMO', 'KX7PMI', 'KX7PML', 'KX7PMU', 'KX7PM!'])
      expect(normaliseSurveyCode(typed), typed).toBeUndefined()
  })
})

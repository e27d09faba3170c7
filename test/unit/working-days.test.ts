import { addWorkingDays, isWorkingDay } from '@mpp/core/working-days'
import { describe, expect, it } from 'vitest'

const none = new Set<string>()

describe('working days', () => {
  it('skips weekends: 3 working days after Thursday 2026-11-26 is Tuesday 2026-12-01', () => {
    expect(addWorkingDays('2026-11-26', 3, none)).toBe('2026-12-01')
  })

  it('counts from the next day even when filed on a weekend', () => {
    expect(addWorkingDays('2026-11-28', 1, none)).toBe('2026-11-30') // Saturday -> Monday
    expect(addWorkingDays('2026-11-29', 5, none)).toBe('2026-12-04') // Sunday -> Friday
  })

  it("skips the tenant's holidays too", () => {
    // Christmas 2026 is a Friday; with the collective leave day on Thursday 24th.
    const holidays = new Set(['2026-12-24', '2026-12-25'])
    expect(addWorkingDays('2026-12-22', 3, holidays)).toBe('2026-12-29')
    expect(addWorkingDays('2026-12-22', 3, none)).toBe('2026-12-25')
    expect(isWorkingDay('2026-12-25', holidays)).toBe(false)
    expect(isWorkingDay('2026-12-28', holidays)).toBe(true)
  })

  it('crosses months and years: 10 working days after 2026-12-24 with New Year off', () => {
    expect(addWorkingDays('2026-12-24', 10, new Set(['2026-12-25', '2027-01-01']))).toBe('2027-01-11')
  })

  it('zero days is the same day', () => {
    expect(addWorkingDays('2026-11-28', 0, none)).toBe('2026-11-28')
  })
})

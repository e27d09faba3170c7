import { randomBytes } from 'node:crypto'
import {
  complaintDeadlines,
  complaintInput,
  formatTrackingCode,
  isOverdue,
  isQuietSinceResponse,
  normaliseTrackingCode,
  overdueStep,
  replyDeadline,
  respondAgainBy,
  respondedOnTime,
  trackingAlphabet,
  trackingCode,
  trackingCodeFrom,
} from '@mpp/core/complaint'
import { describe, expect, it } from 'vitest'

const none = new Set<string>()
const christmas = new Set(['2026-12-25'])
const christmasAndNewYear = new Set(['2026-12-25', '2027-01-01'])

describe('complaint deadlines (verify in 3 working days, follow up within 5 more)', () => {
  it('skip the weekend and the holiday: filed Thursday 2026-12-24 with Christmas off', () => {
    // Fri 25 holiday, Sat-Sun; Mon 28 (1), Tue 29 (2), Wed 30 (3) | Thu 31 (4), Mon 4 (5) .. Thu 7 (8).
    expect(complaintDeadlines('2026-12-24', christmasAndNewYear)).toEqual({
      verifyBy: '2026-12-30',
      respondBy: '2027-01-07',
    })
    // Without New Year's Day off, Friday 1 January counts.
    expect(complaintDeadlines('2026-12-24', christmas)).toEqual({
      verifyBy: '2026-12-30',
      respondBy: '2027-01-06',
    })
    // And with no holidays at all, Christmas Day counts too.
    expect(complaintDeadlines('2026-12-24', none)).toEqual({
      verifyBy: '2026-12-29',
      respondBy: '2027-01-05',
    })
  })

  it('count from the next working day when filed on a Friday or a weekend', () => {
    expect(complaintDeadlines('2026-11-27', none)).toEqual({
      verifyBy: '2026-12-02',
      respondBy: '2026-12-09',
    })
    expect(complaintDeadlines('2026-11-28', none)).toEqual({
      verifyBy: '2026-12-02',
      respondBy: '2026-12-09',
    })
    expect(complaintDeadlines('2026-11-29', none)).toEqual({
      verifyBy: '2026-12-02',
      respondBy: '2026-12-09',
    })
  })

  it('give the citizen 10 working days to reply, holidays skipped', () => {
    expect(replyDeadline('2026-12-07', none)).toBe('2026-12-21')
    // Responded Thursday 17 December: Christmas and New Year push it into January.
    expect(replyDeadline('2026-12-17', christmasAndNewYear)).toBe('2027-01-04')
    expect(replyDeadline('2026-12-17', none)).toBe('2026-12-31')
  })

  it('give staff 5 working days to answer a reply', () => {
    expect(respondAgainBy('2026-12-23', christmas)).toBe('2026-12-31')
    expect(respondAgainBy('2026-12-23', none)).toBe('2026-12-30')
  })
})

describe('overdue', () => {
  const c = { verifyBy: '2026-12-30', respondBy: '2027-01-07' }

  it('is not late on the deadline day itself, late the day after', () => {
    expect(overdueStep({ ...c, status: 'received' }, '2026-12-30')).toBeUndefined()
    expect(overdueStep({ ...c, status: 'received' }, '2026-12-31')).toBe('verify')
    expect(overdueStep({ ...c, status: 'verified' }, '2027-01-07')).toBeUndefined()
    expect(overdueStep({ ...c, status: 'verified' }, '2027-01-08')).toBe('respond')
    expect(isOverdue({ ...c, status: 'verified' }, '2027-01-08')).toBe(true)
  })

  it('is never late once responded or closed', () => {
    expect(isOverdue({ ...c, status: 'responded' }, '2027-06-01')).toBe(false)
    expect(isOverdue({ ...c, status: 'closed' }, '2027-06-01')).toBe(false)
  })

  it('a response on the follow-up deadline is on time, the day after is not', () => {
    expect(respondedOnTime(c, '2027-01-07')).toBe(true)
    expect(respondedOnTime(c, '2027-01-08')).toBe(false)
  })

  it('a responded complaint closes the day after its reply deadline', () => {
    const responded = { status: 'responded' as const, replyBy: '2027-01-22' }
    expect(isQuietSinceResponse(responded, '2027-01-22')).toBe(false)
    expect(isQuietSinceResponse(responded, '2027-01-23')).toBe(true)
    expect(isQuietSinceResponse({ status: 'verified', replyBy: undefined }, '2027-06-01')).toBe(false)
  })
})

describe('tracking codes', () => {
  it('use 30 symbols without look-alikes', () => {
    expect(trackingAlphabet).toHaveLength(30)
    for (const confusable of ['0', '1', 'O', 'I', 'L', 'U'])
      expect(trackingAlphabet).not.toContain(confusable)
  })

  it('are drawn evenly: bytes past the last whole round of the alphabet are skipped', () => {
    // 240 = 8 x 30: bytes 240-255 would favour the first symbols, so they are dropped.
    const bytes = [255, 240, 0, 1, 29, 30, 59, 239, 100, 101, 102, 103]
    const code = trackingCodeFrom((n) => Uint8Array.from({ length: n }, (_, i) => bytes[i] ?? 0))
    expect(code).toBe('23Z2ZZCDEF')
    expect(trackingCode.safeParse(code).success).toBe(true)
  })

  it('are random enough that 2,000 never repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => trackingCodeFrom((n) => randomBytes(n))))
    expect(codes.size).toBe(2000)
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/)
  })

  it('are read as people type them and shown in groups', () => {
    expect(normaliseTrackingCode('kx7p-m2qd-9r')).toBe('KX7PM2QD9R')
    expect(normaliseTrackingCode(' KX7P M2QD 9R ')).toBe('KX7PM2QD9R')
    expect(normaliseTrackingCode('KX7P-M2QD-9')).toBeUndefined()
    expect(normaliseTrackingCode('OX7P-M2QD-9R')).toBeUndefined()
    expect(formatTrackingCode('KX7PM2QD9R')).toBe('KX7P-M2QD-9R')
  })
})

describe('complaint input', () => {
  const text = 'Petugas loket 3 meminta biaya tambahan di luar tarif resmi.'

  it('accepts an anonymous complaint without any contact', () => {
    const parsed = complaintInput.parse({ category: 'biaya', text, anonymous: true })
    expect(parsed).toEqual({ category: 'biaya', text, anonymous: true })
  })

  it('refuses contact details on an anonymous complaint', () => {
    const result = complaintInput.safeParse({
      category: 'biaya',
      text,
      anonymous: true,
      contact: { name: 'Budi' },
    })
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['contact'])
  })

  it('needs a name otherwise, and normalises the phone number', () => {
    const noName = complaintInput.safeParse({ category: 'biaya', text, contact: { phone: '0812-3456-7890' } })
    expect(noName.error?.issues.map((i) => i.path.join('.'))).toEqual(['contact.name'])
    const parsed = complaintInput.parse({
      category: 'biaya',
      text,
      contact: { name: 'Budi', phone: '0812-3456-7890' },
    })
    expect(parsed.contact).toEqual({ name: 'Budi', phone: '+6281234567890' })
    expect(parsed.anonymous).toBe(false)
  })

  it('refuses short texts, unknown categories and unknown fields', () => {
    const result = complaintInput.safeParse({
      category: 'lain',
      text: 'terlalu pendek',
      anonymous: true,
      extra: 1,
    })
    expect(result.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(
      ['category', 'text', 'unrecognized_keys'].sort(),
    )
  })
})

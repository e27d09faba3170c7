import { fieldIssues } from '@mpp/api/validation'
import { checkNik, nik } from '@mpp/core/nik'
import { regencies } from '@mpp/core/regions'
import { en } from '@mpp/web/i18n/en'
import { id } from '@mpp/web/i18n/id'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A NIK as Dukcapil would issue one: a regency of the list, a district, a real date, a serial. */
const validNik = fc
  .record({
    regency: fc.constantFrom(...regencies.map((r) => r.code)),
    district: fc.integer({ min: 1, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    yy: fc.integer({ min: 0, max: 99 }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .filter(({ day, month, yy }) => {
    // Any century does: 19yy or 20yy, whichever has that day (2000 for 29 February of 00).
    const year = yy % 4 === 0 ? 2000 + yy : 1900 + yy
    return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
  })
  .map((p) => ({
    ...p,
    value: `${p.regency.replace('.', '')}${pad(p.district)}${pad(p.female ? p.day + 40 : p.day)}${pad(p.month)}${pad(p.yy)}${pad(p.serial, 4)}`,
  }))

const wordsOf = (value: unknown) => {
  const schema = z.object({ nik })
  const result = schema.safeParse({ nik: value })
  if (result.success) throw new Error('expected a refusal')
  return {
    id: fieldIssues(result.error, id, { nik: value })[0]?.message,
    en: fieldIssues(result.error, en, { nik: value })[0]?.message,
  }
}

describe('NIK', () => {
  it('reads a man and a woman of Lubuklinggau', () => {
    expect(checkNik('1673011708900001')).toEqual({
      ok: true,
      parts: {
        regencyCode: '16.73',
        district: '01',
        birth: { day: 17, month: 8, yy: 90 },
        sex: 'male',
        serial: '0001',
      },
    })
    expect(checkNik('1673015708900002')).toMatchObject({
      ok: true,
      parts: { birth: { day: 17, month: 8, yy: 90 }, sex: 'female' },
    })
  })

  it.each([
    ['167301170890001', 'nikDigits', 'fifteen digits'],
    ['16730117089000011', 'nikDigits', 'seventeen digits'],
    ['1673-0117-0890-01', 'nikDigits', 'separators'],
    ['9999011708900001', 'nikRegency', 'no regency 99.99'],
    ['1600011708900001', 'nikRegency', 'a province without its regency'],
    ['1673001708900001', 'nikDistrict', 'district 00'],
    ['1673013102900001', 'nikBirthDate', '31 February'],
    ['1673017102900001', 'nikBirthDate', "a woman's 31 February"],
    ['1673013104900001', 'nikBirthDate', '31 April'],
    ['1673012902910001', 'nikBirthDate', '29 February of a year that has none'],
    ['1673010008900001', 'nikBirthDate', 'day 0'],
    ['1673014008900001', 'nikBirthDate', 'day 40 (a woman has 41 to 71)'],
    ['1673013208900001', 'nikBirthDate', 'day 32 (a man has 1 to 31)'],
    ['1673017208900001', 'nikBirthDate', 'day 72'],
    ['1673011700900001', 'nikBirthDate', 'month 0'],
    ['1673011713900001', 'nikBirthDate', 'month 13'],
    ['1673011708900000', 'nikSerial', 'serial 0000'],
  ])('refuses %s with %s (%s)', (value, reason) => {
    expect(checkNik(value)).toEqual({ ok: false, reason })
  })

  it('accepts 29 February of a leap year, 2000 included, and a former Papua code a NIK still carries', () => {
    expect(checkNik('1673016902000001').ok).toBe(true)
    expect(checkNik('1673012902960001').ok).toBe(true)
    expect(checkNik('9101011708900001')).toMatchObject({ ok: true, parts: { regencyCode: '91.01' } })
  })

  it('says each reason in Indonesian and in English, never echoing the input', () => {
    expect(wordsOf('12345')).toEqual({ id: id.issues.nikDigits, en: en.issues.nikDigits })
    expect(wordsOf('9999011708900001')).toEqual({ id: id.issues.nikRegency, en: en.issues.nikRegency })
    expect(wordsOf('1673001708900001')).toEqual({ id: id.issues.nikDistrict, en: en.issues.nikDistrict })
    expect(wordsOf('1673013102900001')).toEqual({ id: id.issues.nikBirthDate, en: en.issues.nikBirthDate })
    expect(wordsOf('1673011708900000')).toEqual({ id: id.issues.nikSerial, en: en.issues.nikSerial })
    expect(wordsOf('')).toEqual({ id: id.issues.required, en: en.issues.required })
    expect(wordsOf(1673011708900001)).toEqual({ id: id.issues.text, en: en.issues.text })
  })

  it('takes the spaces around a NIK off, as people paste it', () => {
    expect(nik.parse(' 1673011708900001 ')).toBe('1673011708900001')
  })

  it('accepts every NIK of a known regency, district, real date of birth and serial, and reads it back', () => {
    fc.assert(
      fc.property(validNik, (p) => {
        const checked = checkNik(p.value)
        expect(checked).toEqual({
          ok: true,
          parts: {
            regencyCode: p.regency,
            district: pad(p.district),
            birth: { day: p.day, month: p.month, yy: p.yy },
            sex: p.female ? 'female' : 'male',
            serial: pad(p.serial, 4),
          },
        })
      }),
    )
  })

  it('refuses anything but 16 digits for its length or characters', () => {
    const notSixteenDigits = fc.string({ maxLength: 24 }).filter((s) => !/^\d{16}$/.test(s))
    fc.assert(
      fc.property(notSixteenDigits, (s) => {
        expect(checkNik(s)).toEqual({ ok: false, reason: 'nikDigits' })
      }),
    )
  })

  it('refuses a valid NIK with any one part broken, for that part', () => {
    const broken = fc.tuple(validNik, fc.integer({ min: 0, max: 2 })).map(([p, part]) => {
      const v = p.value
      if (part === 0) return { value: `${v.slice(0, 4)}00${v.slice(6)}`, reason: 'nikDistrict' }
      if (part === 1) return { value: `${v.slice(0, 12)}0000`, reason: 'nikSerial' }
      // Day 32..40 exists for nobody: past a man's 31, before a woman's 41.
      return { value: `${v.slice(0, 6)}${32 + (p.day % 9)}${v.slice(8)}`, reason: 'nikBirthDate' }
    })
    fc.assert(
      fc.property(broken, ({ value, reason }) => {
        expect(checkNik(value)).toEqual({ ok: false, reason })
      }),
    )
  })
})

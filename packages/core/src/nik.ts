import { z } from 'zod'
import { type IssueRule, rule } from './issue-rules'
import { regencyCodes } from './regency-codes'
import { formerRegencyCodes } from './regions-former'

/**
 * Why a NIK (Nomor Induk Kependudukan) cannot exist, one rule per part of it, so a person is told which part
 * to look at again on their KTP.
 */
export type NikRefusal = Extract<
  IssueRule,
  'nikDigits' | 'nikRegency' | 'nikDistrict' | 'nikBirthDate' | 'nikSerial'
>

/** What the 16 digits say: `PPRRDD DDMMYY SSSS`, region of issue, date of birth (+40 for women), serial. */
export interface NikParts {
  /** The regency or city it was issued in, as the tenant ids are written: `16.73`. */
  regencyCode: string
  /** The district (kecamatan) within it: `01`. */
  district: string
  /** Day and month of birth; the year only as its last two digits, which a NIK does not say more of. */
  birth: { day: number; month: number; yy: number }
  sex: 'female' | 'male'
  serial: string
}

export type NikCheck = { ok: true; parts: NikParts } | { ok: false; reason: NikRefusal }

const daysIn = (month: number, yy: number) =>
  // 29 February exists in 19yy or 20yy exactly when yy is divisible by 4 (2000 was a leap year).
  month === 2 ? (yy % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

const knownRegency = (code: string) => regencyCodes.has(code) || formerRegencyCodes.has(code)

/** Reads a NIK, or says the first part of it that cannot exist. Pure: no list beyond the regencies, no clock. */
export const checkNik = (value: string): NikCheck => {
  if (!/^\d{16}$/.test(value)) return { ok: false, reason: 'nikDigits' }
  const regencyCode = `${value.slice(0, 2)}.${value.slice(2, 4)}`
  if (!knownRegency(regencyCode)) return { ok: false, reason: 'nikRegency' }
  const district = value.slice(4, 6)
  if (district === '00') return { ok: false, reason: 'nikDistrict' }
  const written = Number(value.slice(6, 8))
  const month = Number(value.slice(8, 10))
  const yy = Number(value.slice(10, 12))
  const sex = written > 40 ? 'female' : 'male'
  const day = sex === 'female' ? written - 40 : written
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, yy))
    return { ok: false, reason: 'nikBirthDate' }
  const serial = value.slice(12)
  if (serial === '0000') return { ok: false, reason: 'nikSerial' }
  return { ok: true, parts: { regencyCode, district, birth: { day, month, yy }, sex, serial } }
}

/**
 * A NIK field for forms and the API: 16 digits as printed on the KTP (spaces around it ignored), refused with
 * the reason its structure cannot exist. Whether the person exists is Dukcapil's to say, not this schema's.
 */
export const nik = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const checked = checkNik(value)
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: rule(checked.reason) })
  })
  .meta({
    description:
      'Nomor Induk Kependudukan: region of issue (a known regency, a district), date of birth DDMMYY (women +40), a serial',
    pattern: String.raw`^\s*\d{16}\s*$`,
  })

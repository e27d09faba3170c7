import { regencyCodes } from '@mpp/core/regency-codes'
import { regencyCount } from '@mpp/core/regency-count'
import { findRegency, regencies } from '@mpp/core/regions'
import { describe, expect, it } from 'vitest'

describe('regions', () => {
  it('lists all 514 kabupaten/kota with unique codes', () => {
    expect(regencies).toHaveLength(514)
    expect(regencyCount).toBe(regencies.length)
    expect(new Set(regencies.map((r) => r.code)).size).toBe(514)
    // The codes alone, for the NIK check at a cold start.
    expect([...regencyCodes].sort()).toEqual(regencies.map((r) => r.code).sort())
  })

  it('knows the demo regencies and their time zones', () => {
    expect(findRegency('16.73')).toMatchObject({ name: 'Kota Lubuk Linggau', timeZone: 'Asia/Jakarta' })
    expect(findRegency('64.72')).toMatchObject({ name: 'Kota Samarinda', timeZone: 'Asia/Makassar' })
    expect(findRegency('99.99')).toBeUndefined()
  })
})

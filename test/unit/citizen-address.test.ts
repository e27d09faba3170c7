import { maskedEmail, signInAddress } from '@mpp/core/citizen'
import { describe, expect, it } from 'vitest'

describe("a citizen's sign-in address", () => {
  it.each([
    ['  Budi.Santoso@Contoh.ID ', 'budi.santoso@contoh.id'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
  ])('reads %s as %s, one person one key', (typed, address) => {
    expect(signInAddress.parse(typed)).toBe(address)
  })

  it.each(['budi', 'budi@', '021-555-1234', '0812', 'a@b', ''])('refuses %j with one rule', (typed) => {
    const result = signInAddress.safeParse(typed)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual(['emailOrPhone'])
  })

  it('shows an email back masked, never whole', () => {
    expect(maskedEmail('budi.santoso@contoh.id')).toBe('bu••••@contoh.id')
    expect(maskedEmail('b@contoh.id')).toBe('••••@contoh.id')
  })
})

import { subdomain } from '@mpp/core/subdomain'
import { describe, expect, it } from 'vitest'

describe('subdomain', () => {
  it.each(['lubuklinggau', 'kab-bengkalis', 'kota-2', 'abc'])('accepts %s', (s) => {
    expect(subdomain.safeParse(s).success).toBe(true)
  })

  it.each([
    ['ab', 'too short'],
    ['a'.repeat(41), 'too long'],
    ['Lubuklinggau', 'upper case'],
    ['-lubuk', 'leading hyphen'],
    ['lubuk-', 'trailing hyphen'],
    ['lubuk--linggau', 'double hyphen'],
    ['lubuk.linggau', 'a dot'],
    ['lubuk_linggau', 'an underscore'],
    ['www', 'reserved'],
    ['api', 'reserved'],
    ['admin', 'reserved'],
    ['static', 'reserved'],
  ])('refuses %s (%s)', (s) => {
    expect(subdomain.safeParse(s).success).toBe(false)
  })
})

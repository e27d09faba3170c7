import { email, emailAddress } from '@mpp/core/account'
import { describe, expect, it } from 'vitest'

describe('email addresses', () => {
  it.each(['admin@lubuklinggau.test', 'x.y+z@mail.co.id', "o'brien@a-b.id"])('accepts %s', (value) => {
    expect(emailAddress.safeParse(value).success).toBe(true)
  })

  // The OpenAPI fuzz test found these accepted, stored and then answered against `format: email`.
  it.each(['a@b-.id', 'a@-b.id', 'a@b', 'a..b@c.id'])('refuses %s', (value) => {
    expect(emailAddress.safeParse(value).success).toBe(false)
    expect(email.safeParse(value).success).toBe(false)
  })

  it('ignores case and surrounding spaces where people type one', () => {
    expect(email.parse('  Admin@Lubuklinggau.TEST ')).toBe('admin@lubuklinggau.test')
  })
})

import { hashPassword, verifyPassword } from '@mpp/api/auth/password'
import { describe, expect, it } from 'vitest'

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('rahasia-loket-3')
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(await verifyPassword('rahasia-loket-3', hash)).toBe(true)
    expect(await verifyPassword('rahasia-loket-4', hash)).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('sama')).not.toBe(await hashPassword('sama'))
  })

  it('refuses a stored value of another scheme', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false)
  })
})

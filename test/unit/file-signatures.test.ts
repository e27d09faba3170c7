import { createHmac } from 'node:crypto'
import { expiryAfter, fileSigner, unexpired } from '@mpp/local/file-signatures'
import { describe, expect, it } from 'vitest'

const secret = 'a-session-secret-long-enough-to-sign-with'
const at = new Date('2026-11-24T03:00:00Z')
const parts = ['applications/a1/kajian-urgensi.pdf', 'kajian.pdf', expiryAfter(at, 300)]

describe('the local file store’s signatures', () => {
  it('a signature made for one purpose is not valid for the other', () => {
    const upload = fileSigner(secret, 'upload')
    const download = fileSigner(secret, 'download')
    expect(upload.valid(parts, upload.sign(parts))).toBe(true)
    expect(download.valid(parts, upload.sign(parts))).toBe(false)
    expect(upload.valid(parts, download.sign(parts))).toBe(false)
  })

  it('the secret handed in signs nothing itself: a signature made with it directly is refused', () => {
    const direct = createHmac('sha256', secret).update(JSON.stringify(parts)).digest('base64url')
    const joined = createHmac('sha256', secret).update(parts.join('\n')).digest('base64url')
    for (const signer of [fileSigner(secret, 'upload'), fileSigner(secret, 'download')]) {
      expect(signer.valid(parts, direct)).toBe(false)
      expect(signer.valid(parts, joined)).toBe(false)
    }
  })

  it('a part holding a newline cannot pass for two parts', () => {
    const download = fileSigner(secret, 'download')
    const signature = download.sign(['k', 'a\nb', 'c'])
    expect(download.valid(['k', 'a', 'b\nc'], signature)).toBe(false)
    expect(download.valid(['k\na', 'b', 'c'], signature)).toBe(false)
  })
})

describe('expiry', () => {
  it('holds until its second and not after, by the clock handed in', () => {
    const expires = expiryAfter(at, 300)
    expect(unexpired(expires, new Date(at.getTime() + 300_000))).toBe(true)
    expect(unexpired(expires, new Date(at.getTime() + 301_000))).toBe(false)
  })

  it('refuses a missing or garbage expiry instead of reading it as never', () => {
    for (const garbage of [
      '',
      ' ',
      'NaN',
      'abc',
      'Infinity',
      '1e20',
      '-1',
      '1.5',
      '0x7fffffff',
      ' 9999999999',
    ]) {
      expect(unexpired(garbage, at), JSON.stringify(garbage)).toBe(false)
    }
    expect(unexpired('9'.repeat(13), at)).toBe(false)
    expect(unexpired('https://localhost/daftar/lampiran/a/b', at)).toBe(false)
  })
})

import { Console } from 'node:console'
import { Writable } from 'node:stream'
import { Logger } from '@aws-lambda-powertools/logger'
import { redactLogValue, redactText } from '@mpp/api/log-redaction'
import { describe, expect, it } from 'vitest'

describe('log redaction', () => {
  it('removes the secret segment of a link and a complaint tracking code from paths', () => {
    expect(redactText('/tiket/2026-11-24.A.012/q3Zr8VbT1mXc0PLAo9EwNg/survei')).toBe(
      '/tiket/2026-11-24.A.012/[redacted]/survei',
    )
    expect(redactText('/undangan/3f9a0c7e5b1d4e2fa6c8b0d2e4f6a8c0')).toBe('/undangan/[redacted]')
    expect(
      redactText('https://x.localhost/daftar/verifikasi/1b4e28ba-2fa1-11d2-883f-0016d3cca427/abc?x=1'),
    ).toBe('https://x.localhost/daftar/verifikasi/[redacted]/abc?x=1')
    expect(redactText('/pengaduan/KX7P-M2QD-9R/balas')).toBe('/pengaduan/[redacted]/balas')
    expect(redactText('/api/complaints/KX7PM2QD9R')).toBe('/api/complaints/[redacted]')
    // What identifies no one stays readable.
    expect(redactText('/api/counters/loket-4/call-next')).toBe('/api/counters/loket-4/call-next')
    expect(redactText('/admin/layanan')).toBe('/admin/layanan')
  })

  it('keeps only the last three digits of a phone number, however it is written', () => {
    for (const phone of ['081277778888', '6281277778888', '+62 812-7777-8888', '0812 7777 8888'])
      expect(redactText(`to ${phone}.`)).toBe('to [phone …888].')
    expect(redactText('T#16.73#PC#6281277778888')).toBe('T#16.73#PC#[phone …888]')
    // Dates, times, ticket keys and counts are no phone numbers.
    for (const text of ['2026-08-23T08:00:00.000Z', '1764000000000', '2026-11-24.A.012', 'durasi 0812 ms'])
      expect(redactText(text)).toBe(text)
  })

  it('removes signed tokens and the signature of presigned URLs', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl'
    expect(redactText(`Bearer ${jwt}`)).toBe('Bearer [redacted]')
    expect(redactText('https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA%2F&X-Amz-Signature=abcd&v=1')).toBe(
      'https://b.s3.amazonaws.com/k?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&v=1',
    )
  })

  it('removes any field named like a secret, whatever its value', () => {
    expect(redactLogValue('password', 'hunter2')).toBe('[redacted]')
    expect(redactLogValue('sessionSecret', 'abc')).toBe('[redacted]')
    expect(redactLogValue('Authorization', 'Basic x')).toBe('[redacted]')
    expect(redactLogValue('email', 'admin@pekanbaru.test')).toBe('admin@pekanbaru.test')
    expect(redactLogValue('requestId', '1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe(
      '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    )
  })

  it("applies to every line a Powertools logger and its children write, errors' messages and stacks included", () => {
    let out = ''
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString()
        done()
      },
    })
    const logger = new Logger({ serviceName: 'test', jsonReplacerFn: redactLogValue })
    // Powertools writes through its own console; point it at the sink.
    Object.assign(logger, { console: new Console({ stdout: sink, stderr: sink }) })
    const child = logger.createChild()
    Object.assign(child, { console: new Console({ stdout: sink, stderr: sink }) })
    child.appendPersistentKeys({ path: '/tiket/2026-11-24.A.012/q3Zr8VbT1mXc0PLAo9EwNg' })
    child.error('booking failed', {
      password: 'hunter2',
      error: new Error('phone 081277778888 refused'),
      nested: { to: '+6281277778888' },
    })
    const line = JSON.parse(out.trim().split('\n').at(-1) as string)
    expect(line.path).toBe('/tiket/2026-11-24.A.012/[redacted]')
    expect(line.password).toBe('[redacted]')
    expect(line.error.message).toBe('phone [phone …888] refused')
    expect(line.nested.to).toBe('[phone …888]')
    expect(out).not.toMatch(/hunter2|q3Zr8VbT1mXc0PLAo9EwNg|1277778888/)
  })
})

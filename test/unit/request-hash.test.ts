import { requestHashOf } from '@mpp/db/idempotency'
import { describe, expect, it } from 'vitest'

describe('the hash that binds an Idempotency-Key to its request', () => {
  const body = { serviceId: 'disdukcapil-ktp-el', priority: false, channel: 'online' }

  it('is the same for the same content in any key order, undefined fields left out', () => {
    const hash = requestHashOf('takeTicket', '16.73', body)
    expect(hash).toMatch(/^[\w-]{43}$/) // SHA-256, base64url
    expect(
      requestHashOf('takeTicket', '16.73', {
        phone: undefined,
        channel: 'online',
        priority: false,
        serviceId: 'disdukcapil-ktp-el',
      }),
    ).toBe(hash)
  })

  it('differs with the body, the operation or the tenant', () => {
    const hash = requestHashOf('takeTicket', '16.73', body)
    expect(requestHashOf('takeTicket', '16.73', { ...body, priority: true })).not.toBe(hash)
    expect(requestHashOf('takeTicket', '16.73', { ...body, phone: '081234567890' })).not.toBe(hash)
    expect(requestHashOf('submitComplaint', '16.73', body)).not.toBe(hash)
    expect(requestHashOf('takeTicket', '16.71', body)).not.toBe(hash)
    expect(requestHashOf('x', '16.73', { a: { b: [1, 2] } })).not.toBe(
      requestHashOf('x', '16.73', { a: { b: [2, 1] } }),
    )
  })
})

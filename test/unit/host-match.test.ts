import { matchHost } from '@mpp/api/host-match'
import { describe, expect, it } from 'vitest'

describe('matchHost', () => {
  it('reads the platform, www, a tenant and anything else', () => {
    expect(matchHost('localhost', 'localhost')).toEqual({ kind: 'platform' })
    expect(matchHost('www.localhost', 'localhost')).toEqual({ kind: 'www' })
    expect(matchHost('lubuklinggau.localhost', 'localhost')).toEqual({ kind: 'tenant', slug: 'lubuklinggau' })
    expect(matchHost('Samarinda.MPP.example.id', 'mpp.example.id')).toEqual({
      kind: 'tenant',
      slug: 'samarinda',
    })
  })

  it('never makes a tenant of a reserved name, a nested label or a foreign host', () => {
    expect(matchHost('api.localhost', 'localhost')).toEqual({ kind: 'unknown' })
    // The HTTP API's own domain name for CloudFront (infra/custom-domain.ts), never a tenant's site.
    expect(matchHost('origin.localhost', 'localhost')).toEqual({ kind: 'unknown' })
    expect(matchHost('a.lubuklinggau.localhost', 'localhost')).toEqual({ kind: 'unknown' })
    expect(matchHost('evil.example', 'localhost')).toEqual({ kind: 'unknown' })
    expect(matchHost('notlocalhost', 'localhost')).toEqual({ kind: 'unknown' })
    expect(matchHost('127.0.0.1', 'localhost')).toEqual({ kind: 'unknown' })
  })
})

import { createTtlCache } from '@mpp/api/ttl-cache'
import { describe, expect, it } from 'vitest'

describe('createTtlCache', () => {
  it('shares one load among concurrent requests and keeps it until the time is up', async () => {
    let at = 0
    let loads = 0
    const cache = createTtlCache(
      async (key) => `${key}#${++loads}`,
      () => new Date(at),
      1000,
    )
    expect(await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')])).toEqual(['a#1', 'a#1', 'a#1'])
    at = 999
    expect(await cache.get('a')).toBe('a#1')
    at = 1000
    expect(await cache.get('a')).toBe('a#2')
    cache.forget('a')
    expect(await cache.get('a')).toBe('a#3')
  })

  it('does not remember a failed load', async () => {
    let fail = true
    const cache = createTtlCache(
      async () => {
        if (fail) throw new Error('table unreachable')
        return 'ok'
      },
      () => new Date(0),
    )
    await expect(cache.get('k')).rejects.toThrow('table unreachable')
    fail = false
    expect(await cache.get('k')).toBe('ok')
  })
})

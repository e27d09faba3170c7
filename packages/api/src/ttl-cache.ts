/**
 * Values remembered per process for a short time, so a busy kiosk or display board does not cost a read per
 * request; misses (undefined) are remembered too. Bounded, so junk keys cannot grow it. Writes through this
 * process call `forget`; other Lambda instances see a change within `ttlMs`.
 */
export const createTtlCache = <V>(
  load: (key: string) => Promise<V>,
  now: () => Date,
  ttlMs = 30_000,
  maxEntries = 2_000,
) => {
  const entries = new Map<string, { value: V; until: number }>()
  return {
    async get(key: string): Promise<V> {
      const at = now().getTime()
      const hit = entries.get(key)
      if (hit && hit.until > at) return hit.value
      const value = await load(key)
      if (entries.size >= maxEntries) entries.clear()
      entries.set(key, { value, until: at + ttlMs })
      return value
    },
    forget(key: string): void {
      entries.delete(key)
    },
  }
}
export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>

/**
 * Values remembered per process for a short time, so a busy kiosk or display board does not cost a read per
 * request; misses (undefined) are remembered too. Concurrent requests for one key share one load. Bounded,
 * so junk keys cannot grow it. Writes through this process call `forget`; other Lambda instances see a change
 * within `ttlMs`.
 */
export const createTtlCache = <V>(
  load: (key: string) => Promise<V>,
  now: () => Date,
  ttlMs = 30_000,
  maxEntries = 2_000,
) => {
  const entries = new Map<string, { value: Promise<V>; until: number }>()
  return {
    get(key: string): Promise<V> {
      const at = now().getTime()
      const hit = entries.get(key)
      if (hit && hit.until > at) return hit.value
      if (entries.size >= maxEntries) entries.clear()
      const value = load(key)
      entries.set(key, { value, until: at + ttlMs })
      // A failed load is not remembered: the next request tries again.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key))
      return value
    },
    forget(key: string): void {
      entries.delete(key)
    },
  }
}
export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>

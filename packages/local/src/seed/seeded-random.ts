/**
 * A small seeded pseudo-random generator (mulberry32): the demo history comes out the same on every fresh
 * start, so what a newcomer sees (and what a test reads) does not change from run to run.
 */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    /** A number in [0, 1). */
    next,
    /** True with probability `p`. */
    chance: (p: number) => next() < p,
    /** A whole number in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** A number in [min, max). */
    between: (min: number, max: number) => min + next() * (max - min),
    /** Roughly normal around 0 with standard deviation 1 (the sum of three uniforms, rescaled). */
    normal: () => (next() + next() + next() - 1.5) * 2,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** One of `items`, each as likely as its weight. */
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let left = next() * items.reduce((sum, [, w]) => sum + w, 0)
      for (const [item, w] of items) {
        left -= w
        if (left < 0) return item
      }
      return (items.at(-1) as readonly [T, number])[0]
    },
  }
}
export type SeededRandom = ReturnType<typeof seededRandom>

/** A seed from a text (a tenant and a day), so each day's history is the same whatever order days are written in. */
export const seedOf = (text: string) => {
  let h = 2_166_136_261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619)
  return h >>> 0
}

/** Time before the next try: the base while all is well, then doubling per failure, jittered, capped. */
export const backoffDelay = (
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number => {
  if (failures <= 0) return baseMs
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30))
  // ±20 % so that many screens that lost the network together do not come back in lockstep.
  return Math.round(Math.min(maxMs, raw * (0.8 + 0.4 * random())))
}

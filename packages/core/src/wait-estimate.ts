/** How many recent service durations the estimate averages. */
export const recentServiceWindow = 20

/**
 * The expected wait in whole minutes, rounded up: the mean of the most recent service durations (at most
 * 20, taken from the end of `recentServiceSeconds`, which is ordered oldest to newest) times the people
 * ahead, divided by the counters serving the queue. Nobody ahead means 0. It is undefined, and the board
 * shows no estimate rather than a guess, when no counter is serving or no service time was recorded yet.
 * Durations that are not positive finite numbers are ignored.
 */
export const estimateWaitMinutes = (input: {
  recentServiceSeconds: readonly number[]
  peopleAhead: number
  countersServing: number
}): number | undefined => {
  if (input.countersServing < 1) return undefined
  if (input.peopleAhead <= 0) return 0
  const recent = input.recentServiceSeconds
    .filter((s) => Number.isFinite(s) && s > 0)
    .slice(-recentServiceWindow)
  if (recent.length === 0) return undefined
  const total = recent.reduce((sum, s) => sum + s, 0)
  const minutes = (total * input.peopleAhead) / (recent.length * Math.max(1, input.countersServing) * 60)
  // Decimal durations carry float error (3 x 16.8 s sums to 50.400000000000006): a whole minute must not round up.
  return Math.ceil(minutes - 1e-9)
}

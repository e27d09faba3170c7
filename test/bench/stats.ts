export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export const median = (values: number[]) => percentile(values, 50)

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** Milliseconds one call takes. */
export const timeMs = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** Runs `work` for 0..total-1 with `concurrency` in flight; resolves with the seconds it took. */
export const inPool = async (total: number, concurrency: number, work: (i: number) => Promise<void>) => {
  let issued = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) await work(issued++)
    }),
  )
  return (performance.now() - started) / 1000
}

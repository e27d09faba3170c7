/** A clock the test moves by hand; the app reads it through its injected `now`. Time is never faked globally. */
export const createClock = (start: string) => {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set(iso: string) {
      current = new Date(iso)
    },
    advanceMinutes(minutes: number) {
      current = new Date(current.getTime() + minutes * 60_000)
    },
  }
}
export type Clock = ReturnType<typeof createClock>

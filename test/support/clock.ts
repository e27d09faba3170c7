/**
 * An ordinary working morning for tests that do not care which: Tuesday 24 November 2026, 10:00 in Jakarta.
 * Tests run against it whatever the machine's date, so none passes only near the day it was written.
 */
export const testInstant = '2026-11-24T03:00:00Z'

/** A clock the test moves by hand; the app reads it through its injected `now`. Time is never faked globally. */
export const createClock = (start: string = testInstant) => {
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

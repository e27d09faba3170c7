import type { Db } from '@mpp/db/client'

/** Counts every command the DynamoDB client sends (each is one round trip), via the SDK's middleware stack. */
export const countRoundTrips = (db: Db) => {
  let count = 0
  db.client.middlewareStack.add(
    (next) => async (args) => {
      count++
      return next(args)
    },
    { step: 'initialize', name: 'benchRoundTripCounter' },
  )
  return {
    get count() {
      return count
    },
    reset() {
      count = 0
    },
  }
}

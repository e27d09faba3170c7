import type { Db } from '@mpp/db/client'

const counters = new WeakMap<Db['client'], { count: number }>()

/** Counts every command the DynamoDB client sends (each is one round trip), via the SDK's middleware stack. */
export const countRoundTrips = (db: Db) => {
  let state = counters.get(db.client)
  if (!state) {
    const fresh = { count: 0 }
    db.client.middlewareStack.add(
      (next) => async (args) => {
        fresh.count++
        return next(args)
      },
      { step: 'initialize', name: 'benchRoundTripCounter' },
    )
    counters.set(db.client, fresh)
    state = fresh
  }
  const counted = state
  return {
    get count() {
      return counted.count
    },
    reset() {
      counted.count = 0
    },
  }
}

import type { Db } from '@mpp/db/client'

interface Consumed {
  CapacityUnits?: number
  ReadCapacityUnits?: number
  WriteCapacityUnits?: number
}

/**
 * Asks DynamoDB for the consumed capacity of every command (ReturnConsumedCapacity: TOTAL) and adds it up,
 * reads and writes apart, through the SDK's middleware stack.
 */
export const meterCapacity = (db: Db) => {
  let read = 0
  let write = 0
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>
      input.ReturnConsumedCapacity = 'TOTAL'
      const result = await next(args)
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] }
      for (const c of [output.ConsumedCapacity ?? []].flat()) {
        const r = c.ReadCapacityUnits ?? 0
        const w = c.WriteCapacityUnits ?? 0
        // Without a split, a read-only command's units are reads and any other's are writes.
        if (r || w) {
          read += r
          write += w
        } else if (/^(Get|BatchGet|Query|Scan)/.test(context.commandName ?? '')) read += c.CapacityUnits ?? 0
        else write += c.CapacityUnits ?? 0
      }
      return result
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  )
  return {
    take() {
      const taken = { read, write }
      read = 0
      write = 0
      return taken
    },
  }
}

import type { Logger } from '@aws-lambda-powertools/logger'
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams'
import type { LiveStreamRecord } from '@mpp/api/live/fanout'
import type { Db } from '@mpp/db/client'

export interface LocalStreamOptions {
  db: Db
  /** DynamoDB Local's address (the streams API answers on the same port). */
  endpoint: string
  region?: string
  /** Gets each non-empty batch, in the shard's order: the live fan-out's `handle`. */
  handle: (records: LiveStreamRecord[]) => Promise<unknown>
  logger?: Pick<Logger, 'warn' | 'error'>
  /** The wait after a round in which no shard had anything: short for push latency, long enough not to spin. */
  idleMs?: number
  /** Every how many rounds the shards are listed again, to follow the new ones DynamoDB opens. */
  shardRefreshRounds?: number
}

type Attribute = Record<string, unknown>

/**
 * The streams client reads an empty map (`{"M":{}}`) as `{}`, which unmarshall refuses ("No value defined"). No
 * other attribute type is ever empty, so `{}` is put back as the empty map it was; lists and maps are walked.
 */
const repaired = (value: Attribute): Attribute => {
  if (Object.keys(value).length === 0) return { M: {} }
  if (Array.isArray(value.L)) return { L: (value.L as Attribute[]).map(repaired) }
  if (value.M && typeof value.M === 'object')
    return { M: repairedImage(value.M as Record<string, Attribute>) }
  return value
}
const repairedImage = (image: Record<string, Attribute>) =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, repaired(value)]))

const withEmptyMaps = (record: LiveStreamRecord): LiveStreamRecord => {
  const image = record.dynamodb?.NewImage as Record<string, Attribute> | undefined
  return image ? { ...record, dynamodb: { ...record.dynamodb, NewImage: repairedImage(image) } } : record
}

/**
 * The table's stream on DynamoDB Local, read as Lambda's event source reads it in AWS: every open shard from
 * its latest record at the start (what was written before is history, not news), new shards from their
 * beginning. `round()` makes one GetRecords per shard and hands what came to `handle`; `drain()` makes rounds
 * until one brings nothing (the cost bench reads the stream after each write with it).
 */
export const openStreamReader = async (
  options: Omit<LocalStreamOptions, 'idleMs' | 'shardRefreshRounds'>,
) => {
  const { db, handle, logger } = options
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region ?? 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const { Table } = await db.client.send(new DescribeTableCommand({ TableName: db.tableName }))
  const streamArn = Table?.LatestStreamArn
  if (!streamArn) throw new Error(`table ${db.tableName} has no stream`)

  /** Shard id → its next iterator; a closed shard read to its end leaves. */
  const iterators = new Map<string, string>()
  /** Every shard ever seen, so a shard read to its end is not taken up again. */
  const seen = new Set<string>()
  let relist = false
  let stopping = false

  const iteratorFor = async (shardId: string, type: 'LATEST' | 'TRIM_HORIZON') => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }),
    )
    if (ShardIterator) iterators.set(shardId, ShardIterator)
  }

  const listShards = async (type: 'LATEST' | 'TRIM_HORIZON') => {
    relist = false
    let start: string | undefined
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      )
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || seen.has(shard.ShardId)) continue
        seen.add(shard.ShardId)
        // A shard closed before we came has nothing new for us.
        if (type === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber) continue
        await iteratorFor(shard.ShardId, type)
      }
      start = StreamDescription?.LastEvaluatedShardId
    } while (start)
  }

  /** One GetRecords on each shard; true when any had records. */
  const round = async () => {
    let any = false
    for (const [shardId, iterator] of [...iterators]) {
      if (stopping) break
      try {
        const { Records, NextShardIterator } = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
        )
        if (NextShardIterator) iterators.set(shardId, NextShardIterator)
        else {
          // Read to its end: its children carry on, list them now rather than at the next refresh.
          iterators.delete(shardId)
          relist = true
        }
        if (Records?.length) {
          any = true
          await handle(Records.map(withEmptyMaps)).catch((error: unknown) =>
            logger?.error('live fan-out failed on a stream batch', { error, records: Records.length }),
          )
        }
      } catch (error) {
        // An expired or trimmed iterator: take the shard up again from now on.
        logger?.warn('stream shard read failed; reading it from its latest record', { error, shardId })
        iterators.delete(shardId)
        await iteratorFor(shardId, 'LATEST').catch(() => undefined)
      }
    }
    return any
  }

  await listShards('LATEST')
  return {
    /** Whether new shards may have opened: a shard was read to its end, or none is left. */
    needsRelist: () => relist || iterators.size === 0,
    relist: () => listShards('TRIM_HORIZON'),
    round,
    async drain() {
      do if (relist || iterators.size === 0) await listShards('TRIM_HORIZON')
      while (await round())
    },
    close() {
      stopping = true
      streams.destroy()
    },
  }
}

/**
 * Reads the stream in a loop (`openStreamReader`) and hands the records to `handle` as they come: a short wait
 * when a round was empty, the shards listed again now and then. `stop()` ends the loop and waits for the batch
 * in hand.
 */
export const startLocalStream = async (options: LocalStreamOptions) => {
  const { logger } = options
  const idleMs = options.idleMs ?? 100
  // Counted in rounds, not read off the machine's clock (nothing but the clock module reads it): about 5 s idle.
  const shardRefreshRounds = options.shardRefreshRounds ?? 50
  const reader = await openStreamReader(options)

  let stopping = false
  let wake: (() => void) | undefined
  const pause = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms)
      wake = () => {
        clearTimeout(timer)
        done()
      }
    })

  const loop = (async () => {
    let rounds = 0
    while (!stopping) {
      try {
        if (reader.needsRelist() || ++rounds >= shardRefreshRounds) {
          rounds = 0
          await reader.relist()
        }
        if (!(await reader.round()) && !stopping) await pause(idleMs)
      } catch (error) {
        logger?.warn('reading the table stream failed; trying again', { error })
        if (!stopping) await pause(1_000)
      }
    }
  })()

  return {
    /** Ends the loop after the request in flight and waits for it. */
    stop: async () => {
      stopping = true
      wake?.()
      await loop
      reader.close()
    },
  }
}
export type LocalStream = Awaited<ReturnType<typeof startLocalStream>>

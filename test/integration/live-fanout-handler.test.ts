import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { marshall } from '@aws-sdk/util-dynamodb'
import type { CallMessage } from '@mpp/api/live/fanout'
import { businessDay } from '@mpp/core/business-day'
import { systemClock } from '@mpp/core/clock'
import type { Db } from '@mpp/db/client'
import { keys } from '@mpp/db/keys'
import { putLiveConnections, queryLiveConnections } from '@mpp/db/live-connection-repository'
import { getQueueConfig } from '@mpp/db/queue-config-repository'
import { inTenantScope } from '@mpp/db/tenant-scope'
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stubLambdaEnvironment } from '../support/lambda-env'
import { newConnectionId } from '../support/websocket-event'

/**
 * API Gateway's management API for the connections, standing in on 127.0.0.1 (there is no local API Gateway):
 * it records each request as the real one would receive it and answers 410 GoneException for the connections
 * the test closed, 500 for the ones it breaks.
 */
const managementApi = () => {
  const requests: { method: string; path: string; body: string; signed: boolean }[] = []
  const gone = new Set<string>()
  const broken = new Set<string>()
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const path = req.url ?? ''
      requests.push({
        method: req.method ?? '',
        path,
        body,
        signed: /execute-api/.test(String(req.headers.authorization)),
      })
      const id = decodeURIComponent(path.split('/@connections/')[1] ?? '')
      if (gone.has(id)) {
        res.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' })
        res.end('{"message":null}')
      } else if (broken.has(id)) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalServerError' })
        res.end('{"message":"Internal server error"}')
      } else {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end()
      }
    })
  })
  return { requests, gone, broken, server }
}

const api = managementApi()
let db: Db
let handler: (event: DynamoDBStreamEvent) => Promise<unknown>
const llg = '16.73'
const plg = '16.71'

beforeAll(async () => {
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve))
  const { port } = api.server.address() as AddressInfo
  db = await stubLambdaEnvironment({
    LIVE_CALLBACK_URL: `http://127.0.0.1:${port}/live`,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  })
  handler = (await import('../../functions/live-fanout')).handler
})
afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())))

/** A counter's new call as the table's stream hands it to Lambda (NEW_IMAGE). */
const callRecord = async (
  tenantId: string,
  callSeq: number,
  sequence: string,
  status: 'called' | 'serving' = 'called',
): Promise<DynamoDBRecord> => {
  const now = systemClock()
  // Started half a minute after the call: only `updatedAt` moves.
  const updatedAt = new Date(now.getTime() + (status === 'serving' ? 30_000 : 0)).toISOString()
  const day = businessDay(now, 'Asia/Jakarta')
  const [counter] = (await inTenantScope(tenantId, () => getQueueConfig(db, tenantId))).counters
  if (!counter) throw new Error('the demo tenant has no counter')
  const key = keys.counterCall(tenantId, day, counter.id)
  const queueId = counter.queueIds[0] as string
  const item = {
    ...key,
    counterId: counter.id,
    counterNumber: counter.number,
    callSeq,
    priorityStreak: 0,
    ticketKey: `${day}.${queueId}.${callSeq}`,
    label: `A-${String(callSeq).padStart(3, '0')}`,
    queueId,
    status,
    calledAt: now.toISOString(),
    updatedAt,
  }
  return {
    eventID: `event-${sequence}`,
    eventName: callSeq === 1 ? 'INSERT' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-southeast-3',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(now.getTime() / 1000),
      Keys: marshall(key) as never,
      NewImage: marshall(item) as never,
      SequenceNumber: sequence,
      SizeBytes: 412,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN:
      'arn:aws:dynamodb:ap-southeast-3:111111111111:table/mpp-cloud/stream/2026-11-23T00:00:00.000',
  }
}

/** A board connected `ageMs` ago (a minute: long open, past the fan-out's grace for opening connections). */
const connectBoard = (tenantId: string, connectionId: string, ageMs = 60_000) => {
  const now = systemClock()
  const connectedAt = new Date(now.getTime() - ageMs).toISOString()
  return inTenantScope(tenantId, () =>
    putLiveConnections(db, tenantId, [{ connectionId, topic: 'board', connectedAt }], now),
  )
}
const boards = (tenantId: string) =>
  inTenantScope(tenantId, () => queryLiveConnections(db, tenantId, 'board', systemClock()))
const postsTo = (connectionId: string) =>
  api.requests.filter((r) => r.path === `/live/@connections/${encodeURIComponent(connectionId)}`)

describe('the live-fanout Lambda with DynamoDB stream events', () => {
  it("posts a call to each of the tenant's boards through PostToConnection and prunes the one that is gone", async () => {
    const [open, closed, elsewhere] = [newConnectionId(), newConnectionId(), newConnectionId()]
    await connectBoard(llg, open)
    await connectBoard(llg, closed)
    await connectBoard(plg, elsewhere)
    api.gone.add(closed)
    const record = await callRecord(llg, 1, '100')

    expect(await handler({ Records: [record] })).toMatchObject({ sent: 1, gone: 1 })

    const [post] = postsTo(open)
    expect(post).toMatchObject({ method: 'POST', signed: true })
    const message = JSON.parse(post?.body ?? '{}') as CallMessage
    expect(message).toMatchObject({ type: 'call', callSeq: 1, label: 'A-001', status: 'called' })
    expect(postsTo(closed)).toHaveLength(1)
    const left = (await boards(llg)).map((c) => c.connectionId)
    expect(left).toContain(open)
    expect(left).not.toContain(closed)
    // A Palembang board hears nothing of Lubuklinggau.
    expect(postsTo(elsewhere)).toHaveLength(0)
    expect((await boards(plg)).map((c) => c.connectionId)).toContain(elsewhere)
  })

  it('keeps a connection answered gone in its first seconds: API Gateway says 410 until $connect returns', async () => {
    const opening = newConnectionId()
    await connectBoard(llg, opening, 1_000)
    api.gone.add(opening)
    expect(await handler({ Records: [await callRecord(llg, 3, '300')] })).toMatchObject({ gone: 1 })
    expect((await boards(llg)).map((c) => c.connectionId)).toContain(opening)
  })

  it("tells a counter's start to its console only: a board shows and announces calls, not starts", async () => {
    const [board, console] = [newConnectionId(), newConnectionId()]
    await connectBoard(plg, board)
    const [counter] = (await inTenantScope(plg, () => getQueueConfig(db, plg))).counters
    const connectedAt = new Date(systemClock().getTime() - 60_000).toISOString()
    await inTenantScope(plg, () =>
      putLiveConnections(
        db,
        plg,
        [
          {
            connectionId: console,
            topic: `counter#${counter?.id}`,
            connectedAt,
            queueIds: counter?.queueIds,
          },
        ],
        systemClock(),
      ),
    )
    await handler({ Records: [await callRecord(plg, 7, '700', 'serving')] })
    expect(postsTo(board)).toHaveLength(0)
    const [post] = postsTo(console)
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      type: 'console',
      call: { callSeq: 7, status: 'serving' },
    })
  })

  it('fails the batch when a post keeps failing, so Lambda hands it again', async () => {
    const broken = newConnectionId()
    await connectBoard(plg, broken)
    api.broken.add(broken)
    const silence = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await expect(handler({ Records: [await callRecord(plg, 2, '200')] })).rejects.toThrow()
    } finally {
      silence.mockRestore()
    }
    // The SDK tried it three times, and the record stays: the next attempt sends again.
    expect(postsTo(broken)).toHaveLength(3)
    expect((await boards(plg)).map((c) => c.connectionId)).toContain(broken)
  })
})

import type { TenantId } from '@mpp/core/tenant'
import type { Ticket } from '@mpp/core/ticket'
import type { Db } from '@mpp/db/client'
import type { IdempotencyClaim } from '@mpp/db/idempotency'
import type { OutboxMessage } from '@mpp/db/outbox-repository'
import { type IssueAttempt, tryIssueTicket } from '@mpp/db/ticket-issuance'
import { getTicket } from '@mpp/db/ticket-repository'
import type { TransactItem } from '@mpp/db/transactions'
import { ApiError } from '../errors'

const maxAttempts = 200

export interface IssueRequest {
  tenantId: TenantId
  day: string
  queueId: string
  /** Builds the ticket for a given number; called again when the number turns out to be taken. */
  build: (number: number) => Ticket
  quota?: IssueAttempt['quota']
  idempotency?: IdempotencyClaim
  outbox?: OutboxMessage[]
  /** Writes that must succeed with the ticket, and the refusal to answer when they do not. */
  also?: { items: (ticketKey: string) => TransactItem[]; refusal: ApiError }
  /** The request's rate limits, counted in the ticket's own transaction, and the 429 when one is full. */
  limits?: { items: TransactItem[]; refusal: (failed: number[]) => ApiError }
}

/**
 * Issues tickets with one DynamoDB round trip in the usual case. Per process it remembers each queue's last
 * number and issues for one queue at a time, so its guess of the next number is right; another process
 * (another Lambda instance) may still take a number first, and then the failed try returns the real one and
 * the next try uses it. The number is only ever written together with its ticket.
 */
export const createTicketIssuer = (db: Db) => {
  const lastIssued = new Map<string, number>()
  const queueLocks = new Map<string, Promise<unknown>>()

  /** Runs `task` after every earlier task for the same key: an in-process mutex per queue. */
  const oneAtATime = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (queueLocks.get(key) ?? Promise.resolve()).then(task, task)
    const settled = run.catch(() => undefined)
    queueLocks.set(key, settled)
    void settled.then(() => queueLocks.get(key) === settled && queueLocks.delete(key))
    return run
  }

  const issue = async (r: IssueRequest): Promise<{ ticket: Ticket; replayed: boolean }> => {
    const key = `${r.tenantId}|${r.day}|${r.queueId}`
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const expectedLast = lastIssued.get(key) ?? 0
      const ticket = r.build(expectedLast + 1)
      const result = await tryIssueTicket(db, {
        tenantId: r.tenantId,
        ticket,
        expectedLast,
        quota: r.quota,
        idempotency: r.idempotency,
        outbox: r.outbox,
        also: r.also?.items(ticket.key),
        limits: r.limits?.items,
      })
      switch (result.kind) {
        case 'issued':
          if (lastIssued.size > 10_000) lastIssued.clear()
          lastIssued.set(key, ticket.number)
          return { ticket, replayed: false }
        case 'replayed': {
          const earlier = await getTicket(db, r.tenantId, result.ticketKey)
          if (!earlier) throw new Error(`idempotency key points at missing ticket ${result.ticketKey}`)
          return { ticket: earlier, replayed: true }
        }
        case 'key_reused':
          throw new ApiError(422, 'idempotency_key_reused')
        case 'stale':
          lastIssued.set(key, result.last)
          break
        case 'extra_failed':
          throw r.also?.refusal ?? new ApiError(409, 'invalid_transition')
        case 'limited':
          throw r.limits?.refusal(result.failed) ?? new ApiError(429, 'too_many_requests')
        case 'quota_full':
          throw new ApiError(409, 'quota_full', { queueId: r.queueId })
        case 'conflict':
          // Another transaction held one of the items; wait a little, with jitter, before trying again.
          await new Promise((done) => setTimeout(done, Math.random() * 10 * Math.min(attempt + 1, 10)))
          break
      }
    }
    throw new ApiError(503, 'busy')
  }

  return {
    issue: (r: IssueRequest) => oneAtATime(`${r.tenantId}|${r.day}|${r.queueId}`, () => issue(r)),
  }
}
export type TicketIssuer = ReturnType<typeof createTicketIssuer>

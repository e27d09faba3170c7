/**
 * The messages the live fan-out pushes (docs/live-updates.md, "Messages"): one definition for the server that
 * sends them (packages/api/src/live/fanout.ts) and the pages' scripts that read them (web/client). Types only.
 */

/** A counter called, recalled, started or finished: the new state of its call. */
export interface CallMessage {
  type: 'call'
  day: string
  counterId: string
  counterNumber: number
  label: string
  queueId: string
  status: 'called' | 'serving' | 'idle'
  calledAt: string
  callSeq: number
  /** To a board, the called ticket's queue as it now is (one message where a call and its line would be two). */
  queue?: Pick<QueueMessage, 'waiting' | 'next'>
}

/** A queue's line changed: how many wait and the next numbers, as `GET /api/board` lists them. */
export interface QueueMessage {
  type: 'queue'
  day: string
  id: string
  waiting: number
  next: string[]
}

/** The followed ticket's new state (never its secret or phone). */
export interface TicketMessage {
  type: 'ticket'
  key: string
  label: string
  status: string
  queueId: string
  counterNumber?: number
  calledAt?: string
  /** When it is waiting and its queue's line was read for this batch. */
  peopleAhead?: number
}

/** A counter's console: its own call and the lines of the queues it serves, whichever changed. */
export interface ConsoleMessage {
  type: 'console'
  counterId: string
  call?: CallMessage
  queues: QueueMessage[]
}

export type LiveMessage = CallMessage | QueueMessage | TicketMessage | ConsoleMessage

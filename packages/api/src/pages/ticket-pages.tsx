import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import type { QueueContext } from '../queue/queue-context'

export const ticketPages = (_queue: QueueContext) => new Hono<AppEnv>()

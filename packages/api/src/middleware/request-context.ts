import { randomUUID } from 'node:crypto'
import type { Logger } from '@aws-lambda-powertools/logger'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'

interface LambdaBindings {
  event?: { requestContext?: { requestId?: string } }
}

/**
 * Gives every request an id (API Gateway's own when there is one, so our lines match its access log),
 * a logger that writes it on every line, and the `X-Request-Id` response header.
 * A client-sent id is not trusted: log lines must not be forgeable.
 */
export const requestContext = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const fromGateway = (c.env as LambdaBindings | undefined)?.event?.requestContext?.requestId
    const requestId = fromGateway ?? randomUUID()
    const log = logger.createChild()
    log.appendPersistentKeys({ requestId, method: c.req.method, path: c.req.path })
    c.set('requestId', requestId)
    c.set('log', log)
    c.header('X-Request-Id', requestId)
    await next()
  })

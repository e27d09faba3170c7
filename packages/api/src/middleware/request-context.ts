import { randomUUID } from 'node:crypto'
import type { Logger } from '@aws-lambda-powertools/logger'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'
import { redactLogValue } from '../log-redaction'

interface LambdaBindings {
  event?: { requestContext?: { requestId?: string } }
}

/**
 * The request's child logger, made when it first writes a line: most requests write none, and making one
 * (a new console, the options read again) costs about a millisecond, a tenth of a ticket's time in the app.
 * Keys appended before then are kept for it.
 */
const lazyChild = (parent: Logger, keys: Record<string, unknown>): Logger => {
  let child: Logger | undefined
  const made = () => {
    if (!child) {
      child = parent.createChild({ jsonReplacerFn: redactLogValue })
      child.appendPersistentKeys(keys)
    }
    return child
  }
  return new Proxy(parent, {
    get(_, property) {
      if (property === 'appendPersistentKeys' && !child)
        return (more: Record<string, unknown>) => Object.assign(keys, more)
      const real = made()
      const value = Reflect.get(real, property, real)
      return typeof value === 'function' ? value.bind(real) : value
    },
  })
}

/**
 * Gives every request an id (API Gateway's own when there is one, so our lines match its access log),
 * a logger that writes it on every line, and the `X-Request-Id` response header.
 * A client-sent id is not trusted: log lines must not be forgeable. The logger redacts secrets and phone
 * numbers (the path itself may hold a ticket's secret) in every runtime, whatever logger it was given.
 */
export const requestContext = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const fromGateway = (c.env as LambdaBindings | undefined)?.event?.requestContext?.requestId
    const requestId = fromGateway ?? randomUUID()
    const log = lazyChild(logger, { requestId, method: c.req.method, path: c.req.path })
    c.set('requestId', requestId)
    c.set('log', log)
    c.header('X-Request-Id', requestId)
    await next()
  })

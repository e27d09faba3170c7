import { serveStatic } from '@hono/node-server/serve-static'
import type { App } from '@mpp/api/app'
import { Hono } from 'hono'

/**
 * Serves what CloudFront serves in AWS (the built assets under /static) and hands everything else to the app.
 */
export const localFetch = (app: App, assetsDir: string) => {
  const assets = new Hono()
  assets.use('/static/*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  assets.use(
    '/static/*',
    serveStatic({ root: assetsDir, rewriteRequestPath: (path) => path.replace(/^\/static/, '') }),
  )
  return (request: Request, env: unknown) =>
    new URL(request.url).pathname.startsWith('/static/')
      ? assets.fetch(request, env)
      : app.fetch(request, env)
}

import { serveStatic } from '@hono/node-server/serve-static'
import type { App } from '@mpp/api/app'
import { Hono } from 'hono'

/**
 * Serves what AWS serves beside the app: CloudFront's built assets under /static, S3's file uploads and
 * downloads (`files`) and the WebSocket API's live socket at /live (`live`), and hands everything else to the app.
 */
export const localFetch = (app: App, assetsDir: string, files?: Hono, live?: Hono) => {
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
  return (request: Request, env: unknown) => {
    const path = new URL(request.url).pathname
    if (path.startsWith('/static/')) return assets.fetch(request, env)
    if (files && (path === '/unggah' || path === '/berkas')) return files.fetch(request, env)
    if (live && path === '/live') return live.fetch(request, env)
    return app.fetch(request, env)
  }
}

import type { Context } from 'hono'
import { tenantUrl } from '../pages/tenant-url'
import type { Origin } from './applications'

/** The addresses mails link to, on the scheme and port of the request being answered. */
export const originOf = (c: Context, rootDomain: string): Origin => {
  const url = new URL(c.req.url)
  return {
    platform: `${url.protocol}//${rootDomain}${url.port ? `:${url.port}` : ''}`,
    tenant: (slug) => tenantUrl(c.req.url, rootDomain, slug),
  }
}

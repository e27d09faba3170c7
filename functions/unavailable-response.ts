import { retryAfterUnavailableSeconds } from '@mpp/api/errors'
import { loadMessages } from '@mpp/web/i18n/server-messages'
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * The 503 for a request that came while the app itself could not start (its secrets unreadable): the app's
 * error shape for the API, a small page for the rest, in Indonesian and English as the language is not known.
 */
export const unavailableResponse = async (path: string): Promise<APIGatewayProxyStructuredResultV2> => {
  const [id, en] = await Promise.all([loadMessages('id'), loadMessages('en')])
  const headers = { 'cache-control': 'no-store', 'retry-after': String(retryAfterUnavailableSeconds) }
  if (path.startsWith('/api/'))
    return {
      statusCode: 503,
      headers: { ...headers, 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({
        error: { code: 'unavailable', message: `${id.errors.unavailable} / ${en.errors.unavailable}` },
      }),
    }
  const section = (m: typeof id, lang: string) =>
    `<section lang="${lang}"><h1>${escapeHtml(m.errorPages.unavailableTitle)}</h1><p>${escapeHtml(m.errorPages.unavailableBody)}</p></section>`
  return {
    statusCode: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=UTF-8' },
    body: `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(id.errorPages.unavailableTitle)}</title></head><body><main>${section(id, 'id')}${section(en, 'en')}</main></body></html>`,
  }
}

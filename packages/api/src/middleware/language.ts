import { isLang, type Lang } from '@mpp/web/i18n/languages'
import { loadMessages } from '@mpp/web/i18n/server-messages'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'

const cookieName = 'lang'

/**
 * Indonesian unless the visitor chose English: `?lang=en` on any page switches and is remembered in a cookie,
 * so the switch is a plain link and needs no script.
 */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  const asked = c.req.query('lang')
  let lang: Lang = 'id'
  if (isLang(asked)) {
    lang = asked
    setCookie(c, cookieName, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax' })
  } else {
    const remembered = getCookie(c, cookieName)
    if (isLang(remembered)) lang = remembered
  }
  c.set('lang', lang)
  c.set('m', await loadMessages(lang))
  await next()
})

/** The current address with the other language chosen. */
export const switchLanguageHref = (url: string, lang: Lang): string => {
  const target = new URL(url)
  target.searchParams.set('lang', lang === 'id' ? 'en' : 'id')
  return `${target.pathname}${target.search}`
}

import { en } from './en'
import { id, type Messages } from './id'
import type { Lang } from './languages'

export { isLang, type Lang, languages } from './languages'
export type { Messages }

const catalogs: Record<Lang, Messages> = { id, en }

/** Both catalogs, for the browser scripts. The server loads English on first use instead (`server-messages.ts`). */
export const messagesFor = (lang: Lang): Messages => catalogs[lang]

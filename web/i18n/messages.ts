import { en } from './en'
import { id, type Messages } from './id'

export const languages = ['id', 'en'] as const
export type Lang = (typeof languages)[number]
export type { Messages }

const catalogs: Record<Lang, Messages> = { id, en }

export const isLang = (value: unknown): value is Lang => languages.includes(value as Lang)

export const messagesFor = (lang: Lang): Messages => catalogs[lang]

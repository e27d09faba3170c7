export const languages = ['id', 'en'] as const
export type Lang = (typeof languages)[number]

export const isLang = (value: unknown): value is Lang => languages.includes(value as Lang)

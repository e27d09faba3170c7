import { id, type Messages } from './id'
import type { Lang } from './languages'

let english: Promise<Messages> | undefined

/**
 * A language's catalog on the server: Indonesian is always loaded; English is imported the first time a request
 * or a mail needs it (the bundles split it into a chunk of its own), so an instance that only serves
 * Indonesian never reads it (README "Cold start"). The browser scripts keep `messagesFor` (messages.ts).
 */
export const loadMessages = (lang: Lang): Messages | Promise<Messages> => {
  if (lang === 'id') return id
  english ??= import('./en').then(
    (m) => m.en,
    (error) => {
      english = undefined
      throw error
    },
  )
  return english
}

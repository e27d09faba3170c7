/**
 * Catalog search without an index: a citizen's words against a service's name, ignoring case, accents and
 * punctuation, each word matching the start of a word ("ktp" finds "KTP Elektronik", "akta kel" finds
 * "Akta Kelahiran"; "lahir" does not, since it starts no word there).
 */

const marks = /\p{M}+/gu
const separators = /[^\p{L}\p{N}]+/gu

/** Lowercase, accents and diacritics removed (NFD), every run of punctuation and spaces one space. */
export const normaliseForSearch = (text: string): string =>
  text.normalize('NFD').replace(marks, '').toLowerCase().replace(separators, ' ').trim()

/** The words of a text as search compares them. */
export const searchWords = (text: string): string[] => {
  const normalised = normaliseForSearch(text)
  return normalised ? normalised.split(' ') : []
}

/**
 * True when every word of the query is the start of some word of the text. A query without words (empty,
 * or only punctuation) matches nothing: a search page shows no results rather than everything.
 */
export const matchesQuery = (text: string, query: string): boolean => {
  const wanted = searchWords(query)
  if (wanted.length === 0) return false
  const words = searchWords(text)
  return wanted.every((q) => words.some((w) => w.startsWith(q)))
}

/**
 * An entity id made from a name (`Dinas Kependudukan dan Pencatatan Sipil` -> `dinas-kependudukan-dan-
 * pencatatan-sipil`), for forms where the admin leaves the id empty; cut at a word end to fit 64.
 */
export const idFromName = (name: string, max = 64): string => {
  let id = ''
  for (const word of searchWords(name)) {
    const next = id ? `${id}-${word}` : word
    if (next.length > max) break
    id = next
  }
  return id || searchWords(name).join('').slice(0, max)
}

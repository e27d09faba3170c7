/**
 * Catalog search without an index: a citizen's words against a service's name, ignoring case, accents and
 * punctuation, each word matching the start of a word ("ktp" finds "KTP Elektronik", "akta kel" finds
 * "Akta Kelahiran"; "lahir" does not, since it starts no word there). Everyday words and abbreviations widen
 * a query through synonyms: the starter list (search-synonyms.ts) and the MPP's own words per service.
 */
import { commonSynonyms, type SynonymGroup } from './search-synonyms'

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
 * Whether a query names a synonym term: every word of the term is a word of the query, or begun by one of at
 * least three letters ("izin usaha" and "izin usa" name "izin usaha"; "izin" alone names no term, "pas"
 * names "paspor"). A term is named whole, so a short query does not drag in every service.
 */
const namesTerm = (queryWords: string[], term: string): boolean =>
  searchWords(term).every((w) => queryWords.some((q) => q === w || (q.length >= 3 && w.startsWith(q))))

/** The starter groups a query names ("izin usaha" names the NIB's). */
export const synonymGroupsOf = (query: string, groups: SynonymGroup[] = commonSynonyms): SynonymGroup[] => {
  const words = searchWords(query)
  if (words.length === 0) return []
  return groups.filter((g) => g.terms.some((t) => namesTerm(words, t)))
}

/**
 * The queries a query stands for: itself and, for each starter group it names, every term of that group. A
 * text matches the search when it matches any of them (`matchesAny`).
 */
export const expandQuery = (query: string, groups: SynonymGroup[] = commonSynonyms): string[] => [
  query,
  ...synonymGroupsOf(query, groups).flatMap((g) => g.terms),
]

/** True when the text matches one of the queries (`expandQuery`'s). */
export const matchesAny = (text: string, queries: string[]): boolean =>
  queries.some((q) => matchesQuery(text, q))

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

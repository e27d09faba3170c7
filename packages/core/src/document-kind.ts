import { z } from 'zod'
import { entityId } from './catalog'
import { searchWords } from './search'

/** A text in the two languages of every page: Indonesian first, English second. */
export const bilingualName = z
  .object({ id: z.string().trim().min(2).max(80), en: z.string().trim().min(2).max(80) })
  .strict()
export type BilingualName = z.infer<typeof bilingualName>

/**
 * A kind of document a citizen hands in (KTP, KK, pas foto, ...): what an online service's form asks for, and
 * later what a citizen's kept documents are filed under, so a KTP handed in once serves the next application.
 */
export const documentKind = z
  .object({
    id: entityId,
    name: bilingualName,
    /**
     * Other words a service's requirements name it by ("kartu tanda penduduk", "ktp-el"): a requirement that
     * contains the name or one of these is offered as this kind when the admin opens a service online.
     */
    keywords: z.array(z.string().trim().min(2).max(60)).max(20).optional(),
    /** No longer offered for new forms; kept, since documents already handed in are filed under it. */
    retired: z.boolean(),
  })
  .strict()
export type DocumentKind = z.infer<typeof documentKind>

const kind = (id: string, nameId: string, nameEn: string, keywords: string[]): DocumentKind => ({
  id,
  name: { id: nameId, en: nameEn },
  keywords,
  retired: false,
})

/**
 * Every MPP's list before its admin changes anything: the documents the seeds' requirements name most. They
 * live here, not in each tenant's partition, so a new MPP (and every existing one) has them without a write;
 * a stored kind of the same id replaces its default (renamed, retired).
 */
export const defaultDocumentKinds: readonly DocumentKind[] = [
  kind('ktp', 'KTP-el', 'Identity card (KTP-el)', ['ktp', 'kartu tanda penduduk', 'e-ktp', 'ktp el']),
  kind('kk', 'Kartu Keluarga', 'Family card (KK)', ['kk', 'kartu keluarga']),
  kind('pas-foto', 'Pas foto', 'Passport photo', ['pas foto', 'pasfoto', 'foto']),
  kind('npwp', 'NPWP', 'Tax number card (NPWP)', ['npwp', 'nomor pokok wajib pajak']),
  kind('akta-kelahiran', 'Akta kelahiran', 'Birth certificate', ['akta kelahiran', 'akte kelahiran']),
  kind('akta-perkawinan', 'Akta perkawinan/buku nikah', 'Marriage certificate', [
    'akta perkawinan',
    'akta nikah',
    'buku nikah',
    'akte perkawinan',
  ]),
  kind('surat-pengantar', 'Surat pengantar RT/RW', 'Cover letter from the RT/RW', [
    'surat pengantar',
    'pengantar rt',
    'pengantar rw',
  ]),
  kind('surat-keterangan-domisili', 'Surat keterangan domisili', 'Proof of residence', [
    'keterangan domisili',
    'surat domisili',
  ]),
  kind('ijazah', 'Ijazah', 'School certificate', ['ijazah']),
  kind('surat-kuasa', 'Surat kuasa', 'Power of attorney', ['surat kuasa']),
  kind('sertifikat-tanah', 'Sertifikat tanah', 'Land title certificate', [
    'sertifikat tanah',
    'sertipikat tanah',
    'bukti kepemilikan tanah',
  ]),
  kind('nib', 'NIB', 'Business identification number (NIB)', ['nib', 'nomor induk berusaha']),
]

/** A tenant's list: the defaults, each replaced by a stored kind of its id, then the tenant's own, by name. */
export const mergeDocumentKinds = (stored: readonly DocumentKind[]): DocumentKind[] => {
  const byId = new Map(stored.map((k) => [k.id, k]))
  const defaults = defaultDocumentKinds.map((d) => byId.get(d.id) ?? d)
  const own = stored
    .filter((k) => !defaultDocumentKinds.some((d) => d.id === k.id))
    .sort((a, b) => a.name.id.localeCompare(b.name.id, 'id'))
  return [...defaults, ...own]
}

/** Whether the words of `phrase` stand in `text` one after another, as whole words. */
const containsPhrase = (text: string[], phrase: string[]) =>
  phrase.length > 0 && text.some((_, start) => phrase.every((word, i) => text[start + i] === word))

export interface DocumentSuggestion {
  kindId: string
  /** The requirement, as the standard writes it, that names the kind. */
  requirement: string
}

/**
 * The kinds a service's requirements name ('Fotokopi Kartu Keluarga' -> KK, 'KTP-el asli' -> KTP): a kind's
 * Indonesian name or one of its words standing whole in a requirement, ignoring case, accents and
 * punctuation. Each kind once, in the order of the requirements; retired kinds are not offered. A suggestion
 * for the admin to confirm, never applied by itself.
 */
export const suggestDocumentKinds = (
  requirements: readonly string[],
  kinds: readonly DocumentKind[],
): DocumentSuggestion[] => {
  const suggestions: DocumentSuggestion[] = []
  for (const requirement of requirements) {
    const words = searchWords(requirement)
    for (const k of kinds) {
      if (k.retired || suggestions.some((s) => s.kindId === k.id)) continue
      const phrases = [k.name.id, ...(k.keywords ?? [])].map(searchWords)
      if (phrases.some((p) => containsPhrase(words, p))) suggestions.push({ kindId: k.id, requirement })
    }
  }
  return suggestions
}

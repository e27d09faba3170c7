import {
  expandQuery,
  idFromName,
  matchesAny,
  matchesQuery,
  normaliseForSearch,
  searchWords,
  synonymGroupsOf,
} from '@mpp/core/search'
import { commonSynonyms } from '@mpp/core/search-synonyms'
import { describe, expect, it } from 'vitest'

describe('normaliseForSearch', () => {
  it('lowercases, strips accents and turns punctuation into single spaces', () => {
    expect(normaliseForSearch('  KTP-el (Perekaman & Pencetakan)  ')).toBe('ktp el perekaman pencetakan')
    expect(normaliseForSearch('Café Crème, São Tomé')).toBe('cafe creme sao tome')
    expect(normaliseForSearch('Pajak Daerah/PBB-P2')).toBe('pajak daerah pbb p2')
  })

  it('handles composed and decomposed accents alike', () => {
    expect(normaliseForSearch('e\u0301')).toBe(normaliseForSearch('\u00e9'))
    expect(normaliseForSearch('\u00c9')).toBe('e')
  })

  it('leaves nothing of a text without letters or digits', () => {
    expect(normaliseForSearch(' -- !? ')).toBe('')
    expect(searchWords(' -- ')).toEqual([])
  })
})

describe('matchesQuery', () => {
  const ktp = 'KTP Elektronik (perekaman dan pencetakan)'

  it('finds a word by its start, whatever the case', () => {
    expect(matchesQuery(ktp, 'ktp')).toBe(true)
    expect(matchesQuery(ktp, 'KTP')).toBe(true)
    expect(matchesQuery(ktp, 'elek')).toBe(true)
    expect(matchesQuery(ktp, 'Pencetakan')).toBe(true)
  })

  it('needs every query word, each at the start of some word', () => {
    expect(matchesQuery('Akta Kelahiran', 'akta kel')).toBe(true)
    expect(matchesQuery('Akta Kelahiran', 'kel akta')).toBe(true)
    expect(matchesQuery('Akta Kelahiran', 'akta lahir')).toBe(false)
    expect(matchesQuery('Akta Kelahiran', 'akta kematian')).toBe(false)
  })

  it('does not match inside a word', () => {
    expect(matchesQuery(ktp, 'tp')).toBe(false)
    expect(matchesQuery('Surat Keterangan Catatan Kepolisian (SKCK)', 'kck')).toBe(false)
  })

  it('ignores accents and punctuation on both sides', () => {
    expect(matchesQuery('Kafé dan Kantin', 'kafe')).toBe(true)
    expect(matchesQuery('Kafe dan Kantin', 'Kafé')).toBe(true)
    expect(matchesQuery('Surat Keterangan Catatan Kepolisian (SKCK)', '(skck)')).toBe(true)
    expect(matchesQuery('Pendaftaran KTP-el', 'ktp-el')).toBe(true)
  })

  it('matches nothing for a query without words', () => {
    expect(matchesQuery(ktp, '')).toBe(false)
    expect(matchesQuery(ktp, '   ')).toBe(false)
    expect(matchesQuery(ktp, '?!')).toBe(false)
  })
})

describe('idFromName', () => {
  it('makes an entity id of a name', () => {
    expect(idFromName('Dinas Kependudukan & Pencatatan Sipil')).toBe('dinas-kependudukan-pencatatan-sipil')
    expect(idFromName('Badan Pendapatan Daerah (Bapenda)')).toBe('badan-pendapatan-daerah-bapenda')
  })

  it('cuts long names at a word end', () => {
    const id = idFromName(
      'Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi untuk bangunan umum dan khusus',
    )
    expect(id.length).toBeLessThanOrEqual(64)
    expect(id.endsWith('-')).toBe(false)
    expect(id.startsWith('persetujuan-bangunan-gedung')).toBe(true)
  })

  it('gives nothing for a name without letters or digits', () => {
    expect(idFromName('—')).toBe('')
  })
})

describe('synonyms', () => {
  const nib = 'Nomor Induk Berusaha (NIB) melalui OSS'

  it('lets everyday words find a service by its other names', () => {
    const find = (text: string, query: string) => matchesAny(text, expandQuery(query))
    expect(find(nib, 'izin usaha')).toBe(true)
    expect(find(nib, 'Izin Usaha')).toBe(true)
    expect(find(nib, 'SIUP')).toBe(true)
    expect(find('KTP Elektronik (perekaman dan pencetakan)', 'e-KTP')).toBe(true)
    expect(find('KTP Elektronik (perekaman dan pencetakan)', 'KTP-el')).toBe(true)
    expect(find('Perpanjangan SIM A dan SIM C', 'surat izin mengemudi')).toBe(true)
    expect(find('Paspor biasa (baru dan penggantian)', 'passport')).toBe(true)
    expect(find('Akta Kelahiran', 'akte lahir')).toBe(true)
    // Without a synonym the rule stays the word prefix one.
    expect(find(nib, 'izin bangunan')).toBe(false)
    expect(find('Akta Kelahiran', 'akta tanah')).toBe(false)
  })

  it('names a term only when the query holds all of its words', () => {
    const labels = (q: string) => synonymGroupsOf(q).map((g) => g.label)
    expect(labels('izin usaha')).toEqual(['Izin usaha (NIB)'])
    expect(labels('izin usa')).toEqual(['Izin usaha (NIB)'])
    expect(labels('pas')).toEqual(['Paspor'])
    expect(labels('paspor baru')).toEqual(['Paspor'])
    // One common word or a letter or two names nothing, so a short query does not drag in every service.
    expect(labels('izin')).toEqual([])
    expect(labels('pa')).toEqual([])
    expect(labels('')).toEqual([])
    expect(labels(' -- ')).toEqual([])
  })

  it('expands to the query itself first, then the terms of every group it names', () => {
    expect(expandQuery('akta')).toEqual(['akta'])
    expect(expandQuery('paspor')).toEqual(['paspor', 'paspor', 'pasport', 'passport'])
  })

  it('knows where each starter service is usually served', () => {
    for (const g of commonSynonyms) {
      expect(g.terms.length, g.label).toBeGreaterThan(0)
      expect(g.usuallyAt.length, g.label).toBeGreaterThan(3)
      for (const term of g.terms) expect(searchWords(term).length, term).toBeGreaterThan(0)
    }
    expect(synonymGroupsOf('paspor')[0]?.usuallyAt).toBe('Kantor Imigrasi')
  })
})

import { idFromName, matchesQuery, normaliseForSearch, searchWords } from '@mpp/core/search'
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

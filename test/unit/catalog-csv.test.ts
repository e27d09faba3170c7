import { catalogTemplateCsv, csvColumns, readCatalogCsv } from '@mpp/api/admin/catalog-csv'
import { messagesFor } from '@mpp/web/i18n/messages'
import { describe, expect, it } from 'vitest'

const m = messagesFor('id')
const empty = { agencies: [], services: [] }
const header = csvColumns.slice(0, 10)
const row = (id: string, name: string) => [
  'disdukcapil',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'opd',
  id,
  name,
  'KTP-el | Kartu Keluarga',
  'Ambil nomor antrean | Verifikasi',
  '1 hari kerja',
  'Gratis',
  'Dokumen',
]

describe('the catalog CSV', () => {
  it("refuses the template's example rows until they are edited, saying why", async () => {
    const read = await readCatalogCsv(catalogTemplateCsv(), empty, m)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'agency_id, service_id, agency_name, service_name'],
      [3, 'agency_id, service_id, agency_name, service_name'],
    ])
    for (const issue of read.issues) expect(issue.message).toBe(m.catalogImport.sampleRow)
  })

  it('refuses a row that still has one mark, and takes it once the marks are gone', async () => {
    const marked = await readCatalogCsv(
      [header, row('contoh-akta', 'Akta Kelahiran'), row('akta', 'CONTOH Akta')]
        .map((r) => r.join(','))
        .join('\n'),
      empty,
      m,
    )
    expect(!marked.ok && marked.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'service_id'],
      [3, 'service_name'],
    ])
    // "Contohnya" in a sentence or an id that merely contains the word is not a mark.
    const edited = await readCatalogCsv(
      [header, row('akta-contoh-baru', 'Akta Kelahiran (contoh: anak pertama)')]
        .map((r) => r.join(','))
        .join('\n'),
      empty,
      m,
    )
    expect(edited.ok).toBe(true)
  })

  it('reads a semicolon file with a BOM and CRLF as the comma file', async () => {
    const lines = [header, row('akta', 'Akta Kelahiran'), row('kk', 'Kartu Keluarga')]
    const comma = await readCatalogCsv(lines.map((r) => r.join(',')).join('\n'), empty, m)
    const semicolon = await readCatalogCsv(
      `\uFEFF${lines.map((r) => r.join(';')).join('\r\n')}\r\n`,
      empty,
      m,
    )
    expect(comma.ok && semicolon.ok).toBe(true)
    if (!comma.ok || !semicolon.ok) return
    expect(semicolon.delimiter).toBe(';')
    expect(semicolon.services).toEqual(comma.services)
    expect(semicolon.services.map((s) => s.service.id)).toEqual(['akta', 'kk'])
  })

  it('names the line and column of an unclosed quote in words, never the parser text', async () => {
    for (const lang of ['id', 'en'] as const) {
      const text = `${header.join(';')}\n${row('akta', 'Akta').join(';')}\n${row('kk', '"Kartu Keluarga').join(';')}\n`
      const read = await readCatalogCsv(text, empty, messagesFor(lang))
      expect(!read.ok && read.issues).toEqual([
        { line: 3, field: 'service_name', message: messagesFor(lang).catalogImport.unclosedQuote(3) },
      ])
      expect(JSON.stringify(read)).not.toMatch(/Quote Not Closed|Invalid Opening Quote/)
    }
  })
})

